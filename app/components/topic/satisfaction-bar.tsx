import { useTranslation } from "~/i18n/use-translation";
import { RATINGS, type Rating } from "~/workflow/execution";

const COLOURS: Record<Rating, string> = { satisfied: "bg-green-600", fair: "bg-green-300", unsatisfied: "bg-red-400" };

/** The counts of a rating window as one stacked bar, with the satisfied share and the rules' threshold. */
export function SatisfactionBar({ counts, pct, thresholdPct }: { counts: Record<Rating, number>; pct: number | null; thresholdPct: number }) {
  const { t } = useTranslation();
  const total = RATINGS.reduce((n, r) => n + counts[r], 0);
  return (
    <div className="space-y-1.5" data-testid="satisfaction">
      <p className="text-stone-800">
        {pct === null ? t("rating.noRatings") : t("rating.share", { pct, count: total })}
        <span className="text-stone-600"> · {t("rating.threshold", { pct: thresholdPct })}</span>
      </p>
      <div className="relative flex h-3 overflow-hidden rounded-full bg-stone-200" aria-hidden="true">
        {total ? RATINGS.map((r) => <div key={r} className={COLOURS[r]} style={{ width: `${(counts[r] * 100) / total}%` }} />) : null}
        <div className="absolute inset-y-0 w-0.5 bg-stone-900" style={{ left: `${thresholdPct}%` }} />
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-700">
        {RATINGS.map((r) => (
          <li key={r} className="flex items-center gap-1">
            <span className={`inline-block h-2.5 w-2.5 rounded-sm ${COLOURS[r]}`} aria-hidden="true" />
            {t(`rating.choices.${r}`)} {counts[r]}
          </li>
        ))}
      </ul>
    </div>
  );
}
