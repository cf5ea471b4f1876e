import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";
import { SatisfactionBar } from "~/components/topic/satisfaction-bar";
import type { Rating } from "~/workflow/execution";

export interface BoardResult {
  number: number;
  title: string;
  state: string;
  summary: string;
  publishedAt: Instant;
  rounds: Array<{ closesAt: Instant; outcome: string | null; pct: number | null; counts: Record<Rating, number> }>;
}

/** 实施结果公开: the committee's account, where the topic ended, and the residents' verdict in each settled round. */
export function ResultList({ items, thresholdPct }: { items: BoardResult[]; thresholdPct: number }) {
  const { t } = useTranslation();
  const { date } = useFormats();
  if (items.length === 0) return <p className="text-sm text-stone-600">{t("board.results.none")}</p>;
  return (
    <ul className="space-y-4">
      {items.map((r) => (
        <li key={`${r.number}-${isoOf(r.publishedAt)}`} className="space-y-2 rounded-md border border-stone-200 p-3 sm:p-4" data-testid="board-result">
          <h3 className="font-semibold leading-snug text-stone-900">{t("board.topic", { number: r.number, title: r.title })}</h3>
          <p className="text-sm text-stone-600">
            {t("board.results.published")} <time dateTime={isoOf(r.publishedAt)}>{date.format(new Date(r.publishedAt))}</time> ·{" "}
            <span className="font-medium text-stone-800" data-testid="board-result-state">
              {t(`board.results.state.${r.state === "closed" ? "closed" : r.state === "verifying" ? "verifying" : "executing"}`)}
            </span>
          </p>
          <p className="whitespace-pre-wrap break-words text-sm text-stone-800">{r.summary}</p>
          {r.rounds.map((round, i) => (
            <div key={i} className="rounded-md bg-stone-50 p-3 text-sm" data-testid="board-round">
              <p className="mb-1.5 font-medium text-stone-800">
                {t("board.results.round", { n: i + 1, date: date.format(new Date(round.closesAt)) })} · {t(`rating.outcome.${round.outcome === "closed" ? "closed" : "reopened"}`)}
              </p>
              <SatisfactionBar counts={round.counts} pct={round.pct} thresholdPct={thresholdPct} />
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
