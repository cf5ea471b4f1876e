import { and, eq, gte, inArray, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { departmentCalls, departments, ratingWindows, topics } from "../../db/schema";
import type { Column } from "drizzle-orm";
import { departmentFigures, inPeriod, meanPct, screeningFigures, type DepartmentFigures, type Period } from "../workflow/evaluation";
import { now } from "./clock.server";
import { listStreetCommunities } from "./community.server";
import { monthOf, parsePeriod } from "./evaluation-period";
import { DEFAULT_TIME_ZONE } from "../i18n/time-zone";

/** The period's bounds on a timestamp column (nothing for all time). */
const within = (period: Period, column: Column): SQL | undefined => (period.kind === "all" ? undefined : and(gte(column, period.from), lt(column, period.to)));

const settled = (period: Period) => and(isNotNull(ratingWindows.settledAt), or(eq(ratingWindows.outcome, "closed"), eq(ratingWindows.outcome, "reopened")), within(period, ratingWindows.settledAt));

export interface DepartmentRow extends DepartmentFigures {
  id: number;
  nameZh: string;
  nameEn: string;
  responseHours: number;
  satisfactionPct: number | null;
  rounds: number;
}

/**
 * Per department of the street, for the calls it received in the period: how many, the median hours
 * to its first answer, the share answered within its limit, the share resolved by the date it
 * promised, and the mean satisfaction of the rating rounds settled in the period on topics it
 * resolved a call on.
 */
export function listDepartmentEvaluation({ streetId, period, at = now() }: { streetId: number; period: Period; at?: Date }): DepartmentRow[] {
  const db = getDb();
  const depts = db.select().from(departments).where(eq(departments.streetId, streetId)).orderBy(departments.id).all();
  const calls = db
    .select({ departmentId: departmentCalls.departmentId, topicId: departmentCalls.topicId, state: departmentCalls.state, createdAt: departmentCalls.createdAt, responseDueAt: departmentCalls.responseDueAt, firstRespondedAt: departmentCalls.firstRespondedAt, responseOverdue: departmentCalls.responseOverdue, promisedBy: departmentCalls.promisedBy, resolvedAt: departmentCalls.resolvedAt })
    .from(departmentCalls)
    .where(and(eq(departmentCalls.streetId, streetId), within(period, departmentCalls.createdAt)))
    .all();
  // Whose work a round judges: the topics each department resolved a call on (whenever it did).
  const served = db.select({ departmentId: departmentCalls.departmentId, topicId: departmentCalls.topicId }).from(departmentCalls).where(and(eq(departmentCalls.streetId, streetId), eq(departmentCalls.state, "resolved"))).all();
  const topicIds = [...new Set(served.map((s) => s.topicId))];
  const rounds = topicIds.length ? db.select({ topicId: ratingWindows.topicId, pct: ratingWindows.satisfiedPct }).from(ratingWindows).where(and(inArray(ratingWindows.topicId, topicIds), settled(period))).all() : [];
  return depts
    .filter((d) => d.archivedAt === null || calls.some((c) => c.departmentId === d.id))
    .map((d) => {
      const mine = new Set(served.filter((s) => s.departmentId === d.id).map((s) => s.topicId));
      const pcts = rounds.filter((r) => mine.has(r.topicId) && r.pct !== null).map((r) => r.pct!);
      return {
        id: d.id,
        nameZh: d.nameZh,
        nameEn: d.nameEn,
        responseHours: d.responseHours,
        ...departmentFigures(calls.filter((c) => c.departmentId === d.id), at),
        satisfactionPct: meanPct(pcts),
        rounds: pcts.length,
      };
    });
}

export interface CommunityRow {
  slug: string;
  nameZh: string;
  nameEn: string;
  received: number;
  medianScreeningDays: number | null;
  screenedInTimePct: number | null;
  satisfactionPct: number | null;
  rounds: number;
  callsMade: number;
}

/**
 * Per community of the street: topics received in the period, the median days from screening to the
 * committee's decision and the share decided by the screening deadline (of those topics), the mean
 * satisfaction of its rounds settled in the period, and the calls it made on departments.
 */
export function listCommunityEvaluation({ streetId, period, at = now() }: { streetId: number; period: Period; at?: Date }): CommunityRow[] {
  const db = getDb();
  return listStreetCommunities({ streetId }).map((c) => {
    // Qualified by hand: drizzle leaves a single table's columns unqualified, and inside the subquery a bare "id" is the subquery's own.
    const screeningAt = sql<number | null>`(SELECT min(e.at) FROM topic_events e WHERE e.topic_id = "topics"."id" AND e.to_state = 'screening')`;
    const decidedAt = sql<number | null>`(SELECT min(e.at) FROM topic_events e WHERE e.topic_id = "topics"."id" AND e.from_state = 'screening' AND e.to_state NOT IN ('open', 'screening'))`;
    const dueAt = sql<number | null>`(SELECT max(d.due_at) FROM deadlines d WHERE d.topic_id = "topics"."id" AND d.kind = 'screening')`;
    const received = db
      .select({ screeningAt, decidedAt, dueAt })
      .from(topics)
      .where(and(eq(topics.communityId, c.id), within(period, topics.createdAt)))
      .all()
      .map((t) => ({ screeningAt: date(t.screeningAt), decidedAt: date(t.decidedAt), dueAt: date(t.dueAt) }));
    const screening = screeningFigures(received, at);
    const pcts = db
      .select({ pct: ratingWindows.satisfiedPct })
      .from(ratingWindows)
      .where(and(eq(ratingWindows.communityId, c.id), settled(period)))
      .all()
      .flatMap((r) => (r.pct === null ? [] : [r.pct]));
    const callsMade = db
      .select({ createdAt: departmentCalls.createdAt })
      .from(departmentCalls)
      .where(and(eq(departmentCalls.communityId, c.id), eq(departmentCalls.origin, "community")))
      .all()
      .filter((r) => inPeriod(period, r.createdAt)).length;
    return { slug: c.slug, nameZh: c.nameZh, nameEn: c.nameEn, received: received.length, medianScreeningDays: screening.medianDays, screenedInTimePct: screening.inTimePct, satisfactionPct: meanPct(pcts), rounds: pcts.length, callsMade };
  });
}

const date = (v: number | null) => (v === null ? null : new Date(Number(v)));

/** 综合评价 at a glance for the street dashboard: this month (Asia/Shanghai, as the evaluation page counts) per department. */
export function thisMonthsDepartments({ streetId, at = now() }: { streetId: number; at?: Date }) {
  const month = monthOf(at, DEFAULT_TIME_ZONE);
  const rows = listDepartmentEvaluation({ streetId, period: parsePeriod(month, at, DEFAULT_TIME_ZONE)!, at });
  return { month, rows: rows.map((r) => ({ id: r.id, nameZh: r.nameZh, nameEn: r.nameEn, received: r.received, answeredInTimePct: r.answeredInTimePct, satisfactionPct: r.satisfactionPct })) };
}
