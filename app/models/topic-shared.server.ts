import {
  assistedActs,
  catalogueEntries,
  deadlines,
  executionResults,
  executionTasks,
  ledgerEntries,
  meetings,
  motions,
  progressReports,
  rectifications,
  rules,
  topicComments,
  topicCosigns,
  topicEvents,
  topicPhotos,
  topics,
  units,
  users,
  verifications,
} from "../../db/schema";
import { cachedRead } from "../cache/cache.server";
import { stageIndex, type Stage } from "../workflow/stages";
import { STATE_INFO } from "../workflow/states";
import { listComments } from "./comment.server";
import { groupByStage, listTopicLife } from "./topic-life.server";
import { getCosignProgress, getTopicForPage, listCosigners, listTopicEvents, listTopicPhotos } from "./topic-page.server";

type TopicEvent = ReturnType<typeof listTopicEvents>[number];

/** For each stage the topic reached: when it last entered it and who moved it there (null: the system). */
export function stageMarks(events: TopicEvent[], current: Stage, closed: boolean) {
  const marks = new Map<Stage, { stage: Stage; at: Date; by: string | null }>();
  for (const event of events) {
    const to = STATE_INFO[event.toState].stage;
    const from = event.fromState ? STATE_INFO[event.fromState].stage : null;
    if (to && to !== from) marks.set(to, { stage: to, at: event.at, by: event.actorName });
  }
  return [...marks.values()].filter((m) => closed || stageIndex(m.stage) <= stageIndex(current));
}

/**
 * What the topic page shows everyone who may see it (the topic, its history, photos, co-signers, a
 * page of comments, its life): most of the page's reads, remembered until a write to one of their
 * tables in this community, since a topic is read by many residents between two changes to it. Keyed
 * by topic and comment page; undefined when the topic is not this community's.
 */
export const sharedTopicPage = cachedRead(
  "topic-page",
  {
    tables: [topics, topicEvents, users, catalogueEntries, deadlines, rules, topicCosigns, topicPhotos, topicComments, ledgerEntries, meetings, motions, executionTasks, executionResults, progressReports, rectifications, units, verifications, assistedActs],
    community: ({ communityId }: { communityId: number; topicId: number; commentsBefore?: number }) => communityId,
    key: ({ topicId, commentsBefore }) => `${topicId}:${commentsBefore ?? ""}`,
    max: 2000,
  },
  readSharedTopicPage,
);

/** Who co-signed: their names in order for the page, their ids for "have I co-signed?". */
function cosignersOf(communityId: number, topicId: number) {
  const rows = listCosigners({ communityId, topicId });
  const cosigners = rows.map((r) => ({ name: r.name, assisted: r.assistedBy && r.assistChannel ? { by: r.assistedBy, channel: r.assistChannel } : null }));
  return { cosignerIds: new Set(rows.map((r) => r.userId)), cosigners };
}

function readSharedTopicPage({ communityId, topicId, commentsBefore }: { communityId: number; topicId: number; commentsBefore?: number }) {
  const topic = getTopicForPage({ communityId, topicId });
  if (!topic) return undefined;
  const events = listTopicEvents({ communityId, topicId });
  return {
    topic,
    events,
    marks: stageMarks(events, topic.stage, topic.state === "closed"),
    photos: listTopicPhotos({ communityId, topicId }),
    progress: getCosignProgress({ communityId, topicId }),
    ...cosignersOf(communityId, topicId),
    comments: listComments({ communityId, topicId, beforeId: commentsBefore }),
    life: groupByStage(listTopicLife({ communityId, topicId, events }), events),
  };
}
