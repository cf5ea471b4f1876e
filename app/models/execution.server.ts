import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { deadlines, executionTasks, memberships, progressReports, ratingWindows, topicPhotos, topics, unitMembers, units } from "../../db/schema";
import type { UnitKind } from "../workflow/execution";
import type { Role } from "../workflow/roles";
import type { TopicState } from "../workflow/states";
import { DAY_MS, now } from "./clock.server";
import { attempt, refusals, type DomainError, type Refusal, type Result } from "./domain-error.server";
import { appendLedger } from "./ledger.server";
import { notifyUsers } from "./notification.server";
import type { CheckedPhoto } from "./photo.server";
import { storePhotoFiles } from "./photo.server";
import { blockersOf } from "./step-facts.server";
import { advanceInTx } from "./workflow.server";
import { write } from "./write.server";
import { requireRules } from "./rules.server";

/** A refused execution or supervision action; `problem` is a key under `execution.problems`. */
export type ExecutionProblem =
  | "notFound"
  | "wrongRole"
  | "wrongState"
  | "notUnitMember"
  | "unknownUnit"
  | "dueInPast"
  | "taskDone"
  | "tasksOpen"
  | "noTasks"
  | "windowClosed"
  | "alreadyRated"
  | "answered"
  | "duplicateUnit"
  | "blocked"
  | "completionReported"
  | "taskRemoved";

/** A refusal (DomainError of "execution"); one made by a step gate ("blocked") also says what is missing (keys under `topic.blockers`). */
export const executionRefused = refusals<ExecutionProblem>("execution");

export type ExecutionResult<T extends object = object> = Result<ExecutionProblem, T>;

export interface Actor {
  communityId: number;
  userId: number;
  roles: readonly Role[];
}

/** Runs one write, turning a refusal into `{ ok: false }`; a topic that moved is announced after the commit. */
type Moved = { topicId: number; communityId: number; from: TopicState; to: TopicState };

export function executionWrite<T extends object>(fn: (tx: Tx, moved: (m: Moved) => void) => T): ExecutionResult<T> {
  return attempt("execution", () => write((tx, publish) => fn(tx, (m) => publish({ name: "topicMoved", payload: m }))), moveRefused);
}

/** A refused move of the topic, in execution's terms. */
function moveRefused(error: DomainError): Refusal<ExecutionProblem> {
  if (error.problem === "blocked") return { ok: false, problem: "blocked", blockers: error.blockers };
  return { ok: false, problem: error.problem === "wrongRole" ? "wrongRole" : error.problem === "notFound" ? "notFound" : "wrongState" };
}

export function requireAnyRole(actor: Actor, roles: readonly Role[]) {
  if (!roles.some((r) => actor.roles.includes(r))) throw executionRefused("wrongRole");
}

export function topicInState(tx: Tx, communityId: number, topicId: number, states: readonly string[]) {
  const row = tx.query.topics.findFirst({ where: (t, { and: both, eq: is }) => both(is(t.id, topicId), is(t.communityId, communityId)) }).sync();
  if (!row) throw executionRefused("notFound");
  if (!states.includes(row.state)) throw executionRefused("wrongState");
  return row;
}

// ——— units ———

export function listUnits({ communityId }: { communityId: number }) {
  const db = getDb();
  const rows = db.select().from(units).where(eq(units.communityId, communityId)).orderBy(asc(units.name)).all();
  const members = db
    .select({ unitId: unitMembers.unitId, userId: unitMembers.userId })
    .from(unitMembers)
    .innerJoin(units, eq(units.id, unitMembers.unitId))
    .where(eq(units.communityId, communityId))
    .all();
  return rows.map((u) => ({ ...u, memberIds: members.filter((m) => m.unitId === u.id).map((m) => m.userId) }));
}

/** The units a person reports for in a community. */
export function unitIdsOf(tx: Tx, communityId: number, userId: number): number[] {
  return tx
    .select({ id: units.id })
    .from(unitMembers)
    .innerJoin(units, eq(units.id, unitMembers.unitId))
    .where(and(eq(units.communityId, communityId), eq(unitMembers.userId, userId)))
    .all()
    .map((r) => r.id);
}

