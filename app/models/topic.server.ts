import { and, asc, count, desc, eq, exists, isNull, ne, not, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import { getDb, type Db } from "../../db/client.server";
import { hotSelect } from "../../db/hot-read";
import { prepared } from "../../db/prepared";
import { cachedRead } from "../cache/cache.server";
import { topicTextCondition } from "./topic-search.server";
import { catalogueEntries, executionTasks, topicCosigns, topics, unitMembers, users } from "../../db/schema";
import type { HallFilters } from "../forms/hall-filters";
import { needsMeRules, type NeedsMeTask } from "../workflow/needs-me";
import type { Role } from "../workflow/roles";
import { STAGES, type Stage } from "../workflow/stages";
import type { TopicState } from "../workflow/states";

// Five per stage keeps the hall one screen of cards per stage however large the community (the rest are a click away, paged).
export const HALL_TOPICS_PER_STAGE = 5;
export const HALL_PAGE_SIZE = 20;
export const NEEDS_ME_LIMIT = 8;

const topicCard = {
  id: topics.id,
  number: topics.number,
  title: topics.title,
  stage: topics.stage,
  status: topics.status,
  overdue: topics.overdue,
  location: topics.location,
  stageEnteredAt: topics.stageEnteredAt,
  proposerName: users.displayName,
  categoryZh: catalogueEntries.nameZh,
  categoryEn: catalogueEntries.nameEn,
  // 代录 (decision 040): who recorded the topic for its proposer, and how (one such act per topic at most).
  proposerAssistedBy: sql<string | null>`(select r.display_name from assisted_acts a join users r on r.id = a.recorded_by where a.kind = 'topic' and a.subject_id = ${topics.id})`,
  proposerAssistChannel: sql<string | null>`(select a.channel from assisted_acts a where a.kind = 'topic' and a.subject_id = ${topics.id})`,
};

export type TopicCard = {
  id: number;
  number: number;
  title: string;
  stage: Stage;
  status: string;
  overdue: boolean;
  location: string;
  stageEnteredAt: Date;
  proposerName: string;
  categoryZh: string | null;
  categoryEn: string | null;
  proposerAssistedBy: string | null;
  proposerAssistChannel: string | null;
};

function selectCards(where: SQL | undefined, db: Db = getDb()) {
  return db
    .select(topicCard)
    .from(topics)
    .innerJoin(users, eq(users.id, topics.proposerId))
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(where);
}

const stageCounts = prepared((db) =>
  db
    .select({ stage: topics.stage, n: count() })
    .from(topics)
    .where(and(eq(topics.communityId, sql.placeholder("communityId")), eq(topics.status, "active")))
    .groupBy(topics.stage)
    .prepare(),
);

const newestInStage = prepared((db) =>
  selectCards(and(eq(topics.communityId, sql.placeholder("communityId")), eq(topics.status, "active"), eq(topics.stage, sql.placeholder("stage"))), db)
    .orderBy(desc(topics.stageEnteredAt), desc(topics.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

/**
 * The hall: active topics grouped by stage, newest movement first, a page per stage, with counts.
 * The same for every member, so remembered until the next write (counting a large community's
 * stages was most of the hall's database time).
 */
export function listHallTopics({ communityId }: { communityId: number }) {
  return readHallColumns(communityId);
}

/** The stage columns read afresh (the benchmark of prepared queries measures this read). */
export function readHallColumns(communityId: number) {
  const counts = stageCounts().all({ communityId });
  return Object.fromEntries(
    STAGES.map((stage) => {
      const rows: TopicCard[] = newestInStage().all({ communityId, stage, limit: HALL_TOPICS_PER_STAGE });
      const total = counts.find((c) => c.stage === stage)?.n ?? 0;
      return [stage, { topics: rows, total }];
    }),
  ) as Record<Stage, { topics: TopicCard[]; total: number }>;
}

/** Topics with an open execution task of a unit this person reports for. */
function assignedTo(userId: number | Placeholder) {
  return exists(
    getDb()
      .select({ one: sql`1` })
      .from(executionTasks)
      .innerJoin(unitMembers, eq(unitMembers.unitId, executionTasks.unitId))
      .where(and(eq(executionTasks.topicId, topics.id), eq(executionTasks.status, "open"), isNull(executionTasks.removedAt), eq(unitMembers.userId, userId))),
  );
}

function cosignedBy(userId: number | Placeholder) {
  return exists(
    getDb()
      .select({ one: sql`1` })
      .from(topicCosigns)
      .where(and(eq(topicCosigns.topicId, topics.id), eq(topicCosigns.userId, userId))),
  );
}

/** The hall's filtered list: one page of 20, newest movement first, with the total and page count. */
export function listFilteredTopics({
  communityId,
  userId,
  filters,
  perPage = HALL_PAGE_SIZE,
}: {
  communityId: number;
  userId: number;
  filters: HallFilters;
  perPage?: number;
}) {
  const conditions: SQL[] = [eq(topics.communityId, communityId)];
  if (filters.stage) conditions.push(eq(topics.stage, filters.stage));
  if (filters.status) conditions.push(eq(topics.status, filters.status));
  if (filters.category) conditions.push(eq(topics.categoryId, filters.category));
  if (filters.mine) conditions.push(or(eq(topics.proposerId, userId), cosignedBy(userId))!);
  const text = filters.q ? topicTextCondition(filters.q) : undefined;
  if (text) conditions.push(text);
  const where = and(...conditions);
  const total = getDb().select({ n: count() }).from(topics).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(filters.page, pages);
  const rows: TopicCard[] = selectCards(where)
    .orderBy(desc(topics.stageEnteredAt), desc(topics.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  return { topics: rows, total, page, pages };
}

export type NeedsMeCard = TopicCard & { task: NeedsMeTask };

/**
 * "Needs me" (待我处理): the community's topics waiting on this person's roles (app/workflow/needs-me.ts),
 * overdue first, then the longest waiting; at most eight.
 */
function waitingInState(extra: (userId: Placeholder) => SQL | undefined) {
  return prepared((db) =>
    selectCards(and(eq(topics.communityId, sql.placeholder("communityId")), eq(topics.status, "active"), eq(topics.state, sql.placeholder("state")), extra(sql.placeholder("userId"))), db)
      .orderBy(desc(topics.overdue), asc(topics.stageEnteredAt), asc(topics.id))
      .limit(sql.placeholder("limit"))
      .prepare(),
  );
}

const waitingForAnyone = waitingInState(() => undefined);

/** The tables a topic card is drawn from. */
const CARD_TABLES = [topics, users, catalogueEntries];

/** A state's waiting topics that ask the same of everyone holding the role: shared by every reader. */
const waitingForEveryone = cachedRead(
  "waiting-for-everyone",
  { tables: CARD_TABLES, community: ({ communityId }: { communityId: number; state: TopicState; limit: number }) => communityId, key: ({ state, limit }) => `${state}:${limit}` },
  ({ communityId, state, limit }): TopicCard[] => waitingForAnyone().all({ communityId, userId: 0, state, limit }),
);
const waitingForOthersSignature = waitingInState((userId) => and(ne(topics.proposerId, userId), not(cosignedBy(userId))));

/**
 * For "co-sign what others proposed": a state's first waiting topics with their proposers, the same
 * for everyone until the next write, are filtered per person with one look at their co-signs. Only
 * someone who proposed or co-signed most of them needs the full query.
 */
const CANDIDATES = 40;

const waitingCandidates = prepared((db) =>
  db
    .select({ ...topicCard, proposerId: topics.proposerId })
    .from(topics)
    .innerJoin(users, eq(users.id, topics.proposerId))
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(and(eq(topics.communityId, sql.placeholder("communityId")), eq(topics.status, "active"), eq(topics.state, sql.placeholder("state"))))
    .orderBy(desc(topics.overdue), asc(topics.stageEnteredAt), asc(topics.id))
    .limit(CANDIDATES)
    .prepare(),
);

const candidatesOf = cachedRead(
  "cosign-candidates",
  { tables: CARD_TABLES, community: ({ communityId }: { communityId: number; state: TopicState }) => communityId, key: ({ state }) => state },
  ({ communityId, state }) => waitingCandidates().all({ communityId, state }),
);

const cosignedAmong = hotSelect({ topicId: topicCosigns.topicId }).from<{ userId: number; ids: string }>(
  sql`${topicCosigns} where ${topicCosigns.userId} = ${sql.placeholder("userId")} and ${topicCosigns.topicId} in (select value from json_each(${sql.placeholder("ids")}))`,
);

function waitingForMySignature({ communityId, userId, state, limit }: { communityId: number; userId: number; state: TopicState; limit: number }): TopicCard[] {
  const candidates = candidatesOf({ communityId, state }).filter((c) => c.proposerId !== userId);
  const signed = new Set(cosignedAmong.all({ userId, ids: JSON.stringify(candidates.map((c) => c.id)) }).map((r) => r.topicId));
  const open = candidates.filter((c) => !signed.has(c.id));
  // Complete when the state has no more topics than were remembered, or enough are left of them.
  const complete = candidatesOf({ communityId, state }).length < CANDIDATES || open.length >= limit;
  if (!complete) return waitingForOthersSignature().all({ communityId, userId, state, limit });
  return open.slice(0, limit).map(({ proposerId: _proposer, ...card }) => card);
}
const waitingForMyUnit = waitingInState((userId) => assignedTo(userId));

export function listNeedsMe({ communityId, userId, roles, limit = NEEDS_ME_LIMIT }: { communityId: number; userId: number; roles: readonly Role[]; limit?: number }): NeedsMeCard[] {
  // One prepared query per state, each read in order from topics_state_idx and stopped at the
  // limit, then merged: a single query over all the states sorted every waiting topic of a large
  // community (50 ms for a representative with 10,000 topics; well under 1 ms this way).
  const rows = needsMeRules(roles).flatMap((rule) => {
    const waiting: TopicCard[] = rule.notMine
      ? waitingForMySignature({ communityId, userId, state: rule.state, limit })
      : rule.assignedToMe
        ? waitingForMyUnit().all({ communityId, userId, state: rule.state, limit })
        : waitingForEveryone({ communityId, state: rule.state, limit });
    return waiting.map((row) => ({ ...row, task: rule.task }));
  });
  return rows.sort(needsMeOrder).slice(0, limit);
}

/** Overdue first, then the longest waiting (the order of each state's query, across states). */
function needsMeOrder(a: TopicCard, b: TopicCard): number {
  return Number(Boolean(b.overdue)) - Number(Boolean(a.overdue)) || new Date(a.stageEnteredAt).getTime() - new Date(b.stageEnteredAt).getTime() || a.id - b.id;
}

export function countTopicsByStage({ communityId }: { communityId: number }) {
  return getDb()
    .select({ stage: topics.stage, status: topics.status, n: count() })
    .from(topics)
    .where(eq(topics.communityId, communityId))
    .groupBy(topics.stage, topics.status)
    .all();
}
