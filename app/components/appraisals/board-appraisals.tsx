import { useTranslation } from "~/i18n/use-translation";
import { ResultsTable, type SubjectRow } from "./results-table";

/** The board's 民主评议结果: each closed year's counts and verdicts per committee member (public officials), with the rule that gave the verdicts. */
export function BoardAppraisals({ items }: { items: { id: number; year: number; body: "representatives" | "assembly"; voters: number; subjects: SubjectRow[] }[] }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      {items.map((a) => (
        <section key={a.id} className="space-y-2">
          <h3 className="text-sm font-semibold">{t("appraisal.resultsOf", { year: a.year, body: t(`appraisal.body.${a.body}`), count: a.body === "assembly" ? Math.max(0, ...a.subjects.map((s) => s.competent + s.basicallyCompetent + s.incompetent)) : a.voters })}</h3>
          <ResultsTable subjects={a.subjects} testId={`board-appraisal-${a.year}`} />
        </section>
      ))}
      <p className="text-xs text-stone-500">{t("appraisal.close.rule")}</p>
    </div>
  );
}
