import { and, eq, isNull, sql } from "drizzle-orm";
import { type Tx } from "../../db/client.server";
import { executionResults, executionTasks, ratings, ratingWindows, rectifications, topicPhotos, verifications } from "../../db/schema";
import { RATINGS, satisfactionPct, windowOutcome, type Rating } from "../workflow/execution";
import { now } from "./clock.server";
import { executionRefused, executionWrite, openWindow, requireAnyRole, taskRow, topicInState, topicRef, unitContactIds, unitIdsOf, type Actor, type ExecutionResult } from "./execution.server";
import { appendLedger } from "./ledger.server";
import { notifyUsers } from "./notification.server";
import { publish } from "./publication.server";
import type { CheckedPhoto } from "./photo.server";
import { storePhotoFiles } from "./photo.server";
import { advanceInTx } from "./workflow.server";
import type { StoredMessage } from "../i18n/stored-message";
import { zhText } from "../i18n/zh-text.server";
import { write } from "./write.server";
import { requireRules } from "./rules.server";
import { assistedPayload, type Assisted } from "./assisted.server";

/** 整改要求: a supervisor demands a correction on a task, at any time during execution or verification. */
export function raiseRectification(input: Actor & { taskId: number; body: string }): ExecutionResult<{ id: number }> {
  return executionWrite((tx) => {
    requireAnyRole(input, ["supervisor"]);
    const task = taskRow(tx, input.communityId, input.taskId);
    topicInState(tx, input.communityId, task.topicId, ["executing", "verifying"]);
    const at = now();
    const row = tx.insert(rectifications).values({ taskId: task.id, raisedBy: input.userId, body: input.body, createdAt: at }).returning({ id: rectifications.id }).get();
    notifyUsers(tx, { userIds: unitContactIds(tx, task.unitId), communityId: input.communityId, topicId: task.topicId, kind: "rectification.raised", payload: { task: task.title, body: input.body, ...topicRef(tx, task.topicId) }, exceptUserId: input.userId });
    appendLedger(tx, { communityId: input.communityId, type: "rectification.raised", actorId: input.userId, subject: `topic:${task.topicId}`, payload: { task: task.id, rectification: row.id }, at });
    return { id: row.id };
  });
}

/** The unit (a contact person of the task's unit) answers a rectification demand. */
export function answerRectification(input: Actor & { rectificationId: number; answer: string }): ExecutionResult {
  return executionWrite((tx) => {
    requireAnyRole(input, ["executor"]);
    const row = tx.select().from(rectifications).where(eq(rectifications.id, input.rectificationId)).get();
    if (!row) throw executionRefused("notFound");
    const task = taskRow(tx, input.communityId, row.taskId);
    if (!unitIdsOf(tx, input.communityId, input.userId).includes(task.unitId)) throw executionRefused("notUnitMember");
    if (row.answeredAt) throw executionRefused("answered");
    const at = now();
    tx.update(rectifications).set({ answer: input.answer, answeredBy: input.userId, answeredAt: at }).where(eq(rectifications.id, row.id)).run();
    notifyUsers(tx, { userIds: [row.raisedBy], communityId: input.communityId, topicId: task.topicId, kind: "rectification.answered", payload: { task: task.title, answer: input.answer, ...topicRef(tx, task.topicId) }, exceptUserId: input.userId });
    appendLedger(tx, { communityId: input.communityId, type: "rectification.answered", actorId: input.userId, subject: `topic:${task.topicId}`, payload: { task: task.id, rectification: row.id }, at });
    return {};
  });
}

