import { Link } from "@remix-run/react";
import { BarChart } from "~/components/dashboard/bar-chart";
import { useTranslation } from "~/i18n/use-translation";
import { chartLabel } from "~/workflow/evaluation";

export interface DepartmentSummaryRow {
  id: number;
  nameZh: string;
  nameEn: string;
  received: number;
  answeredInTimePct: number | null;
  satisfactionPct: number | null;
}

/**
 * 综合评价 at a glance on the street dashboard: this month's share of calls each department answered
 * within its limit and the satisfaction of the topics it served; the whole evaluation (per community
 * too, printable) is its own page.
 */
export function EvaluationSummary({ streetSlug, month, rows }: { streetSlug: string; month: string; rows: DepartmentSummaryRow[] }) {
  const { t, i18n } = useTranslation();
  const name = (r: DepartmentSummaryRow) => (i18n.language === "en" ? r.nameEn : r.nameZh);
  const pct = (v: number | null) => (v === null ? t("evaluation.none") : t("evaluation.pct", { value: v }));
  const chart = (key: "answeredInTimePct" | "satisfactionPct", title: string, tone: "ok" | "hall") => {
    const bars = rows.map((r) => ({ key: String(r.id), label: chartLabel(name(r)), value: r[key], display: pct(r[key]), tone }));
    return <BarChart id={`summary-${key}`} testId={`summary-${key}`} title={title} desc={rows.map((r) => `${name(r)} ${pct(r[key])}`).join(", ")} bars={bars} max={100} />;
  };
  return (
    <div className="space-y-3" data-testid="evaluation-summary">
      <p className="text-sm text-stone-600">{t("evaluation.periodMonth", { year: month.slice(0, 4), month: String(Number(month.slice(5))) })}</p>
      {rows.length === 0 ? (
        <p className="text-sm text-stone-600">{t("evaluation.noDepartments")}</p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          {chart("answeredInTimePct", t("evaluation.answeredInTime"), "ok")}
          {chart("satisfactionPct", t("evaluation.satisfaction"), "hall")}
        </div>
      )}
      <Link to={`/s/${streetSlug}/evaluation?month=${month}`} className="no-print text-sm">
        {t("evaluation.fullReport")}
      </Link>
    </div>
  );
}
