import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { communities, topics } from "../../db/schema";
import { DAY_MS, now } from "./clock.server";
import { listStreetCommunities } from "./community.server";
import { getCommunityDashboard } from "./dashboard.server";
import { listStreetDuties } from "./duties.server";
import { getRules } from "./rules.server";

export const OVERDUE_LIST_LIMIT = 100;

// Archived communities are off the dashboard: their overdue work is nobody's to chase.
const overdueInStreet = (streetId: number) => and(eq(communities.streetId, streetId), isNull(communities.archivedAt), eq(topics.overdue, true), eq(topics.status, "active"));

/**
 * Screening past its deadline across the street's communities, the longest overdue first (at most
 * 100 rows; the per-community counts say how many there are in all).
 */
export function listOverdueScreening({ streetId, at = now(), limit = OVERDUE_LIST_LIMIT }: { streetId: number; at?: Date; limit?: number }) {
  const dueAt = sql<number | null>`(SELECT max(d.due_at) FROM deadlines d WHERE d.topic_id = ${topics.id} AND d.kind = 'screening')`;
  const rows = getDb()
    .select({
      topicId: topics.id,
      number: topics.number,
      title: topics.title,
      communitySlug: communities.slug,
      communityNameZh: communities.nameZh,
      communityNameEn: communities.nameEn,
      dueAt: dueAt.as("due_at"),
    })
    .from(topics)
    .innerJoin(communities, eq(communities.id, topics.communityId))
    .where(overdueInStreet(streetId))
    .orderBy(asc(sql`due_at IS NULL`), asc(sql`due_at`), asc(topics.id))
    .limit(limit)
    .all();
  return rows.map(({ dueAt: due, ...row }) => ({
    ...row,
    daysOverdue: due === null ? null : Math.max(0, Math.floor((at.getTime() - Number(due)) / DAY_MS)),
  }));
}

/** How many topics are overdue in each community of the street (communities with none are left out). */
export function countOverdueByCommunity({ streetId }: { streetId: number }): Record<string, number> {
  const rows = getDb()
    .select({ slug: communities.slug, n: count() })
    .from(topics)
    .innerJoin(communities, eq(communities.id, topics.communityId))
    .where(overdueInStreet(streetId))
    .groupBy(communities.slug)
    .all();
  return Object.fromEntries(rows.map((r) => [r.slug, r.n]));
}

/**
 * The street dashboard's figures: for every community of the street, its stage funnel, overdue work
 * (screening and tasks), satisfaction of settled rounds and its rules' threshold, its overdue duties
 * and members rated 不称职 twice in a row.
 */
export function listStreetFigures({ streetId }: { streetId: number }) {
  // The law's meetings and appraisals, for every community of the street in one read (issue 17).
  const duties = listStreetDuties({ streetId });
  return listStreetCommunities({ streetId }).map((c) => {
    const figures = getCommunityDashboard({ communityId: c.id });
    return {
      slug: c.slug,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      kind: c.kind,
      funnel: figures.funnel,
      closed: figures.closed,
      overdueScreening: figures.overdueScreening,
      overdueTasks: figures.overdueTasks,
      satisfactionPct: figures.satisfaction.pct,
      rounds: figures.satisfaction.rounds,
      thresholdPct: getRules({ communityId: c.id })?.satisfactionThresholdPct ?? null,
      duties: duties[c.slug] ?? null,
    };
  });
}