/** 核实: a supervisor records an on-site check (notes, photos, verified or not) in the current round. */
export function recordVerification(input: Actor & { topicId: number; notes: string; verified: boolean; photos: CheckedPhoto[] }): ExecutionResult<{ id: number }> {
  storePhotoFiles(input.photos);
  return executionWrite((tx) => {
    requireAnyRole(input, ["supervisor"]);
    topicInState(tx, input.communityId, input.topicId, ["verifying"]);
    const window = openWindow(tx, input.topicId);
    if (!window) throw executionRefused("windowClosed");
    const at = now();
    const row = tx.insert(verifications).values({ windowId: window.id, supervisorId: input.userId, notes: input.notes, verified: input.verified, createdAt: at }).returning({ id: verifications.id }).get();
    if (input.photos.length > 0) {
      tx.insert(topicPhotos)
        .values(input.photos.map((p) => ({ topicId: input.topicId, sha256: p.sha256, mime: p.mime, bytes: p.bytes.length, createdAt: at, purpose: "verification" as const, verificationId: row.id })))
        .run();
    }
    appendLedger(tx, { communityId: input.communityId, type: "verification.recorded", actorId: input.userId, subject: `topic:${input.topicId}`, payload: { window: window.id, verification: row.id, verified: input.verified, photos: input.photos.map((p) => p.sha256) }, at });
    return { id: row.id };
  });
}

/** 满意度评价: a resident rates the result once per round, while the window is open. */
export function rateResult(input: Actor & { topicId: number; rating: Rating; comment: string; assisted?: Assisted }): ExecutionResult {
  return executionWrite((tx) => {
    requireAnyRole(input, ["resident"]);
    topicInState(tx, input.communityId, input.topicId, ["verifying"]);
    const window = openWindow(tx, input.topicId);
    const at = now();
    if (!window || window.closesAt.getTime() <= at.getTime()) throw executionRefused("windowClosed");
    const added = tx.insert(ratings).values({ windowId: window.id, userId: input.userId, rating: input.rating, comment: input.comment, createdAt: at }).onConflictDoNothing().run();
    if (added.changes === 0) throw executionRefused("alreadyRated");
    appendLedger(tx, { communityId: input.communityId, type: "rating.cast", actorId: input.userId, subject: `topic:${input.topicId}`, payload: { window: window.id, rating: input.rating, ...assistedPayload(input.assisted) }, at });
    return {};
  });
}

/** Takes a rating back while its window is open (the person withdrawing what staff recorded for them, decision 040). */
export function withdrawRatingInTx(tx: Tx, input: { communityId: number; topicId: number; userId: number; windowId: number }): void {
  topicInState(tx, input.communityId, input.topicId, ["verifying"]);
  const window = openWindow(tx, input.topicId);
  if (!window || window.id !== input.windowId || window.closesAt.getTime() <= now().getTime()) throw executionRefused("windowClosed");
  const removed = tx.delete(ratings).where(and(eq(ratings.windowId, window.id), eq(ratings.userId, input.userId))).run();
  if (removed.changes === 0) throw executionRefused("notFound");
  appendLedger(tx, { communityId: input.communityId, type: "rating.withdrawn", actorId: input.userId, subject: `topic:${input.topicId}`, payload: { window: window.id }, at: now() });
}

export function ratingCounts(tx: Tx, windowId: number): Record<Rating, number> {
  const rows = tx.select({ rating: ratings.rating, n: sql<number>`count(*)` }).from(ratings).where(eq(ratings.windowId, windowId)).groupBy(ratings.rating).all();
  return Object.fromEntries(RATINGS.map((r) => [r, rows.find((x) => x.rating === r)?.n ?? 0])) as Record<Rating, number>;
}

/**
 * The end of a rating window (the scheduler, at its deadline): verified on site and satisfied enough →
 * 结项 (closed); otherwise back to execution, with the supervisors' open demands as the reason.
 */
