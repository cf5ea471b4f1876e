import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { useFormats } from "~/components/topic/formats";
import { RATINGS } from "~/workflow/execution";
import type { QueueEntry } from "./types";
import { VerifyForm } from "./verify-form";

/** A topic being verified: its rating window, the ratings so far against the threshold, the on-site checks and (for supervisors) the form to add one. */
export function VerifyEntry({ slug, entry, thresholdPct, canVerify, sizeLabel, errors }: { slug: string; entry: QueueEntry; thresholdPct: number; canVerify: boolean; sizeLabel: string; errors: Record<string, string[] | undefined> }) {
  const { t } = useTranslation();
  const f = useFormats();
  const round = entry.round;
  const total = round ? RATINGS.reduce((sum, r) => sum + round.counts[r], 0) : 0;
  return (
    <article id={`verify-${entry.topicId}`} className="break-inside-avoid space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid={`queue-${entry.topicId}`}>
      <h3 className="text-base font-semibold">
        <Link to={`/c/${slug}/topics/${entry.topicId}`}>
          {t("hall.number", { number: entry.number })} {entry.title}
        </Link>
      </h3>
      {round ? (
        <div className="space-y-2 text-sm">
          <p className="font-medium text-stone-800">{t("supervision.queue.closesAt", { date: f.dateTime.format(new Date(round.closesAt)) })}</p>
          <dl className="grid grid-cols-3 gap-2 text-center" data-testid="round-counts">
            {RATINGS.map((r) => (
              <div key={r} className="rounded border border-stone-200 px-1 py-2">
                <dt className="text-xs text-stone-600">{t(`supervision.ratings.${r}`)}</dt>
                <dd className="text-lg font-semibold tabular-nums" data-testid={`count-${r}`}>
                  {round.counts[r]}
                </dd>
              </div>
            ))}
          </dl>
          <p data-testid="round-pct">
            {round.pct === null ? (
              <span className="text-stone-600">{t("supervision.queue.noRatings")}</span>
            ) : (
              <span className={round.pct >= thresholdPct ? "font-semibold text-green-800" : "font-semibold text-red-700"}>
                {t("supervision.queue.pct", { pct: round.pct })} · {t(round.pct >= thresholdPct ? "supervision.queue.meets" : "supervision.queue.below")}
              </span>
            )}{" "}
            <span className="text-stone-600">
              ({t("supervision.queue.counts", { count: total })}, {t("supervision.queue.threshold", { pct: thresholdPct })})
            </span>
          </p>
          <h4 className="pt-1 font-semibold text-stone-900">{t("supervision.queue.checks")}</h4>
          {round.checks.length ? (
            <ul className="space-y-2" data-testid="checks">
              {round.checks.map((c) => (
                <li key={c.id} className="rounded border border-stone-200 p-2" data-testid={`check-${c.id}`}>
                  <p className={`font-semibold ${c.verified ? "text-green-800" : "text-red-700"}`}>{t(c.verified ? "supervision.queue.verified" : "supervision.queue.notVerified")}</p>
                  <p className="whitespace-pre-line text-stone-800">{c.notes}</p>
                  <p className="text-xs text-stone-500">{t("supervision.queue.by", { name: c.supervisor, date: f.dateTime.format(new Date(c.createdAt)) })}</p>
                  {c.photoIds.length ? (
                    <div className="mt-1 flex flex-wrap gap-2">
                      {c.photoIds.map((p, i) => (
                        <a key={p} href={`/c/${slug}/photos/${p}`} className="block">
                          <img src={`/c/${slug}/photos/${p}`} alt={t("supervision.queue.photo", { n: i + 1 })} className="h-20 w-20 rounded border border-stone-300 object-cover" loading="lazy" />
                        </a>
                      ))}
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-stone-600">{t("supervision.queue.noChecks")}</p>
          )}
        </div>
      ) : (
        <p className="text-sm text-stone-600">{t("supervision.queue.noRound")}</p>
      )}
      {canVerify && round ? <VerifyForm topicId={entry.topicId} sizeLabel={sizeLabel} errors={errors} /> : null}
    </article>
  );
}
