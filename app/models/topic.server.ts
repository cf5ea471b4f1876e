import { and, count, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { catalogueEntries, topics, users } from "../../db/schema";
import { STAGES, type Stage } from "../workflow/stages";

export const HALL_TOPICS_PER_STAGE = 10;

const topicCard = {
  id: topics.id,
  number: topics.number,
  title: topics.title,
  stage: topics.stage,
  status: topics.status,
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
  location: string;
  stageEnteredAt: Date;
  createdAt: Date;
  proposerName: string;
  categoryZh: string | null;
  categoryEn: string | null;
};

/** The hall: active topics grouped by stage, newest movement first, a page per stage, with counts. */
export function listHallTopics({ communityId }: { communityId: number }) {
  const db = getDb();
  const active = and(eq(topics.communityId, communityId), eq(topics.status, "active"));
  const counts = db
    .select({ stage: topics.stage, n: count() })
    .from(topics)
    .where(active)
    .groupBy(topics.stage)
    .all();
  const byStage = Object.fromEntries(
    STAGES.map((stage) => {
      const rows: TopicCard[] = db
        .select(topicCard)
        .from(topics)
        .innerJoin(users, eq(users.id, topics.proposerId))
        .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
        .where(and(active, eq(topics.stage, stage)))
        .orderBy(desc(topics.stageEnteredAt))
        .limit(HALL_TOPICS_PER_STAGE)
        .all();
      const total = counts.find((c) => c.stage === stage)?.n ?? 0;
      return [stage, { topics: rows, total }];
    }),
  ) as Record<Stage, { topics: TopicCard[]; total: number }>;
  return byStage;
}

/** Active topics in the given stages, for the "needs me" list. */
export function listTopicsInStages({ communityId, stages, limit = 8 }: { communityId: number; stages: Stage[]; limit?: number }): TopicCard[] {
  if (stages.length === 0) return [];
  return getDb()
    .select(topicCard)
    .from(topics)
    .innerJoin(users, eq(users.id, topics.proposerId))
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(and(eq(topics.communityId, communityId), eq(topics.status, "active"), inArray(topics.stage, stages)))
    .orderBy(topics.stageEnteredAt)
    .limit(limit)
    .all();
}

export function countTopicsByStage({ communityId }: { communityId: number }) {
  return getDb()
    .select({ stage: topics.stage, status: topics.status, n: count() })
    .from(topics)
    .where(eq(topics.communityId, communityId))
    .groupBy(topics.stage, topics.status)
    .all();
}