/** The committee registers a responsible unit, with the people (holding the executor role) who report for it. */
export function createUnit(input: Actor & { name: string; kind: UnitKind; contact: string; memberIds: number[] }): ExecutionResult<{ id: number }> {
  // A person is a unit's member once however often the form names them (unit_members is unique on
  // the pair: a repeated id ended the transaction with a constraint error, a 500).
  const memberIds = [...new Set(input.memberIds)];
  return executionWrite((tx) => {
    requireAnyRole(input, ["committee"]);
    const clash = tx.select({ id: units.id }).from(units).where(and(eq(units.communityId, input.communityId), eq(units.name, input.name))).get();
    if (clash) throw executionRefused("duplicateUnit");
    for (const userId of memberIds) {
      const executor = tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.communityId, input.communityId), eq(memberships.userId, userId), eq(memberships.role, "executor")))
        .get();
      if (!executor) throw executionRefused("notUnitMember");
    }
    const at = now();
    const row = tx.insert(units).values({ communityId: input.communityId, name: input.name, kind: input.kind, contact: input.contact, createdAt: at }).returning({ id: units.id }).get();
    for (const userId of memberIds) tx.insert(unitMembers).values({ unitId: row.id, userId }).run();
    appendLedger(tx, { communityId: input.communityId, type: "unit.created", actorId: input.userId, subject: `unit:${row.id}`, payload: { name: input.name, kind: input.kind, members: memberIds }, at });
    return { id: row.id };
  });
}

// ——— the plan and its reports ———

export interface TaskInput {
  title: string;
  unitId: number;
  dueAt: Date;
  budgetFen: number | null;
}

/** 执行方案: the committee adds a task to a topic in execution. */
export function addTask(input: Actor & { topicId: number; task: TaskInput }): ExecutionResult<{ id: number }> {
  return executionWrite((tx) => {
    requireAnyRole(input, ["committee"]);
    topicInState(tx, input.communityId, input.topicId, ["executing"]);
    const unit = tx.select({ id: units.id }).from(units).where(and(eq(units.id, input.task.unitId), eq(units.communityId, input.communityId))).get();
    if (!unit) throw executionRefused("unknownUnit");
    const at = now();
    if (input.task.dueAt.getTime() <= at.getTime()) throw executionRefused("dueInPast");
    const row = tx
      .insert(executionTasks)
      .values({ communityId: input.communityId, topicId: input.topicId, ...input.task, createdBy: input.userId, createdAt: at })
      .returning({ id: executionTasks.id })
      .get();
    notifyUsers(tx, {
      userIds: unitContactIds(tx, input.task.unitId),
      communityId: input.communityId,
      topicId: input.topicId,
      kind: "task.assigned",
      payload: { task: input.task.title, dueAt: input.task.dueAt.toISOString(), ...topicRef(tx, input.topicId) },
      exceptUserId: input.userId,
    });
    appendLedger(tx, {
      communityId: input.communityId,
      type: "task.planned",
      actorId: input.userId,
      subject: `topic:${input.topicId}`,
      payload: { task: row.id, title: input.task.title, unit: input.task.unitId, dueAt: input.task.dueAt.toISOString(), budgetFen: input.task.budgetFen },
      at,
    });
    return { id: row.id };
  });
}

/** A task of the community still in its plan: a removed one is kept for the record, never worked on. */
export function taskRow(tx: Tx, communityId: number, taskId: number) {
  const row = tx.select().from(executionTasks).where(and(eq(executionTasks.id, taskId), eq(executionTasks.communityId, communityId))).get();
  if (!row) throw executionRefused("notFound");
  if (row.removedAt) throw executionRefused("taskRemoved");
  return row;
}

/**
 * 进度报告: a contact person of the task's unit reports text, percentage, money spent and photos.
 * 100% marks the task done.
 */
export function reportProgress(input: Actor & { taskId: number; body: string; percent: number; spentFen: number; photos: CheckedPhoto[] }): ExecutionResult<{ id: number; done: boolean }> {
  storePhotoFiles(input.photos);
  return executionWrite((tx) => {
    requireAnyRole(input, ["executor"]);
    const task = taskRow(tx, input.communityId, input.taskId);
    topicInState(tx, input.communityId, task.topicId, ["executing"]);
    if (!unitIdsOf(tx, input.communityId, input.userId).includes(task.unitId)) throw executionRefused("notUnitMember");
    if (task.status === "done") throw executionRefused("taskDone");
    const at = now();
    const report = tx
      .insert(progressReports)
      .values({ taskId: task.id, userId: input.userId, body: input.body, percent: input.percent, spentFen: input.spentFen, createdAt: at })
      .returning({ id: progressReports.id })
      .get();
    if (input.photos.length > 0) {
      tx.insert(topicPhotos)
        .values(input.photos.map((p) => ({ topicId: task.topicId, sha256: p.sha256, mime: p.mime, bytes: p.bytes.length, createdAt: at, purpose: "progress" as const, reportId: report.id })))
        .run();
    }
    const done = input.percent >= 100;
    tx.update(executionTasks)
      .set({ percent: input.percent, spentFen: sql`${executionTasks.spentFen} + ${input.spentFen}`, lastReportAt: at, ...(done ? { status: "done" as const, doneAt: at, overdue: false } : {}) })
      .where(eq(executionTasks.id, task.id))
      .run();
    appendLedger(tx, {
      communityId: input.communityId,
      type: "task.reported",
      actorId: input.userId,
      subject: `topic:${task.topicId}`,
      payload: { task: task.id, report: report.id, percent: input.percent, spentFen: input.spentFen, photos: input.photos.map((p) => p.sha256) },
      at,
    });
    return { id: report.id, done };
  });
}

