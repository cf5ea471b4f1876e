// Reading calls on departments (issue 19) for a topic's members and for the public board.
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { departmentCallEvents, departmentCalls, departments, executionTasks, topicPhotos, topics, users } from "../../db/schema";
import { timelinessOf, type CallEventKind, type CallOrigin, type CallState } from "../workflow/department-call";
import { now } from "./clock.server";

export interface CallEventView {
  id: number;
  kind: CallEventKind;
  body: string;
  percent: number | null;
  dueAt: Date | null;
  at: Date;
  /** Who took the step (a committee member, the street admin, a department contact); null for the scheduler. */
  actorName: string | null;
  photoIds: number[];
}

export interface CallView {
  id: number;
  topicId: number;
  taskId: number | null;
  taskTitle: string | null;
  departmentId: number;
  departmentNameZh: string;
  departmentNameEn: string;
  origin: CallOrigin;
  ask: string;
  wantedBy: Date;
  state: CallState;
  sentAt: Date;
  responseDueAt: Date;
  firstRespondedAt: Date | null;
  promisedBy: Date | null;
  percent: number;
  declineReason: string | null;
  resolvedAt: Date | null;
  responseOverdue: boolean;
  workOverdue: boolean;
  previousCallId: number | null;
  events: CallEventView[];
}

const callColumns = {
  id: departmentCalls.id,
  topicId: departmentCalls.topicId,
  taskId: departmentCalls.taskId,
  taskTitle: executionTasks.title,
  departmentId: departmentCalls.departmentId,
  departmentNameZh: departments.nameZh,
  departmentNameEn: departments.nameEn,
  origin: departmentCalls.origin,
  ask: departmentCalls.ask,
  wantedBy: departmentCalls.wantedBy,
  state: departmentCalls.state,
  sentAt: departmentCalls.createdAt,
  responseDueAt: departmentCalls.responseDueAt,
  firstRespondedAt: departmentCalls.firstRespondedAt,
  promisedBy: departmentCalls.promisedBy,
  percent: departmentCalls.percent,
  declineReason: departmentCalls.declineReason,
  resolvedAt: departmentCalls.resolvedAt,
  responseOverdue: departmentCalls.responseOverdue,
  workOverdue: departmentCalls.workOverdue,
  previousCallId: departmentCalls.previousCallId,
};

/** The calls with their events, oldest step first, and each step's evidence photos. */
export function callsWithEvents<T extends { id: number; topicId: number }>(calls: T[]): (T & { events: CallEventView[] })[] {
  if (calls.length === 0) return [];
  const db = getDb();
  const events = db
    .select({ callId: departmentCallEvents.callId, id: departmentCallEvents.id, kind: departmentCallEvents.kind, body: departmentCallEvents.body, percent: departmentCallEvents.percent, dueAt: departmentCallEvents.dueAt, at: departmentCallEvents.at, actorName: users.displayName })
    .from(departmentCallEvents)
    .leftJoin(users, eq(users.id, departmentCallEvents.actorId))
    .where(inArray(departmentCallEvents.callId, calls.map((c) => c.id)))
    .orderBy(asc(departmentCallEvents.at), asc(departmentCallEvents.id))
    .all();
  const photos = evidenceOf([...new Set(calls.map((c) => c.topicId))]);
  return calls.map((call) => ({
    ...call,
    events: events.filter((e) => e.callId === call.id).map(({ callId: _, ...e }) => ({ ...e, photoIds: photos.get(e.id) ?? [] })),
  }));
}

/** Evidence photos of call reports, by the event they were reported with. */
export function evidenceOf(topicIds: number[]): Map<number, number[]> {
  const rows = topicIds.length
    ? getDb()
        .select({ id: topicPhotos.id, reportId: topicPhotos.reportId })
        .from(topicPhotos)
        .where(and(inArray(topicPhotos.topicId, topicIds), eq(topicPhotos.purpose, "callReport")))
        .orderBy(asc(topicPhotos.id))
        .all()
    : [];
  const map = new Map<number, number[]>();
  for (const r of rows) if (r.reportId !== null) map.set(r.reportId, [...(map.get(r.reportId) ?? []), r.id]);
  return map;
}

/** A topic's calls for its members' page: newest call first, each with its history. */
export function listCallsForTopic({ communityId, topicId }: { communityId: number; topicId: number }): CallView[] {
  const calls = getDb()
    .select(callColumns)
    .from(departmentCalls)
    .innerJoin(departments, eq(departments.id, departmentCalls.departmentId))
    .leftJoin(executionTasks, eq(executionTasks.id, departmentCalls.taskId))
    .where(and(eq(departmentCalls.communityId, communityId), eq(departmentCalls.topicId, topicId)))
    .orderBy(asc(departmentCalls.id))
    .all()
    .reverse();
  return callsWithEvents(calls);
}

/** What the public board shows of a call: no person's name, no actor ids. */
export interface BoardCallView {
  id: number;
  topicId: number;
  topicNumber: number;
  topicTitle: string;
  departmentNameZh: string;
  departmentNameEn: string;
  origin: CallOrigin;
  state: CallState;
  sentAt: Date;
  answeredAt: Date | null;
  resolvedAt: Date | null;
  /** Answered within the response limit (null while it may still be); the work done by the promised date (null while open or not accepted). */
  answeredInTime: boolean | null;
  doneInTime: boolean | null;
  declineReason: string | null;
  /** The department's result report, and its evidence photos. */
  result: string | null;
  photoIds: number[];
}

/** The community's calls for the public board, newest first. */
export function listCallsForBoard({ communityId, at = now() }: { communityId: number; at?: Date }): BoardCallView[] {
  const calls = getDb()
    .select({ ...callColumns, topicNumber: topics.number, topicTitle: topics.title })
    .from(departmentCalls)
    .innerJoin(departments, eq(departments.id, departmentCalls.departmentId))
    .innerJoin(topics, eq(topics.id, departmentCalls.topicId))
    .leftJoin(executionTasks, eq(executionTasks.id, departmentCalls.taskId))
    .where(eq(departmentCalls.communityId, communityId))
    .orderBy(asc(departmentCalls.id))
    .all()
    .reverse();
  return callsWithEvents(calls).map((c) => {
    const resolved = [...c.events].reverse().find((e) => e.kind === "resolved");
    const timeliness = timelinessOf(c, at);
    const answeredInTime = timeliness === "waiting" ? null : timeliness === "onTime";
    const doneInTime = c.workOverdue ? false : c.state === "resolved" ? true : null;
    return {
      id: c.id,
      topicId: c.topicId,
      topicNumber: c.topicNumber,
      topicTitle: c.topicTitle,
      departmentNameZh: c.departmentNameZh,
      departmentNameEn: c.departmentNameEn,
      origin: c.origin,
      state: c.state,
      sentAt: c.sentAt,
      answeredAt: c.firstRespondedAt,
      resolvedAt: c.resolvedAt,
      answeredInTime,
      doneInTime,
      declineReason: c.declineReason,
      result: resolved?.body ?? null,
      photoIds: resolved?.photoIds ?? [],
    };
  });
}
