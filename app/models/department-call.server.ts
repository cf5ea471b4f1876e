// 吹哨 / 街道派单 (issue 19): the caller's side of a call on a street department — the committee sends
// one about its topic (or one of the topic's tasks), the street admin dispatches one, either answers
// the department's question, withdraws a call or sends it to another department. The department's
// side is department-call-answer.server.ts; the scheduler's flags department-call-overdue.server.ts.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { communities, departmentCalls, executionTasks, topics } from "../../db/schema";
import { now } from "./clock.server";
import { getDepartment, departmentContactIds } from "./department.server";
import { notifyUsers } from "./notification.server";
import { OPEN_CALL_STATES, type CallOrigin } from "../workflow/department-call";
import {
  callFor,
  callRef,
  callRefused,
  callWrite,
  checkText,
  isAdminOf,
  recordStep,
  type CallResult,
  type CallRow,
  type CommunityActor,
  type StreetActor,
} from "./department-call-common.server";

export type { CallProblem, CallResult, CommunityActor, StreetActor } from "./department-call-common.server";
// One place to import the call model from (the department's side, the reads and the scheduler's flags live in their own files).
export { acceptCall, askForMore, declineCall, reportCallProgress, resolveCall } from "./department-call-answer.server";
export { flagOverdueCalls, listOverdueCalls, type OverdueCallRow } from "./department-call-overdue.server";
export { listCallsForBoard, listCallsForTopic, type BoardCallView, type CallEventView, type CallView } from "./department-call-read.server";
export { getCallForStreet, listDepartmentQueue, queueDepartments, type CallDetail, type QueueFilter, type QueueRow } from "./department-call-queue.server";

const HOUR_MS = 60 * 60 * 1000;

export interface CallInput {
  topicId: number;
  taskId: number | null;
  departmentId: number;
  ask: string;
  wantedBy: Date;
}

/** 吹哨: the committee calls on a department of its street about an active topic (or one of its open tasks). */
export function sendCall(i: CommunityActor & CallInput): CallResult<{ id: number }> {
  return callWrite((tx) => {
    if (!i.roles.includes("committee")) throw callRefused("wrongRole");
    const community = tx.select().from(communities).where(eq(communities.id, i.communityId)).get();
    if (!community) throw callRefused("notFound");
    return { id: openCall(tx, { ...i, streetId: community.streetId, communityId: community.id, origin: "community", previousCallId: null }) };
  });
}

/** 街道派单: the street admin sends a department to a topic of one of the street's communities. */
export function dispatchFromStreet(i: StreetActor & CallInput): CallResult<{ id: number }> {
  return callWrite((tx) => {
    if (!isAdminOf(tx, i.userId, i.streetId)) throw callRefused("wrongRole");
    const topic = tx.select({ communityId: topics.communityId }).from(topics).where(eq(topics.id, i.topicId)).get();
    const community = topic && tx.select().from(communities).where(eq(communities.id, topic.communityId)).get();
    if (!community || community.streetId !== i.streetId) throw callRefused("notFound");
    return { id: openCall(tx, { ...i, communityId: community.id, origin: "street", previousCallId: null }) };
  });
}

/** The committee (or the street admin) answers the department's question: the call is sent again and its response limit starts over. */
export function answerInfoRequest(i: (CommunityActor | StreetActor) & { callId: number; body: string }): CallResult {
  return callWrite((tx) => {
    const { call } = callFor(tx, i, i.callId, "answerInfo");
    const body = checkText(i.body);
    const at = now();
    const responseDueAt = new Date(at.getTime() + departmentOf(tx, call).responseHours * HOUR_MS);
    tx.update(departmentCalls).set({ state: "sent", responseDueAt }).where(eq(departmentCalls.id, call.id)).run();
    recordStep(tx, call, { kind: "infoGiven", actorId: i.userId, body, at, state: "sent", percentAfter: call.percent, extra: { responseDueAt: responseDueAt.toISOString() } });
    notifyUsers(tx, { userIds: departmentContactIds(tx, call.departmentId), communityId: call.communityId, topicId: call.topicId, kind: "call.infoGiven", payload: callRef(tx, call), exceptUserId: i.userId });
    return {};
  });
}

/** The caller takes an open call back (no longer needed). */
export function withdrawCall(i: (CommunityActor | StreetActor) & { callId: number; reason: string }): CallResult {
  return callWrite((tx) => {
    const { call } = callFor(tx, i, i.callId, "withdraw");
    const reason = checkText(i.reason);
    const at = now();
    tx.update(departmentCalls).set({ state: "withdrawn" }).where(eq(departmentCalls.id, call.id)).run();
    recordStep(tx, call, { kind: "withdrawn", actorId: i.userId, body: reason, at, state: "withdrawn", percentAfter: call.percent });
    notifyUsers(tx, { userIds: departmentContactIds(tx, call.departmentId), communityId: call.communityId, topicId: call.topicId, kind: "call.withdrawn", payload: callRef(tx, call), exceptUserId: i.userId });
    return {};
  });
}

