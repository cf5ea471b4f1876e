import { hallFiltersQuery } from "~/forms/hall-filters";
import { RenderedAhead } from "../rendered-ahead";
import { STAGES, type Stage } from "~/workflow/stages";
import { StageColumn } from "../stage-column";
import { TopicCard, type TopicCardData } from "../topic-card";

export type HallColumns = Record<Stage, { topics: TopicCardData[]; total: number }>;

/** The part of the hall rendered ahead: the same for everyone in the community until a write (app/routes/c.$community._index.tsx). */
export const HALL_COLUMNS_PART = "hall-columns";

const GRID = "grid gap-4 sm:grid-cols-2 lg:grid-cols-3";

/** The default hall: six columns, each with its newest topics and a link to the rest. */
export function StageColumns({ byStage, now, communitySlug }: { byStage: HallColumns; now: number; communitySlug: string }) {
  return (
    <RenderedAhead part={HALL_COLUMNS_PART} className={GRID}>
      <StageColumnList byStage={byStage} now={now} communitySlug={communitySlug} />
    </RenderedAhead>
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
