// Late departments (issue 19): the scheduler flags a call whose answer is overdue (still unanswered
// past its response limit) or whose work is (accepted, not resolved by the promised date) — once each,
// on the ledger, telling the street's admins and the department's contacts; the street dashboard lists them.
import { and, asc, eq, lte, or } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { communities, departmentCalls, departments, topics } from "../../db/schema";
import type { CallState } from "../workflow/department-call";
import { now } from "./clock.server";
import { callRef, recordStep, streetAdminIds } from "./department-call-common.server";
import { departmentContactIds } from "./department.server";
import { notifyUsers } from "./notification.server";
import { write } from "./write.server";

/** Flags the calls that became overdue by `at`; returns how many it looked at. */
export function flagOverdueCalls(at: Date = now()): number {
  const db = getDb();
  const due = db
    .select({ id: departmentCalls.id })
    .from(departmentCalls)
    .where(
      or(
        and(eq(departmentCalls.state, "sent"), eq(departmentCalls.responseOverdue, false), lte(departmentCalls.responseDueAt, at)),
        and(eq(departmentCalls.state, "accepted"), eq(departmentCalls.workOverdue, false), lte(departmentCalls.promisedBy, at)),
      ),
    )
    .limit(500)
    .all();
  for (const { id } of due) {
    write((tx) => {
      const call = tx.select().from(departmentCalls).where(eq(departmentCalls.id, id)).get();
      if (!call) return;
      const response = call.state === "sent" && !call.responseOverdue && call.responseDueAt.getTime() <= at.getTime();
      const work = call.state === "accepted" && !call.workOverdue && call.promisedBy !== null && call.promisedBy.getTime() <= at.getTime();
      if (!response && !work) return;
      tx.update(departmentCalls).set(response ? { responseOverdue: true } : { workOverdue: true }).where(eq(departmentCalls.id, call.id)).run();
      const dueAt = response ? call.responseDueAt : call.promisedBy!;
      recordStep(tx, call, {
        kind: response ? "responseOverdue" : "workOverdue",
        actorId: null,
        dueAt,
        at,
        state: call.state,
        percentAfter: call.percent,
        extra: { dueAt: dueAt.toISOString() },
      });
      notifyUsers(tx, {
        userIds: [...streetAdminIds(tx, call.streetId), ...departmentContactIds(tx, call.departmentId)],
        communityId: call.communityId,
        topicId: call.topicId,
        kind: "call.overdue",
        payload: { ...callRef(tx, call), which: response ? "response" : "work", dueAt: dueAt.toISOString() },
      });
    });
  }
  return due.length;
}

export interface OverdueCallRow {
  id: number;
  kind: "response" | "work";
  /** The date that passed: the response limit, or the promised date. */
  dueAt: Date;
  state: CallState;
  percent: number;
  topicId: number;
  topicNumber: number;
  topicTitle: string;
  communityId: number;
  communitySlug: string;
  communityNameZh: string;
  communityNameEn: string;
  departmentId: number;
  departmentNameZh: string;
  departmentNameEn: string;
}

/** The street's calls late now: unanswered past the limit, or accepted and past the promised date — the longest overdue first. */
export function listOverdueCalls({ streetId }: { streetId: number }): OverdueCallRow[] {
  const rows = getDb()
    .select({
      id: departmentCalls.id,
      state: departmentCalls.state,
      percent: departmentCalls.percent,
      responseOverdue: departmentCalls.responseOverdue,
      workOverdue: departmentCalls.workOverdue,
      responseDueAt: departmentCalls.responseDueAt,
      promisedBy: departmentCalls.promisedBy,
      topicId: topics.id,
      topicNumber: topics.number,
      topicTitle: topics.title,
      communityId: communities.id,
      communitySlug: communities.slug,
      communityNameZh: communities.nameZh,
      communityNameEn: communities.nameEn,
      departmentId: departments.id,
      departmentNameZh: departments.nameZh,
      departmentNameEn: departments.nameEn,
    })
    .from(departmentCalls)
    .innerJoin(topics, eq(topics.id, departmentCalls.topicId))
    .innerJoin(communities, eq(communities.id, departmentCalls.communityId))
    .innerJoin(departments, eq(departments.id, departmentCalls.departmentId))
    .where(
      and(
        eq(departmentCalls.streetId, streetId),
        or(and(eq(departmentCalls.state, "sent"), eq(departmentCalls.responseOverdue, true)), and(eq(departmentCalls.state, "accepted"), eq(departmentCalls.workOverdue, true))),
      ),
    )
    .orderBy(asc(departmentCalls.id))
    .all();
  return rows
    .map(({ responseOverdue: _r, workOverdue: _w, responseDueAt, promisedBy, ...r }) => {
      const kind: OverdueCallRow["kind"] = r.state === "sent" ? "response" : "work";
      return { ...r, kind, dueAt: kind === "response" ? responseDueAt : promisedBy! };
    })
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
}