/**
 * Sends a declined call (or one whose response is overdue and still unanswered) to a department again:
 * the old call ends (declined stays declined; the unanswered one is withdrawn) and a new one starts
 * for the same topic and task, naming the old one as its previous call.
 */
export function redispatchCall(i: (CommunityActor | StreetActor) & { callId: number; departmentId: number; ask: string; wantedBy: Date }): CallResult<{ id: number }> {
  return callWrite((tx) => {
    const { call, as } = callFor(tx, i, i.callId, "redispatch");
    const ended = call.state === "declined" ? "declined" : "withdrawn";
    tx.update(departmentCalls).set({ state: ended }).where(eq(departmentCalls.id, call.id)).run();
    const origin: CallOrigin = as === "streetAdmin" ? "street" : "community";
    const id = openCall(tx, { topicId: call.topicId, taskId: call.taskId, departmentId: i.departmentId, ask: i.ask, wantedBy: i.wantedBy, userId: i.userId, streetId: call.streetId, communityId: call.communityId, origin, previousCallId: call.id });
    const at = now();
    recordStep(tx, call, { kind: "redispatched", actorId: i.userId, at, state: ended, percentAfter: call.percent, extra: { next: id, nextDepartment: i.departmentId } });
    if (ended === "withdrawn") notifyUsers(tx, { userIds: departmentContactIds(tx, call.departmentId), communityId: call.communityId, topicId: call.topicId, kind: "call.withdrawn", payload: callRef(tx, call), exceptUserId: i.userId });
    return { id };
  });
}

interface Opening extends CallInput {
  userId: number;
  streetId: number;
  communityId: number;
  origin: CallOrigin;
  previousCallId: number | null;
}

/** Makes a call after checking the topic, the task, the department and the dates; tells the department's contacts. */
function openCall(tx: Tx, o: Opening): number {
  const community = tx.select({ archivedAt: communities.archivedAt }).from(communities).where(eq(communities.id, o.communityId)).get();
  const topic = tx.select().from(topics).where(and(eq(topics.id, o.topicId), eq(topics.communityId, o.communityId))).get();
  if (!community || !topic) throw callRefused("notFound");
  if (topic.status !== "active" || community.archivedAt) throw callRefused("topicNotActive");
  if (o.taskId !== null) {
    const task = tx.select().from(executionTasks).where(and(eq(executionTasks.id, o.taskId), eq(executionTasks.topicId, topic.id))).get();
    if (!task || task.removedAt || task.status !== "open") throw callRefused("unknownTask");
  }
  const department = getDepartment({ streetId: o.streetId, departmentId: o.departmentId }, tx);
  if (!department) throw callRefused("unknownDepartment");
  if (department.archivedAt) throw callRefused("departmentArchived");
  const ask = checkText(o.ask);
  const at = now();
  if (!(o.wantedBy instanceof Date) || Number.isNaN(o.wantedBy.getTime()) || o.wantedBy.getTime() <= at.getTime()) throw callRefused("dateInPast");
  const open = tx
    .select({ id: departmentCalls.id })
    .from(departmentCalls)
    .where(
      and(
        eq(departmentCalls.topicId, topic.id),
        o.taskId === null ? isNull(departmentCalls.taskId) : eq(departmentCalls.taskId, o.taskId),
        eq(departmentCalls.departmentId, department.id),
        inArray(departmentCalls.state, [...OPEN_CALL_STATES]),
      ),
    )
    .get();
  if (open) throw callRefused("alreadyCalled");
  const responseDueAt = new Date(at.getTime() + department.responseHours * HOUR_MS);
  const call = tx
    .insert(departmentCalls)
    .values({
      streetId: o.streetId,
      communityId: o.communityId,
      topicId: topic.id,
      taskId: o.taskId,
      departmentId: department.id,
      origin: o.origin,
      ask,
      wantedBy: o.wantedBy,
      state: "sent",
      responseDueAt,
      previousCallId: o.previousCallId,
      createdBy: o.userId,
      createdAt: at,
    })
    .returning()
    .get();
  recordStep(tx, call, {
    kind: "sent",
    actorId: o.userId,
    body: ask,
    dueAt: o.wantedBy,
    at,
    state: "sent",
    percentAfter: 0,
    extra: { wantedBy: o.wantedBy.toISOString(), responseDueAt: responseDueAt.toISOString(), previous: o.previousCallId },
  });
  notifyUsers(tx, { userIds: departmentContactIds(tx, department.id), communityId: o.communityId, topicId: topic.id, kind: "call.arrived", payload: callRef(tx, call), exceptUserId: o.userId });
  return call.id;
}

function departmentOf(tx: Tx, call: CallRow) {
  return getDepartment({ streetId: call.streetId, departmentId: call.departmentId }, tx)!;
}

