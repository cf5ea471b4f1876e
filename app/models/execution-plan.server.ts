import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { executionTasks, units } from "../../db/schema";
import { localDate } from "../i18n/time-zone";
import { now } from "./clock.server";
import { getTimeZone } from "./time-zone.server";
import { executionRefused, executionWrite, requireAnyRole, taskRow, topicRef, unitContactIds, type Actor, type ExecutionResult, type TaskInput } from "./execution.server";
import { appendLedger } from "./ledger.server";
import { notifyUsers } from "./notification.server";

/**
 * Correcting a plan (执行方案) until completion is reported: the committee edits a task's title, unit,
 * due date or budget, or takes the task out with a public reason. Both are ledger entries with what
 * changed; a removed task keeps its row (removedAt/removedBy) for the record and its reports, but no
 * page, count or gate treats it as work any more.
 */

/** The topic of a task whose plan may still change: in execution, completion not yet reported. */
function planOpen(tx: Tx, communityId: number, topicId: number) {
  const topic = tx.query.topics.findFirst({ where: (t, { and: both, eq: is }) => both(is(t.id, topicId), is(t.communityId, communityId)) }).sync();
  if (!topic) throw executionRefused("notFound");
  if (topic.state === "verifying" || topic.state === "closed") throw executionRefused("completionReported");
  if (topic.state !== "executing") throw executionRefused("wrongState");
  return topic;
}

type Recorded = { title: string; unit: number; dueAt: string; budgetFen: number | null };

/** 修改任务: what changed goes to the ledger as its old and new values; nothing changed writes nothing. */
export function editTask(input: Actor & { taskId: number; task: TaskInput }): ExecutionResult<{ changed: boolean }> {
  return executionWrite((tx) => {
    requireAnyRole(input, ["committee"]);
    const row = taskRow(tx, input.communityId, input.taskId);
    planOpen(tx, input.communityId, row.topicId);
    const unit = tx.select({ id: units.id }).from(units).where(and(eq(units.id, input.task.unitId), eq(units.communityId, input.communityId))).get();
    if (!unit) throw executionRefused("unknownUnit");
    const at = now();
    // The form shows the due date as a day: the same day posted back keeps the exact moment planned.
    const zone = getTimeZone(input.communityId);
    const dueAt = localDate(row.dueAt, zone) === localDate(input.task.dueAt, zone) ? row.dueAt : input.task.dueAt;
    if (dueAt !== row.dueAt && dueAt.getTime() <= at.getTime()) throw executionRefused("dueInPast");
    const before: Recorded = { title: row.title, unit: row.unitId, dueAt: row.dueAt.toISOString(), budgetFen: row.budgetFen };
    const after: Recorded = { title: input.task.title, unit: input.task.unitId, dueAt: dueAt.toISOString(), budgetFen: input.task.budgetFen };
    const keys = (Object.keys(before) as Array<keyof Recorded>).filter((k) => before[k] !== after[k]);
    if (keys.length === 0) return { changed: false };
    const pick = (r: Recorded) => Object.fromEntries(keys.map((k) => [k, r[k]]));
    tx.update(executionTasks)
      .set({
        title: after.title,
        unitId: after.unit,
        dueAt,
        budgetFen: after.budgetFen,
        // A later due date lifts the overdue flag; the scheduler flags the task again if it passes.
        ...(dueAt !== row.dueAt ? { overdue: false } : {}),
      })
      .where(eq(executionTasks.id, row.id))
      .run();
    if (after.unit !== before.unit) {
      notifyUsers(tx, {
        userIds: unitContactIds(tx, after.unit),
        communityId: input.communityId,
        topicId: row.topicId,
        kind: "task.assigned",
        payload: { task: after.title, dueAt: after.dueAt, ...topicRef(tx, row.topicId) },
        exceptUserId: input.userId,
      });
    }
    appendLedger(tx, { communityId: input.communityId, type: "task.edited", actorId: input.userId, subject: `topic:${row.topicId}`, payload: { task: row.id, from: pick(before), to: pick(after) }, at });
    return { changed: true };
  });
}

/** 移除任务: out of the plan with a public reason; its reports and demands stay on record. */
export function removeTask(input: Actor & { taskId: number; reason: string }): ExecutionResult<{ topicId: number }> {
  return executionWrite((tx) => {
    requireAnyRole(input, ["committee"]);
    const row = taskRow(tx, input.communityId, input.taskId);
    planOpen(tx, input.communityId, row.topicId);
    const at = now();
    tx.update(executionTasks).set({ removedAt: at, removedBy: input.userId }).where(eq(executionTasks.id, row.id)).run();
    appendLedger(tx, { communityId: input.communityId, type: "task.removed", actorId: input.userId, subject: `topic:${row.topicId}`, payload: { task: row.id, title: row.title, reason: input.reason }, at });
    return { topicId: row.topicId };
  });
}
