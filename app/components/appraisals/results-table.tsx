import { useTranslation } from "~/i18n/use-translation";
import { APPRAISAL_RATINGS, type AppraisalRating } from "~/workflow/assembly";

export interface SubjectRow {
  userId: number;
  name: string;
  competent: number;
  basicallyCompetent: number;
  incompetent: number;
  verdict: AppraisalRating | null;
}

/** Each appraised member with their counts and verdict (the page's results and the public board). */
export function ResultsTable({ subjects, testId }: { subjects: SubjectRow[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[28rem] text-left text-sm" data-testid={testId}>
        <thead>
          <tr className="border-b border-stone-200 text-xs text-stone-600">
            <th className="py-2 pr-3 font-medium">{t("appraisal.member")}</th>
            {APPRAISAL_RATINGS.map((r) => (
              <th key={r} className="px-2 py-2 text-right font-medium">
                {t(`appraisal.ratings.${r}`)}
              </th>
            ))}
            <th className="py-2 pl-3 font-medium">{t("appraisal.verdict")}</th>
          </tr>
        </thead>
        <tbody>
          {subjects.map((s) => (
            <tr key={s.userId} className="border-b border-stone-100" data-testid={`appraisal-subject-${s.userId}`}>
              <td className="py-2 pr-3 font-medium">{s.name}</td>
              {APPRAISAL_RATINGS.map((r) => (
                <td key={r} className="px-2 py-2 text-right tabular-nums">
                  {s[r]}
                </td>
              ))}
              <td className={`py-2 pl-3 ${s.verdict === "incompetent" ? "font-semibold text-red-700" : ""}`}>{s.verdict ? t(`appraisal.ratings.${s.verdict}`) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