export function settleRatingWindow(tx: Tx, { communityId, topicId, at }: { communityId: number; topicId: number; at: Date }): { to: "closed" | "executing" } | null {
  const window = openWindow(tx, topicId);
  if (!window || window.closesAt.getTime() > at.getTime()) return null;
  const counts = ratingCounts(tx, window.id);
  const pct = satisfactionPct(counts);
  const { satisfactionThresholdPct } = requireRules(communityId, tx);
  const latest = tx.select({ verified: verifications.verified }).from(verifications).where(eq(verifications.windowId, window.id)).orderBy(sql`${verifications.id} desc`).limit(1).get();
  const outcome = windowOutcome({ verified: latest?.verified === true, pct, thresholdPct: satisfactionThresholdPct });
  tx.update(ratingWindows).set({ settledAt: at, outcome, satisfiedPct: pct }).where(eq(ratingWindows.id, window.id)).run();
  appendLedger(tx, { communityId, type: "rating.windowSettled", actorId: null, subject: `topic:${topicId}`, payload: { window: window.id, ...counts, satisfiedPct: pct, verified: latest?.verified === true, outcome, thresholdPct: satisfactionThresholdPct }, at });
  if (outcome === "closed") {
    advanceInTx(tx, { topicId, communityId, action: "close", actor: "system" });
    return { to: "closed" };
  }
  const reasonMessage = reopenReason(tx, topicId, { verified: latest?.verified === true, pct, thresholdPct: satisfactionThresholdPct });
  advanceInTx(tx, { topicId, communityId, action: "reopen", actor: "system", reason: zhText(reasonMessage), reasonMessage });
  // Back in execution, the tasks are open again for the unit's corrections.
  tx.update(executionTasks).set({ status: "open", doneAt: null }).where(eq(executionTasks.topicId, topicId)).run();
  return { to: "executing" };
}

/** Why the topic goes back to execution, as a message each reader sees in their language; the open demands' bodies are values, as written. */
function reopenReason(tx: Tx, topicId: number, { verified, pct, thresholdPct }: { verified: boolean; pct: number | null; thresholdPct: number }): StoredMessage {
  const open = tx
    .select({ body: rectifications.body })
    .from(rectifications)
    .innerJoin(executionTasks, eq(executionTasks.id, rectifications.taskId))
    .where(and(eq(executionTasks.topicId, topicId), isNull(rectifications.answeredAt)))
    .all()
    .map((r) => r.body);
  const parts: StoredMessage[] = [
    ...(!verified ? [{ key: "supervision.reopen.notVerified" }] : []),
    ...(pct === null ? [{ key: "supervision.reopen.noRatings" }] : pct < thresholdPct ? [{ key: "supervision.reopen.belowThreshold", values: { pct, thresholdPct } }] : []),
    ...open.map((body) => ({ key: "supervision.reopen.demand", values: { body } })),
  ];
  return parts.length ? { key: "supervision.reopen.reason", parts } : { key: "supervision.reopen.more" };
}

/** 实施结果公开: the committee publishes how the resolution was carried out (during or after supervision). */
export function publishResult(input: Actor & { topicId: number; summary: string }): ExecutionResult<{ id: number }> {
  return executionWrite((tx) => {
    requireAnyRole(input, ["committee"]);
    topicInState(tx, input.communityId, input.topicId, ["verifying", "closed"]);
    const at = now();
    const row = tx.insert(executionResults).values({ communityId: input.communityId, topicId: input.topicId, summary: input.summary, publishedBy: input.userId, publishedAt: at }).returning({ id: executionResults.id }).get();
    publish(tx, { communityId: input.communityId, topicId: input.topicId, kind: "executionResult", refId: row.id, title: topicRef(tx, input.topicId).title, at });
    appendLedger(tx, { communityId: input.communityId, type: "result.published", actorId: input.userId, subject: `topic:${input.topicId}`, payload: { result: row.id }, at });
    return { id: row.id };
  });
}

/** Settles due rating windows outside the deadline runner (used by it, and by tests driving the clock). */
export function settleDueWindow({ communityId, topicId, at = now() }: { communityId: number; topicId: number; at?: Date }) {
  return write((tx, announce) => {
    const moved = settleRatingWindow(tx, { communityId, topicId, at });
    if (moved) announce({ name: "topicMoved", payload: { topicId, communityId, from: "verifying", to: moved.to } });
    return moved;
  });
}
