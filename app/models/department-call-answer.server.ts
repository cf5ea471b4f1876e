// The department's side of a call (issue 19, 部门响应、处理反馈): a contact person of the called
// department accepts it with the date it will be done by, asks the caller for more, or declines with a
// reason; once accepted, reports progress and then the result with evidence photos.
import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { departmentCalls, topicPhotos } from "../../db/schema";
import { CALL_PROGRESS_MAX } from "../workflow/department-call";
import { now } from "./clock.server";
import { callFor, callRef, callRefused, callWrite, checkText, committeeIds, recordStep, streetAdminIds, type CallResult, type CallRow, type StreetActor } from "./department-call-common.server";
import { notifyUsers } from "./notification.server";
import { storePhotoFiles, type CheckedPhoto } from "./photo.server";

/** 接单: the department takes the call on, promising a date. */
export function acceptCall(i: StreetActor & { callId: number; promisedBy: Date; body: string }): CallResult {
  return callWrite((tx) => {
    const { call } = callFor(tx, i, i.callId, "accept");
    const body = checkText(i.body);
    const at = now();
    if (!(i.promisedBy instanceof Date) || Number.isNaN(i.promisedBy.getTime()) || i.promisedBy.getTime() <= at.getTime()) throw callRefused("dateInPast");
    tx.update(departmentCalls)
      .set({ state: "accepted", promisedBy: i.promisedBy, firstRespondedAt: call.firstRespondedAt ?? at })
      .where(eq(departmentCalls.id, call.id))
      .run();
    recordStep(tx, call, { kind: "accepted", actorId: i.userId, body, dueAt: i.promisedBy, at, state: "accepted", percentAfter: call.percent, extra: { promisedBy: i.promisedBy.toISOString() } });
    tellCaller(tx, call, i.userId, "accepted");
    return {};
  });
}

/** 补充材料: the department asks the caller for more; its response limit stops until they answer. */
export function askForMore(i: StreetActor & { callId: number; body: string }): CallResult {
  return callWrite((tx) => {
    const { call } = callFor(tx, i, i.callId, "askForMore");
    const body = checkText(i.body);
    const at = now();
    tx.update(departmentCalls).set({ state: "infoRequested", firstRespondedAt: call.firstRespondedAt ?? at }).where(eq(departmentCalls.id, call.id)).run();
    recordStep(tx, call, { kind: "infoRequested", actorId: i.userId, body, at, state: "infoRequested", percentAfter: call.percent });
    tellCaller(tx, call, i.userId, "infoRequested");
    return {};
  });
}

/** 退回: the department declines, with its reason; the caller may send the matter elsewhere. */
export function declineCall(i: StreetActor & { callId: number; reason: string }): CallResult {
  return callWrite((tx) => {
    const { call } = callFor(tx, i, i.callId, "decline");
    const reason = checkText(i.reason);
    const at = now();
    tx.update(departmentCalls).set({ state: "declined", declineReason: reason, firstRespondedAt: call.firstRespondedAt ?? at }).where(eq(departmentCalls.id, call.id)).run();
    recordStep(tx, call, { kind: "declined", actorId: i.userId, body: reason, at, state: "declined", percentAfter: call.percent });
    tellCaller(tx, call, i.userId, "declined");
    return {};
  });
}

/** 进度: a report on accepted work (0..99 %; 100 % is the result, which needs evidence). */
export function reportCallProgress(i: StreetActor & { callId: number; body: string; percent: number; photos: CheckedPhoto[] }): CallResult<{ eventId: number }> {
  storePhotoFiles(i.photos);
  return callWrite((tx) => {
    const { call } = callFor(tx, i, i.callId, "progress");
    const body = checkText(i.body);
    if (!Number.isInteger(i.percent) || i.percent < 0 || i.percent > CALL_PROGRESS_MAX) throw callRefused("badPercent");
    const at = now();
    tx.update(departmentCalls).set({ percent: i.percent }).where(eq(departmentCalls.id, call.id)).run();
    const eventId = recordStep(tx, call, { kind: "progress", actorId: i.userId, body, percent: i.percent, at, state: "accepted", percentAfter: i.percent, extra: { photos: i.photos.map((p) => p.sha256) } });
    storeEvidence(tx, call, eventId, i.photos, at);
    tellCaller(tx, call, i.userId, "progress");
    return { eventId };
  });
}

/** 办结: the result, with at least one photo of it; the call is resolved at 100 %. */
export function resolveCall(i: StreetActor & { callId: number; body: string; photos: CheckedPhoto[] }): CallResult<{ eventId: number }> {
  storePhotoFiles(i.photos);
  return callWrite((tx) => {
    const { call } = callFor(tx, i, i.callId, "resolve");
    const body = checkText(i.body);
    if (i.photos.length === 0) throw callRefused("needsEvidence");
    const at = now();
    tx.update(departmentCalls).set({ state: "resolved", percent: 100, resolvedAt: at }).where(eq(departmentCalls.id, call.id)).run();
    const eventId = recordStep(tx, call, { kind: "resolved", actorId: i.userId, body, percent: 100, at, state: "resolved", percentAfter: 100, extra: { photos: i.photos.map((p) => p.sha256) } });
    storeEvidence(tx, call, eventId, i.photos, at);
    tellCaller(tx, call, i.userId, "resolved");
    return { eventId };
  });
}

function storeEvidence(tx: Tx, call: CallRow, eventId: number, photos: CheckedPhoto[], at: Date) {
  if (photos.length === 0) return;
  tx.insert(topicPhotos)
    .values(photos.map((p) => ({ topicId: call.topicId, sha256: p.sha256, mime: p.mime, bytes: p.bytes.length, createdAt: at, purpose: "callReport" as const, reportId: eventId })))
    .run();
}

/** The community's committee hears of every answer and report (and the street admins, of the street's own dispatches). */
function tellCaller(tx: Tx, call: CallRow, actorId: number, step: string) {
  const userIds = [...committeeIds(tx, call.communityId), ...(call.origin === "street" ? streetAdminIds(tx, call.streetId) : [])];
  notifyUsers(tx, { userIds, communityId: call.communityId, topicId: call.topicId, kind: "call.answered", payload: { ...callRef(tx, call), step }, exceptUserId: actorId });
}
