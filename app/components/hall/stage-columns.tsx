import { hallFiltersQuery } from "~/forms/hall-filters";
import { STAGES, type Stage } from "~/workflow/stages";
import { StageColumn } from "../stage-column";
import { TopicCard, type TopicCardData } from "../topic-card";

export type HallColumns = Record<Stage, { topics: TopicCardData[]; total: number }>;

/** The load-context fragment with the columns' markup (app/models/hall-columns.server.tsx). */
export const HALL_COLUMNS_FRAGMENT = "hall-columns";

const GRID = "grid gap-4 sm:grid-cols-2 lg:grid-cols-3";

/** The default hall: six columns, each with its newest topics and a link to the rest. */
export function StageColumns({ byStage, now, communitySlug, html }: { byStage: HallColumns; now: number; communitySlug: string; html?: string }) {
  // On the server the columns usually come rendered ahead (the same for everyone in the community):
  // put in as they are; the browser renders the same elements from the data and hydrates them.
  if (html !== undefined) return <div className={GRID} dangerouslySetInnerHTML={{ __html: html }} />;
  return (
    <div className={GRID}>
      <StageColumnList byStage={byStage} now={now} communitySlug={communitySlug} />
    </div>
  );
}

export function StageColumnList({ byStage, now, communitySlug }: { byStage: HallColumns; now: number; communitySlug: string }) {
  return (
    <>
      {STAGES.map((stage) => (
        <StageColumn
          key={stage}
          stage={stage}
          total={byStage[stage].total}
          shown={byStage[stage].topics.length}
          moreHref={`/c/${communitySlug}${hallFiltersQuery({ stage, status: "active" })}`}
        >
          {byStage[stage].topics.map((topic) => (
            <li key={topic.id}>
              <TopicCard topic={topic} now={now} communitySlug={communitySlug} />
            </li>
          ))}
        </StageColumn>
      ))}
    </>
  );
}
