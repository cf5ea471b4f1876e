import { useTranslation } from "~/i18n/use-translation";
import { hallFiltersQuery, type HallFilters } from "~/forms/hall-filters";
import { TopicCard, type TopicCardData } from "../topic-card";
import { Pagination } from "./pagination";

/** One page of the filtered topics, with the count and links to the other pages. */
export function TopicList({
  topics,
  total,
  page,
  pages,
  filters,
  basePath,
  now,
  communitySlug,
}: {
  topics: TopicCardData[];
  total: number;
  page: number;
  pages: number;
  filters: HallFilters;
  basePath: string;
  now: number;
  communitySlug: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="hall-results" data-testid="hall-results">
      <h2 id="hall-results" className="mb-2 text-base font-semibold text-stone-900" data-testid="hall-results-count">
        {t("hall.results", { count: total })}
      </h2>
      {topics.length === 0 ? (
        <p className="rounded-md border border-stone-200 bg-white p-4 text-sm text-stone-600">{t("hall.noResults")}</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {topics.map((topic) => (
            <li key={topic.id}>
              <TopicCard topic={topic} now={now} communitySlug={communitySlug} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} hrefFor={(p) => `${basePath}${hallFiltersQuery({ ...filters, page: p })}`} />
    </section>
  );
}
