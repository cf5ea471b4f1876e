import { and, asc, count, desc, eq, exists, ne, not, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { topicTextCondition } from "./topic-search.server";
import { catalogueEntries, executionTasks, topicCosigns, topics, unitMembers, users } from "../../db/schema";
import type { HallFilters } from "../forms/hall-filters";
import { needsMeRules, type NeedsMeTask } from "../workflow/needs-me";
import type { Role } from "../workflow/roles";
import { STAGES, type Stage } from "../workflow/stages";
import type { TopicState } from "../workflow/states";

export const HALL_TOPICS_PER_STAGE = 10;
export const HALL_PAGE_SIZE = 20;
export const NEEDS_ME_LIMIT = 8;

const topicCard = {
  id: topics.id,
  number: topics.number,
  title: topics.title,
  stage: topics.stage,
  status: topics.status,
  state: topics.state,
  overdue: topics.overdue,
  location: topics.location,
  stageEnteredAt: topics.stageEnteredAt,
  createdAt: topics.createdAt,
  proposerName: users.displayName,
  categoryZh: catalogueEntries.nameZh,
  categoryEn: catalogueEntries.nameEn,
};

export type TopicCard = {
  id: number;
  number: number;
  title: string;
  stage: Stage;
  status: string;
  state: TopicState;
  overdue: boolean;
  location: string;
  stageEnteredAt: Date;
  createdAt: Date;
  proposerName: string;
  categoryZh: string | null;
  categoryEn: string | null;
};

function selectCards(where: SQL | undefined) {
  return getDb()
    .select(topicCard)
    .from(topics)
    .innerJoin(users, eq(users.id, topics.proposerId))
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(where);
}

/** The hall: active topics grouped by stage, newest movement first, a page per stage, with counts. */
export function listHallTopics({ communityId }: { communityId: number }) {
  const active = and(eq(topics.communityId, communityId), eq(topics.status, "active"));
  const counts = getDb().select({ stage: topics.stage, n: count() }).from(topics).where(active).groupBy(topics.stage).all();
  const byStage = Object.fromEntries(
    STAGES.map((stage) => {
      const rows: TopicCard[] = selectCards(and(active, eq(topics.stage, stage)))
        .orderBy(desc(topics.stageEnteredAt), desc(topics.id))
        .limit(HALL_TOPICS_PER_STAGE)
        .all();
      const total = counts.find((c) => c.stage === stage)?.n ?? 0;
      return [stage, { topics: rows, total }];
    }),
  ) as Record<Stage, { topics: TopicCard[]; total: number }>;
  return byStage;
}

/** Topics with an open execution task of a unit this person reports for. */
function assignedTo(userId: number) {
  return exists(
    getDb()
      .select({ one: sql`1` })
      .from(executionTasks)
      .innerJoin(unitMembers, eq(unitMembers.unitId, executionTasks.unitId))
      .where(and(eq(executionTasks.topicId, topics.id), eq(executionTasks.status, "open"), eq(unitMembers.userId, userId))),
  );
}

function cosignedBy(userId: number) {
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
export function listNeedsMe({ communityId, userId, roles, limit = NEEDS_ME_LIMIT }: { communityId: number; userId: number; roles: readonly Role[]; limit?: number }): NeedsMeCard[] {
  const rules = needsMeRules(roles);
  if (rules.length === 0) return [];
  const byState = or(
    ...rules.map((rule) =>
      rule.notMine
        ? and(eq(topics.state, rule.state), ne(topics.proposerId, userId), not(cosignedBy(userId)))
        : rule.assignedToMe
          ? and(eq(topics.state, rule.state), assignedTo(userId))
          : eq(topics.state, rule.state),
    ),
  );
  const rows: TopicCard[] = selectCards(and(eq(topics.communityId, communityId), eq(topics.status, "active"), byState))
    .orderBy(desc(topics.overdue), asc(topics.stageEnteredAt), asc(topics.id))
    .limit(limit)
    .all();
  return rows.map((row) => ({ ...row, task: rules.find((r) => r.state === row.state)!.task }));
}

export function countTopicsByStage({ communityId }: { communityId: number }) {
  return getDb()
    .select({ stage: topics.stage, status: topics.status, n: count() })
    .from(topics)
    .where(eq(topics.communityId, communityId))
    .groupBy(topics.stage, topics.status)
    .all();
}
