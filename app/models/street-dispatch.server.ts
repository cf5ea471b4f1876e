import { and, asc, desc, eq, isNull, lt, or } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { communities, departmentCalls, departments, executionTasks, topics } from "../../db/schema";
import { now } from "./clock.server";
import { getTimeZone } from "./time-zone.server";
import { callableDepartments } from "./calls-page.server";
import { timelinessOf } from "../workflow/department-call";

/**
 * 街道派单 (issue 19): what the street dashboard offers to dispatch — the street's stalled tasks (open
 * and past their due date, in active topics of its communities) — and the street's latest calls with
 * whether each was answered within its department's response limit.
 */

export const STALLED_LIST_LIMIT = 50;
export const RECENT_CALLS_LIMIT = 12;

const ofStreet = (streetId: number) => and(eq(communities.streetId, streetId), isNull(communities.archivedAt), eq(topics.status, "active"));

/** Open tasks flagged overdue by the scheduler (or past their due date before it has run), the longest overdue first. */
export function listStalledTasks({ streetId, at = now(), limit = STALLED_LIST_LIMIT }: { streetId: number; at?: Date; limit?: number }) {
  return getDb()
    .select({
      taskId: executionTasks.id,
      taskTitle: executionTasks.title,
      dueAt: executionTasks.dueAt,
      percent: executionTasks.percent,
      topicId: topics.id,
      number: topics.number,
      title: topics.title,
      communitySlug: communities.slug,
      communityNameZh: communities.nameZh,
      communityNameEn: communities.nameEn,
    })
    .from(executionTasks)
    .innerJoin(topics, eq(topics.id, executionTasks.topicId))
    .innerJoin(communities, eq(communities.id, topics.communityId))
    .where(and(ofStreet(streetId), eq(executionTasks.status, "open"), isNull(executionTasks.removedAt), or(eq(executionTasks.overdue, true), lt(executionTasks.dueAt, at))))
    .orderBy(asc(executionTasks.dueAt), asc(executionTasks.id))
    .limit(limit)
    .all();
}

/** The time zone of the community of a topic of this street (a wanted-by day is read in it), or null: not the street's. */
export function streetTopicZone({ streetId, topicId }: { streetId: number; topicId: number }): string | null {
  const row = getDb()
    .select({ communityId: topics.communityId })
    .from(topics)
    .innerJoin(communities, eq(communities.id, topics.communityId))
    .where(and(eq(topics.id, topicId), eq(communities.streetId, streetId)))
    .get();
  return row ? getTimeZone(row.communityId) : null;
}

/** The street's latest calls, newest first, each with its timeliness. */
export function listRecentCalls({ streetId, at = now(), limit = RECENT_CALLS_LIMIT }: { streetId: number; at?: Date; limit?: number }) {
  const rows = getDb()
    .select({
      id: departmentCalls.id,
      state: departmentCalls.state,
      origin: departmentCalls.origin,
      sentAt: departmentCalls.createdAt,
      responseDueAt: departmentCalls.responseDueAt,
      firstRespondedAt: departmentCalls.firstRespondedAt,
      responseOverdue: departmentCalls.responseOverdue,
      workOverdue: departmentCalls.workOverdue,
      departmentZh: departments.nameZh,
      departmentEn: departments.nameEn,
      number: topics.number,
      title: topics.title,
      communityNameZh: communities.nameZh,
      communityNameEn: communities.nameEn,
    })
    .from(departmentCalls)
    .innerJoin(departments, eq(departments.id, departmentCalls.departmentId))
    .innerJoin(topics, eq(topics.id, departmentCalls.topicId))
    .innerJoin(communities, eq(communities.id, departmentCalls.communityId))
    .where(eq(departmentCalls.streetId, streetId))
    .orderBy(desc(departmentCalls.createdAt), desc(departmentCalls.id))
    .limit(limit)
    .all();
  return rows.map(({ firstRespondedAt, responseDueAt, responseOverdue, ...row }) => ({
    ...row,
    responseDueAt,
    firstRespondedAt,
    timeliness: timelinessOf({ firstRespondedAt, responseDueAt, responseOverdue }, at),
  }));
}

/** Everything the dashboard's dispatch card needs. */
export function getDispatchSection({ streetId }: { streetId: number }) {
  return { departments: callableDepartments(streetId), stalledTasks: listStalledTasks({ streetId }), recentCalls: listRecentCalls({ streetId }) };
}
