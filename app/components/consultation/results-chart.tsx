import { useTranslation } from "~/i18n/use-translation";
import { STANCES, type Stance } from "~/forms/consultation";

const BAR: Record<Stance, string> = { support: "bg-green-600", supportWithChanges: "bg-amber-500", oppose: "bg-red-600" };

/** Counts per stance as labelled CSS bars: numbers and words carry the meaning, colour only helps (and prints as a border). */
export function ResultsChart({ counts }: { counts: Record<Stance, number> }) {
  const { t } = useTranslation();
  const total = STANCES.reduce((sum, s) => sum + counts[s], 0);
  return (
    <figure className="space-y-2" data-testid="results">
      <figcaption className="text-sm text-stone-600">
        {t("consultation.solicitation.chartLabel")} · {t("consultation.solicitation.total", { count: total })}
      </figcaption>
      <dl className="space-y-2">
        {STANCES.map((s) => {
          const pct = total ? Math.round((counts[s] / total) * 100) : 0;
          return (
            <div key={s} className="grid grid-cols-[7rem_1fr_3.5rem] items-center gap-2 text-sm" data-testid={`count-${s}`}>
              <dt className="text-stone-800">{t(`consultation.stances.${s}`)}</dt>
              <dd className="h-5 overflow-hidden rounded border border-stone-400 bg-stone-100 print:bg-white">
                <div className={`h-full ${BAR[s]} print:border-r-2 print:border-black`} style={{ width: `${pct}%` }} />
              </dd>
              <dd className="text-right tabular-nums text-stone-900">
                <span data-testid={`n-${s}`}>{counts[s]}</span> <span className="text-xs text-stone-500">({pct}%)</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </figure>
  );
}
