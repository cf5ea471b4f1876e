import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "../../db/client.server";
import { hotSelect, orNull } from "../../db/hot-read";
import { prepared } from "../../db/prepared";
import { assistedActs, catalogueEntries, deadlines, topicCosigns, topicEvents, topicPhotos, topics, users } from "../../db/schema";
import { getRules } from "./rules.server";

/** Ids in URLs are checked before they reach a query: anything else is simply "not found". */
export function parseTopicId(raw: string | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,11}$/.test(raw)) return null;
  return Number(raw);
}

const topicById = prepared((db) => {
  const target = alias(topics, "target");
  const recorder = alias(users, "recorder");
  return db
    .select({
      id: topics.id,
      number: topics.number,
      title: topics.title,
      description: topics.description,
      location: topics.location,
      stage: topics.stage,
      status: topics.status,
      state: topics.state,
      cosignCount: topics.cosignCount,
      overdue: topics.overdue,
      publicReason: topics.publicReason,
      publicReasonMessage: topics.publicReasonMessage,
      source: topics.source,
      proposerId: topics.proposerId,
      proposerName: users.displayName,
      createdAt: topics.createdAt,
      stageEnteredAt: topics.stageEnteredAt,
      categoryZh: catalogueEntries.nameZh,
      categoryEn: catalogueEntries.nameEn,
      // The category's flags: a matter the party organisation studies first, one the owners decide.
      important: sql<boolean>`coalesce(${catalogueEntries.important}, 0)`.mapWith(Boolean),
      ownersDecide: sql<boolean>`coalesce(${catalogueEntries.ownersDecide}, 0)`.mapWith(Boolean),
      mergedIntoId: target.id,
      mergedIntoNumber: target.number,
      mergedIntoTitle: target.title,
      // 代录: staff recorded the topic for its proposer (decision 040); still shown after a withdrawal.
      proposerAssistedBy: recorder.displayName,
      proposerAssistChannel: assistedActs.channel,
    })
    .from(topics)
    .innerJoin(users, eq(users.id, topics.proposerId))
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    // The merge target is joined within the same community only.
    .leftJoin(target, and(eq(target.id, topics.mergedIntoId), eq(target.communityId, topics.communityId)))
    .leftJoin(assistedActs, and(eq(assistedActs.kind, "topic"), eq(assistedActs.subjectId, topics.id), eq(assistedActs.communityId, topics.communityId)))
    .leftJoin(recorder, eq(recorder.id, assistedActs.recordedBy))
    .where(and(eq(topics.id, sql.placeholder("topicId")), eq(topics.communityId, sql.placeholder("communityId"))))
    .prepare();
});

export type TopicPageTopic = NonNullable<ReturnType<typeof getTopicForPage>>;

/** One topic of one community, with what its page header shows. */
export function getTopicForPage({ communityId, topicId }: { communityId: number; topicId: number }) {
  return topicById().get({ communityId, topicId });
}

/** The open co-sign window's deadline and the rules' threshold, for the progress bar. */
const openCosignWindow = prepared((db) =>
  db
    .select({ dueAt: deadlines.dueAt })
    .from(deadlines)
    .where(and(eq(deadlines.communityId, sql.placeholder("communityId")), eq(deadlines.topicId, sql.placeholder("topicId")), eq(deadlines.kind, "cosignWindow"), isNull(deadlines.doneAt)))
    .prepare(),
);

export function getCosignProgress({ communityId, topicId }: { communityId: number; topicId: number }) {
  const threshold = getRules({ communityId })?.cosignThreshold ?? 0;
  return { threshold, dueAt: openCosignWindow().get({ communityId, topicId })?.dueAt ?? null };
}

/** Who co-signed, in the order they did (members see names), and who recorded a co-sign made by 代录 and how. */
const cosignersOf = prepared((db) => {
  const recorder = alias(users, "recorder");
  return db
    .select({ userId: topicCosigns.userId, name: users.displayName, at: topicCosigns.createdAt, assistedBy: recorder.displayName, assistChannel: assistedActs.channel })
    .from(topicCosigns)
    .innerJoin(topics, eq(topics.id, topicCosigns.topicId))
    .innerJoin(users, eq(users.id, topicCosigns.userId))
    .leftJoin(
      assistedActs,
      and(eq(assistedActs.kind, "cosign"), eq(assistedActs.topicId, topicCosigns.topicId), eq(assistedActs.personId, topicCosigns.userId), isNull(assistedActs.withdrawnAt)),
    )
    .leftJoin(recorder, eq(recorder.id, assistedActs.recordedBy))
    .where(and(eq(topicCosigns.topicId, sql.placeholder("topicId")), eq(topics.communityId, sql.placeholder("communityId"))))
    .orderBy(asc(topicCosigns.createdAt), asc(topicCosigns.userId))
    .prepare();
});

export function listCosigners({ communityId, topicId }: { communityId: number; topicId: number }) {
  return cosignersOf().all({ communityId, topicId });
}

/**
 * The topic's history, oldest first, with the names of those who moved it (null: the system).
 * Every topic page view asks: a hot read (docs/decisions/014-raw-statements-for-hot-reads.md).
 */
const eventsOf = hotSelect({
  id: topicEvents.id,
  action: topicEvents.action,
  fromState: topicEvents.fromState,
  toState: topicEvents.toState,
  reason: topicEvents.reason,
  reasonMessage: topicEvents.reasonMessage,
  at: topicEvents.at,
  actorName: orNull(users.displayName),
}).from<{ topicId: number; communityId: number }>(
  sql`${topicEvents} inner join ${topics} on ${topics.id} = ${topicEvents.topicId} left join ${users} on ${users.id} = ${topicEvents.actorId}
      where ${topicEvents.topicId} = ${sql.placeholder("topicId")} and ${topics.communityId} = ${sql.placeholder("communityId")}
      order by ${topicEvents.at} asc, ${topicEvents.id} asc`,
);

export function listTopicEvents({ communityId, topicId }: { communityId: number; topicId: number }) {
  return eventsOf.all({ communityId, topicId });
}

/** The proposal's photos (evidence photos of progress reports and checks belong to the execution page). */
const proposalPhotosOf = prepared((db) =>
  db
    .select({ id: topicPhotos.id })
    .from(topicPhotos)
    .innerJoin(topics, eq(topics.id, topicPhotos.topicId))
    .where(and(eq(topicPhotos.topicId, sql.placeholder("topicId")), eq(topics.communityId, sql.placeholder("communityId")), eq(topicPhotos.purpose, "proposal")))
    .orderBy(asc(topicPhotos.id))
    .prepare(),
);

export function listTopicPhotos({ communityId, topicId }: { communityId: number; topicId: number }) {
  return proposalPhotosOf().all({ communityId, topicId });
}

/** The committee types a topic NUMBER to merge into; it means a topic of the same community only. */
export function findTopicIdByNumber({ communityId, number }: { communityId: number; number: number }): number | null {
  return (
    getDb()
      .select({ id: topics.id })
      .from(topics)
      .where(and(eq(topics.communityId, communityId), eq(topics.number, number)))
      .get()?.id ?? null
  );
}
