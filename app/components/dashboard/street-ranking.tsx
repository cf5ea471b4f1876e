import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { rankBy } from "~/workflow/dashboard";
import { BarChart } from "./bar-chart";
import type { StreetCommunity } from "./community-tile";

/** The street's communities ranked by overdue work and by satisfaction, each linking into its hall, with the same figures as bars. */
export function StreetRanking({ communities }: { communities: StreetCommunity[] }) {
  const { t, i18n } = useTranslation();
  const name = (c: StreetCommunity) => (i18n.language === "en" ? c.nameEn : c.nameZh);
  const work = (c: StreetCommunity) => c.overdueScreening + c.overdueTasks;
  const byOverdue = rankBy(communities, work);
  const bySatisfaction = rankBy(communities, (c) => c.satisfactionPct);
  const join = t("supervision.charts.listJoin");
  const list = (testId: string, title: string, rows: StreetCommunity[], figure: (c: StreetCommunity) => string) => (
    <div className="min-w-0">
      <h3 className="mb-1 text-sm font-semibold text-stone-800">{title}</h3>
      <ol className="divide-y divide-stone-100 rounded border border-stone-200" data-testid={testId}>
        {rows.map((c, i) => (
          <li key={c.slug} className="flex min-h-[44px] items-center gap-3 px-3 text-sm">
            <span className="w-5 text-right font-semibold tabular-nums text-stone-500">{i + 1}</span>
            <Link to={`/c/${c.slug}`} className="min-w-0 flex-1 truncate font-medium">
              {name(c)}
            </Link>
            <span className="whitespace-nowrap tabular-nums">{figure(c)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
  return (
    <div className="space-y-5">
      <div className="grid gap-4 md:grid-cols-2">
        {list("rank-overdue", t("supervision.street.byOverdue"), byOverdue, (c) => t("supervision.street.overdueWork", { count: work(c) }))}
        {list("rank-satisfaction", t("supervision.street.bySatisfaction"), bySatisfaction, (c) => (c.satisfactionPct === null ? t("supervision.street.noRating") : `${c.satisfactionPct}%`))}
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <BarChart
          id="street-overdue"
          testId="chart-street-overdue"
          valueRoom={140}
          title={t("supervision.street.overdueChart")}
          desc={byOverdue.map((c) => `${name(c)} ${work(c)}`).join(join)}
          bars={byOverdue.map((c) => ({ key: c.slug, label: name(c), value: work(c), display: t("supervision.street.overdueSplit", { count: work(c), screening: c.overdueScreening, tasks: c.overdueTasks }), tone: work(c) ? "bad" : "muted" }))}
        />
        <BarChart
          id="street-satisfaction"
          testId="chart-street-satisfaction"
          title={t("supervision.street.satisfactionChart")}
          desc={bySatisfaction.map((c) => `${name(c)} ${c.satisfactionPct === null ? t("supervision.street.noRating") : `${c.satisfactionPct}%`}`).join(join)}
          max={100}
          bars={bySatisfaction.map((c) => ({ key: c.slug, label: name(c), value: c.satisfactionPct, display: c.satisfactionPct === null ? t("supervision.street.noRating") : `${c.satisfactionPct}%`, tone: c.thresholdPct !== null && c.satisfactionPct !== null && c.satisfactionPct < c.thresholdPct ? "bad" : "ok" }))}
        />
      </div>
    </div>
  );
}
