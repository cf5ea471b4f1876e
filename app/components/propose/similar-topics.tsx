import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { Stage } from "~/workflow/stages";

export interface SimilarTopic {
  id: number;
  number: number;
  title: string;
  stage: Stage;
  cosignCount: number;
}

/** Existing topics like the one being typed, to co-sign instead of proposing it again. */
export function SimilarTopics({ slug, query, topics, busy }: { slug: string; query: string; topics: SimilarTopic[]; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <div aria-live="polite" className="space-y-2" data-testid="similar-topics">
      {busy ? <p className="text-sm text-stone-500">{t("propose.similarSearching")}</p> : null}
      {!busy && query && topics.length === 0 ? <p className="text-sm text-stone-500">{t("propose.similarNone")}</p> : null}
      {topics.length ? (
        <section className="rounded-md border border-amber-300 bg-amber-50 p-3">
          <h2 className="text-sm font-semibold text-amber-900">{t("propose.similarTitle")}</h2>
          <p className="mt-1 text-xs text-amber-900">{t("propose.similarIntro")}</p>
          <ul className="mt-2 space-y-1">
            {topics.map((topic) => (
              <li key={topic.id} className="flex flex-wrap items-baseline gap-x-2 text-sm">
                <span className="text-xs text-stone-500">{t("hall.number", { number: topic.number })}</span>
                <Link to={`/c/${slug}/topics/${topic.id}`} className="inline-block min-h-[44px] break-all py-2 font-medium sm:min-h-0 sm:py-0.5" data-testid="similar-topic">
                  {topic.title}
                </Link>
                <span className="text-xs text-stone-500">
                  {t(`stages.${topic.stage}`)} · {t("propose.cosigns", { count: topic.cosignCount })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
