import { getDb } from "../../db/client.server";
import {
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
import { CONFIRMED_MOVES } from "../forms/topic-actions";
import { can } from "../workflow/capabilities";
import type { Role } from "../workflow/roles";
import { stageIndex, type Stage } from "../workflow/stages";
import { STATE_INFO } from "../workflow/states";
import { availableActions } from "../workflow/transitions";
import { DAY_MS, now } from "./clock.server";
import { listComments } from "./comment.server";
import { blockersOf } from "./step-facts.server";
import { getRatingPanel } from "./rating-view.server";
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
const sharedTopicPage = cachedRead(
  "topic-page",
  {
    tables: [topics, topicEvents, users, catalogueEntries, deadlines, rules, topicCosigns, topicPhotos, topicComments, ledgerEntries, meetings, motions, executionTasks, executionResults, progressReports, rectifications, units, verifications],
    community: ({ communityId }: { communityId: number; topicId: number; commentsBefore?: number }) => communityId,
    key: ({ topicId, commentsBefore }) => `${topicId}:${commentsBefore ?? ""}`,
    max: 2000,
  },
  readSharedTopicPage,
);

/** Who co-signed: their names in order for the page, their ids for "have I co-signed?". */
function cosignersOf(communityId: number, topicId: number) {
  const rows = listCosigners({ communityId, topicId });
  return { cosignerIds: new Set(rows.map((r) => r.userId)), cosigners: rows.map((r) => r.name) };
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

/** Everything the topic page shows to one person, or undefined when the topic is not this community's. */
export function loadTopicPage({
  communityId,
  topicId,
  userId,
  roles,
  commentsBefore,
}: {
  communityId: number;
  topicId: number;
  userId: number;
  roles: readonly Role[];
  commentsBefore?: number;
}) {
  const shared = sharedTopicPage({ communityId, topicId, commentsBefore });
  if (!shared) return undefined;
  const { topic, events, marks, photos, progress, cosigners, cosignerIds, comments, life } = shared;
  const collecting = topic.state === "open";
  const daysLeft = progress.dueAt ? Math.max(0, Math.ceil((progress.dueAt.getTime() - now().getTime()) / DAY_MS)) : null;
  const cosigned = cosignerIds.has(userId);
  return {
    topic,
    events,
    marks,
    photos,
    cosign: {
      collecting,
      threshold: progress.threshold,
      daysLeft: collecting ? daysLeft : null,
      cosigners,
      cosigned,
      // The server decides again on every post; these only choose which button to show.
      mayCosign: collecting && !cosigned && topic.proposerId !== userId && can("cosign", topic.state, roles),
      mayWithdraw: collecting && cosigned,
    },
    comments: { ...comments, mayComment: can("comment", topic.state, roles) },
    rating: getRatingPanel({ communityId, topicId, userId, roles, state: topic.state }),
    life,
    // Each move with what its step gate finds missing (the same rule advanceInTx asks) and whether it must be confirmed.
    moves: availableActions(topic.state, roles).map((t) => ({
      action: t.action,
      needsReason: Boolean(t.needsReason),
      confirm: CONFIRMED_MOVES.includes(t.action),
      blockers: blockersOf(getDb(), topicId, t.action) as string[],
    })),
  };
}

export type TopicPageData = NonNullable<ReturnType<typeof loadTopicPage>>;
