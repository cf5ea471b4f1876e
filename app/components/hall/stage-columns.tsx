import { hallFiltersQuery } from "~/forms/hall-filters";
import { STAGES, type Stage } from "~/workflow/stages";
import { StageColumn } from "../stage-column";
import { TopicCard, type TopicCardData } from "../topic-card";

/** The default hall: six columns, each with its newest topics and a link to the rest. */
export function StageColumns({ byStage, now, communitySlug }: { byStage: Record<Stage, { topics: TopicCardData[]; total: number }>; now: number; communitySlug: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
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
    </div>
  );
}
