import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { executionResults, executionTasks, memberships, progressReports, rectifications, topicPhotos, units, users } from "../../db/schema";
import type { Role } from "../workflow/roles";
import { listUnits, unitIdsOf } from "./execution.server";
import { blockersOf } from "./step-facts.server";
import { getTopicForPage } from "./topic-page.server";

/** The units of a community with the names of their contact people. */
export function listUnitsWithContacts({ communityId }: { communityId: number }) {
  const rows = listUnits({ communityId });
  const ids = [...new Set(rows.flatMap((u) => u.memberIds))];
  const names = ids.length ? getDb().select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids)).all() : [];
  return rows.map(({ id, name, kind, contact, memberIds }) => ({
    id,
    name,
    kind,
    contact,
    contacts: memberIds.map((m) => names.find((n) => n.id === m)?.name ?? "").filter(Boolean),
  }));
}

/** The people of a community holding the executor role: who may be named a unit's contact. */
export function listExecutors({ communityId }: { communityId: number }) {
  return getDb()
    .select({ id: users.id, name: users.displayName, username: users.username })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.communityId, communityId), eq(memberships.role, "executor")))
    .orderBy(asc(users.displayName))
    .all();
}

/** The units a person reports for in a community (their ids). */
export function myUnitIds({ communityId, userId }: { communityId: number; userId: number }): number[] {
  return unitIdsOf(getDb(), communityId, userId);
}

/** One topic's execution: the plan's tasks with their reports (newest first, with photo ids), demands and answers, and published results. */
export function getExecutionView({ communityId, topicId }: { communityId: number; topicId: number }) {
  const topic = getTopicForPage({ communityId, topicId });
  if (!topic) return null;
  const db = getDb();
  const tasks = db
    .select({ task: executionTasks, unitName: units.name })
    .from(executionTasks)
    .innerJoin(units, eq(units.id, executionTasks.unitId))
    // A removed task is out of the plan: its entries stay in the ledger, not on this page.
    .where(and(eq(executionTasks.topicId, topicId), eq(executionTasks.communityId, communityId), isNull(executionTasks.removedAt)))
    .orderBy(asc(executionTasks.id))
    .all();
  const taskIds = tasks.map((t) => t.task.id);
  const reports = taskIds.length
    ? db
        .select({ id: progressReports.id, taskId: progressReports.taskId, body: progressReports.body, percent: progressReports.percent, spentFen: progressReports.spentFen, createdAt: progressReports.createdAt, author: users.displayName })
        .from(progressReports)
        .innerJoin(users, eq(users.id, progressReports.userId))
        .where(inArray(progressReports.taskId, taskIds))
        .orderBy(desc(progressReports.id))
        .all()
    : [];
  const photos = db
    .select({ id: topicPhotos.id, reportId: topicPhotos.reportId })
    .from(topicPhotos)
    .where(and(eq(topicPhotos.topicId, topicId), eq(topicPhotos.purpose, "progress")))
    .orderBy(asc(topicPhotos.id))
    .all();
  const demands = taskIds.length
    ? db
        .select({ id: rectifications.id, taskId: rectifications.taskId, body: rectifications.body, createdAt: rectifications.createdAt, answer: rectifications.answer, answeredAt: rectifications.answeredAt })
        .from(rectifications)
        .where(inArray(rectifications.taskId, taskIds))
        .orderBy(asc(rectifications.id))
        .all()
    : [];
  const results = db
    .select({ id: executionResults.id, summary: executionResults.summary, publishedAt: executionResults.publishedAt })
    .from(executionResults)
    .where(and(eq(executionResults.topicId, topicId), eq(executionResults.communityId, communityId)))
    .orderBy(desc(executionResults.id))
    .all();
  return {
    topic: { id: topic.id, number: topic.number, title: topic.title, state: topic.state },
    tasks: tasks.map(({ task, unitName }) => ({
      id: task.id,
      title: task.title,
      unitId: task.unitId,
      unitName,
      dueAt: task.dueAt,
      budgetFen: task.budgetFen,
      spentFen: task.spentFen,
      percent: task.percent,
      status: task.status,
      overdue: task.overdue,
      reports: reports.filter((r) => r.taskId === task.id).map((r) => ({ ...r, photoIds: photos.filter((p) => p.reportId === r.id).map((p) => p.id) })),
      rectifications: demands.filter((d) => d.taskId === task.id),
    })),
    results,
  };
}

export type ExecutionView = NonNullable<ReturnType<typeof getExecutionView>>;

/** Which forms a person gets on the execution page (the models decide again on every post). */
export function executionMay(view: ExecutionView, { roles, unitIds }: { roles: readonly Role[]; unitIds: readonly number[] }) {
  const state = view.topic.state;
  const executing = state === "executing";
  const committee = roles.includes("committee");
  const contactOf = (unitId: number) => roles.includes("executor") && unitIds.includes(unitId);
  return {
    plan: committee && executing,
    reportOn: executing ? view.tasks.filter((t) => t.status === "open" && contactOf(t.unitId)).map((t) => t.id) : [],
    // Who may report completion sees its form (a plan without tasks offers none); whether it can be
    // submitted yet is the step gate's (completionOf).
    complete: executing && view.tasks.length > 0 && (committee || view.tasks.some((t) => contactOf(t.unitId))),
    rectify: roles.includes("supervisor") && (executing || state === "verifying") && view.tasks.length > 0,
    answerOn: view.tasks.filter((t) => contactOf(t.unitId)).flatMap((t) => t.rectifications.filter((r) => !r.answeredAt).map((r) => r.id)),
    publish: committee && (state === "verifying" || state === "closed"),
  };
}

export type ExecutionMay = ReturnType<typeof executionMay>;

/**
 * 报告完成 as the step gate sees it (app/workflow/step-gates.ts, the rule reportCompletion obeys): what is
 * missing, naming the unfinished tasks and the unanswered demands. Empty `blockers`: it may be reported.
 */
export function completionOf(view: ExecutionView) {
  return {
    blockers: blockersOf(getDb(), view.topic.id, "reportCompletion"),
    unfinished: view.tasks.filter((t) => t.percent < 100).map(({ id, title, percent, overdue }) => ({ id, title, percent, overdue })),
    openDemands: view.tasks.flatMap((t) => t.rectifications.filter((r) => !r.answeredAt).map((r) => ({ id: r.id, task: t.title, body: r.body }))),
  };
}

export type Completion = ReturnType<typeof completionOf>;

/** The topic page's 报告完成 (the same form as the execution page's), for those who may report it; null otherwise. */
export function getCompletionPanel({ communityId, topicId, userId, roles }: { communityId: number; topicId: number; userId: number; roles: readonly Role[] }) {
  if (!roles.includes("committee") && !roles.includes("executor")) return null;
  const view = getExecutionView({ communityId, topicId });
  if (!view || view.topic.state !== "executing") return null;
  const may = executionMay(view, { roles, unitIds: myUnitIds({ communityId, userId }) });
  return may.complete ? completionOf(view) : null;
}
