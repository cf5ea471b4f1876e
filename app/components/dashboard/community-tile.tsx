import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { Stage } from "~/workflow/stages";
import { DutyFlagsLine, type DutyFlags } from "./duty-flags";
import { FunnelChart } from "./funnel-chart";

export interface StreetCommunity {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  funnel: Record<Stage, number>;
  closed: number;
  overdueScreening: number;
  overdueTasks: number;
  satisfactionPct: number | null;
  rounds: number;
  thresholdPct: number | null;
  /** Overdue meetings and appraisals the law asks for, and members rated 不称职 twice in a row (issue 17). */
  duties: DutyFlags | null;
}

/** One community on the street dashboard: its small funnel and the figures beside it, linked into its hall. */
export function CommunityTile({ c }: { c: StreetCommunity }) {
  const { t, i18n } = useTranslation();
  const name = i18n.language === "en" ? c.nameEn : c.nameZh;
  const figure = (label: string, value: string | number, testId: string, bad = false) => (
    <div className="rounded border border-stone-200 px-2 py-1">
      <dt className="text-xs text-stone-600">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${bad ? "text-red-700" : "text-stone-900"}`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  const pct = c.satisfactionPct;
  return (
    <article className="break-inside-avoid space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid={`community-${c.slug}`}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-base font-semibold">
          <Link to={`/c/${c.slug}`}>{name}</Link> <span className="text-xs font-normal text-stone-500">{t(`home.kind_${c.kind}`)}</span>
        </h3>
        <span className="text-xs text-stone-600">{t("supervision.street.closed", { count: c.closed })}</span>
      </header>
      <FunnelChart id={`funnel-${c.slug}`} title={t("supervision.charts.funnel")} counts={c.funnel} compact testId={`chart-funnel-${c.slug}`} />
      <dl className="grid grid-cols-3 gap-2 text-center">
        {figure(t("hall.overdueCount"), c.overdueScreening, `overdue-count-${c.slug}`, c.overdueScreening > 0)}
        {figure(t("supervision.charts.overdueTasks"), c.overdueTasks, `overdue-tasks-${c.slug}`, c.overdueTasks > 0)}
        {figure(t("supervision.street.satisfaction"), pct === null ? "—" : `${pct}%`, `satisfaction-${c.slug}`, pct !== null && c.thresholdPct !== null && pct < c.thresholdPct)}
      </dl>
      <DutyFlagsLine slug={c.slug} kind={c.kind} flags={c.duties} />
    </article>
  );
}
