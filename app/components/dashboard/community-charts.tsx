import { useTranslation } from "~/i18n/use-translation";
import { RATINGS, type Rating } from "~/workflow/execution";
import { STAGES, type Stage } from "~/workflow/stages";
import { BarChart } from "./bar-chart";
import { FunnelChart } from "./funnel-chart";

export interface ChartRound {
  windowId: number;
  number: number;
  title: string;
  outcome: "closed" | "reopened" | null;
  pct: number | null;
}

export interface CommunityFigures {
  funnel: Record<Stage, number>;
  medianDays: Record<Stage, number | null>;
  overdueScreening: number;
  overdueTasks: number;
  satisfaction: { rounds: number; counts: Record<Rating, number>; pct: number | null; recent: ChartRound[] };
}

const short = (text: string, max: number) => (Array.from(text).length > max ? `${Array.from(text).slice(0, max - 1).join("")}…` : text);

/** The community's four pictures: the stage funnel, median days per stage, overdue work and satisfaction. */
export function CommunityCharts({ figures, thresholdPct }: { figures: CommunityFigures; thresholdPct: number }) {
  const { t } = useTranslation();
  const join = t("supervision.charts.listJoin");
  const days = (d: number | null) => (d === null ? t("supervision.charts.noData") : t("supervision.charts.medianDays", { days: d }));
  const overdue = [
    { key: "screening", label: t("supervision.charts.overdueScreening"), value: figures.overdueScreening },
    { key: "tasks", label: t("supervision.charts.overdueTasks"), value: figures.overdueTasks },
  ];
  const sat = figures.satisfaction;
  const rounds = sat.recent.map((r) => ({
    key: String(r.windowId),
    label: short(t("supervision.charts.round", { number: r.number, title: r.title }), 7),
    value: r.pct,
    display: `${r.pct === null ? t("supervision.charts.noData") : t("supervision.charts.pct", { pct: r.pct })} ${r.outcome ? t(`supervision.charts.${r.outcome}`) : ""}`.trim(),
    tone: r.pct !== null && r.pct >= thresholdPct ? ("ok" as const) : ("bad" as const),
  }));
  const total = RATINGS.reduce((sum, r) => sum + sat.counts[r], 0);
  return (
    <div className="grid gap-6 md:grid-cols-2" data-testid="community-charts">
      <FunnelChart id="funnel" title={t("supervision.charts.funnel")} counts={figures.funnel} testId="chart-funnel" />
      <BarChart
        id="median"
        testId="chart-median"
        title={t("supervision.charts.median")}
        desc={STAGES.map((s) => `${t(`stages.${s}`)} ${days(figures.medianDays[s])}`).join(join)}
        bars={STAGES.map((s) => ({ key: s, label: t(`stages.${s}`), value: figures.medianDays[s], display: days(figures.medianDays[s]), tone: "warn" }))}
      />
      <BarChart
        id="overdue"
        testId="chart-overdue"
        title={t("supervision.charts.overdue")}
        desc={overdue.map((o) => `${o.label} ${o.value}`).join(join)}
        bars={overdue.map((o) => ({ ...o, display: String(o.value), tone: o.value ? "bad" : "muted" }))}
      />
      <div className="space-y-1">
        {rounds.length ? (
          <BarChart
            id="satisfaction"
            testId="chart-satisfaction"
            title={t("supervision.charts.satisfaction")}
            desc={sat.recent.map((r) => t("supervision.charts.roundDesc", { number: r.number, pct: r.pct === null ? t("supervision.charts.noData") : `${r.pct}%` })).join(join)}
            bars={rounds}
            max={100}
            marker={{ value: thresholdPct, label: t("supervision.charts.threshold", { pct: thresholdPct }) }}
          />
        ) : (
          <p className="text-sm text-stone-600" data-testid="chart-satisfaction">
            <span className="block font-medium text-stone-800">{t("supervision.charts.satisfaction")}</span>
            {t("supervision.charts.satisfactionNone")}
          </p>
        )}
        {sat.pct !== null ? <p className="text-sm text-stone-700">{t("supervision.charts.satisfactionAll", { pct: sat.pct, count: total, rounds: sat.rounds })}</p> : null}
      </div>
    </div>
  );
}