/**
 * 报告完成: the committee or a contact person of one of the topic's units reports completion; the
 * topic moves to supervision and the residents' rating window opens. What must be on record first (a
 * plan with tasks, each at 100%, no demand unanswered) is the step gate's (app/workflow/step-gates.ts),
 * the same one the pages ask before they offer the button.
 */
export function reportCompletion(input: Actor & { topicId: number }): ExecutionResult<{ windowId: number }> {
  return executionWrite((tx, moved) => {
    const topic = topicInState(tx, input.communityId, input.topicId, ["executing"]);
    const tasks = tx.select().from(executionTasks).where(and(eq(executionTasks.topicId, topic.id), isNull(executionTasks.removedAt))).all();
    const mine = unitIdsOf(tx, input.communityId, input.userId);
    const byUnit = input.roles.includes("executor") && tasks.some((t) => mine.includes(t.unitId));
    if (!input.roles.includes("committee") && !byUnit) throw executionRefused(input.roles.includes("executor") ? "notUnitMember" : "wrongRole");
    const blockers = blockersOf(tx, topic.id, "reportCompletion");
    if (blockers.length > 0) throw executionRefused("blocked", blockers);
    const roles: Role[] = byUnit ? ["executor"] : ["committee"];
    const step = advanceInTx(tx, { topicId: topic.id, communityId: input.communityId, action: "reportCompletion", actor: { userId: input.userId, roles } });
    moved({ topicId: topic.id, communityId: input.communityId, ...step });
    const at = now();
    const { ratingWindowDays } = requireRules(input.communityId, tx);
    const closesAt = new Date(at.getTime() + ratingWindowDays * DAY_MS);
    const window = tx.insert(ratingWindows).values({ communityId: input.communityId, topicId: topic.id, opensAt: at, closesAt }).returning({ id: ratingWindows.id }).get();
    tx.insert(deadlines).values({ communityId: input.communityId, topicId: topic.id, kind: "ratingWindow", dueAt: closesAt }).run();
    appendLedger(tx, { communityId: input.communityId, type: "rating.windowOpened", actorId: input.userId, subject: `topic:${topic.id}`, payload: { window: window.id, closesAt: closesAt.toISOString() }, at });
    return { windowId: window.id };
  });
}

/** The scheduler flags open tasks past their due date (once each, with a ledger entry). */
export function flagOverdueTasks(at: Date = now()): number {
  const db = getDb();
  const due = db
    .select({ id: executionTasks.id, communityId: executionTasks.communityId, topicId: executionTasks.topicId, dueAt: executionTasks.dueAt })
    .from(executionTasks)
    .where(and(eq(executionTasks.status, "open"), eq(executionTasks.overdue, false), isNull(executionTasks.removedAt), lte(executionTasks.dueAt, at)))
    .limit(500)
    .all();
  for (const task of due) {
    write((tx) => {
      const done = tx.update(executionTasks).set({ overdue: true }).where(and(eq(executionTasks.id, task.id), eq(executionTasks.overdue, false), eq(executionTasks.status, "open"), isNull(executionTasks.removedAt))).run();
      if (done.changes === 1) appendLedger(tx, { communityId: task.communityId, type: "task.overdue", actorId: null, subject: `topic:${task.topicId}`, payload: { task: task.id, dueAt: task.dueAt.toISOString() }, at });
    });
  }
  return due.length;
}

/** The people who report for a unit. */
export function unitContactIds(tx: Tx, unitId: number): number[] {
  return tx.select({ userId: unitMembers.userId }).from(unitMembers).where(eq(unitMembers.unitId, unitId)).all().map((r) => r.userId);
}

export function topicRef(tx: Tx, topicId: number) {
  const t = tx.select({ number: topics.number, title: topics.title }).from(topics).where(eq(topics.id, topicId)).get()!;
  return { number: t.number, title: t.title };
}

/** The current (unsettled) rating window of a topic, if any. */
export function openWindow(tx: Tx, topicId: number) {
  return tx.select().from(ratingWindows).where(and(eq(ratingWindows.topicId, topicId), isNull(ratingWindows.settledAt))).get();
}
