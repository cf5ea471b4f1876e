// Execution and supervision through their models, on a real database: a plan of tasks with units,
// progress reports by the unit's contact people, overdue flags, completion, the residents' rating
// window with the supervisors' on-site check, and how the window ends (closed, or back to execution).
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { executionTasks, memberships, notifications, ratingWindows, topics, users } from "../../db/schema";
import { DAY_MS, resetClock, shiftClock } from "~/models/clock.server";
import { runDueDeadlines } from "~/models/deadline.server";
import { addTask, createUnit, reportCompletion, reportProgress } from "~/models/execution.server";
import { freezeDraft } from "~/models/freeze.server";
import { verifyLedger } from "~/models/ledger.server";
import { answerRectification, publishResult, raiseRectification, rateResult, recordVerification } from "~/models/supervision.server";
import type { Role } from "~/workflow/roles";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";

afterEach(() => resetClock());

const cid = () => communityId("mingyue");
const committee = () => ({ communityId: cid(), userId: userId("committee1"), roles: ["committee"] as Role[] });
const executor = () => ({ communityId: cid(), userId: userId("executor1"), roles: ["executor"] as Role[] });
const supervisor = () => ({ communityId: cid(), userId: userId("supervisor1"), roles: ["supervisor"] as Role[] });
const resident = (u: string) => ({ communityId: cid(), userId: userId(u), roles: ["resident"] as Role[] });
const told = (username: string, kind: string, topicId: number) =>
  getDb().select().from(notifications).where(and(eq(notifications.userId, userId(username)), eq(notifications.kind, kind), eq(notifications.topicId, topicId))).all().length;
const state = (id: number) => getDb().select({ state: topics.state }).from(topics).where(eq(topics.id, id)).get()!.state;

let units = 0;
/** A topic in execution (a category decided by the committee without a vote) and a unit of executor1. */
function executingTopic() {
  const { id } = consultingTopic({ category: "activities", text: "重阳节活动方案。" });
  expect(freezeDraft({ communityId: cid(), topicId: id, userId: userId("committee1"), roles: ["committee"] })).toMatchObject({ ok: true, to: "executing" });
  const unit = createUnit({ ...committee(), name: `物业公司${++units}-${id}`, kind: "property", contact: "020-12345678", memberIds: [userId("executor1")] });
  if (!unit.ok) throw new Error(unit.problem);
  return { id, unitId: unit.id };
}

describe("execution", () => {
  it("plans tasks, takes reports from the unit only, flags overdue tasks and moves to supervision when all are done", () => {
    const { id, unitId } = executingTopic();
    const task = addTask({ ...committee(), topicId: id, task: { title: "采购物资", unitId, dueAt: new Date(Date.now() + 3 * DAY_MS), budgetFen: 120_000 } });
    if (!task.ok) throw new Error(task.problem);
    expect(told("executor1", "task.assigned", id)).toBe(1);
    expect(addTask({ ...executor(), topicId: id, task: { title: "越权", unitId, dueAt: new Date(Date.now() + DAY_MS), budgetFen: null } })).toEqual({ ok: false, problem: "wrongRole" });
    // The step gate (app/workflow/step-gates.ts) says what is missing.
    expect(reportCompletion({ ...committee(), topicId: id })).toEqual({ ok: false, problem: "blocked", blockers: ["tasksUnfinished"] });

    // Another executor who is not a contact person of the unit cannot report for it.
    const other = getDb().insert(users).values({ username: `exec-${id}`, displayName: "别的单位", passwordHash: "!" }).returning({ id: users.id }).get().id;
    getDb().insert(memberships).values({ communityId: cid(), userId: other, role: "executor" }).run();
    expect(reportProgress({ communityId: cid(), userId: other, roles: ["executor"], taskId: task.id, body: "冒名", percent: 50, spentFen: 0, photos: [] })).toEqual({ ok: false, problem: "notUnitMember" });

    expect(reportProgress({ ...executor(), taskId: task.id, body: "已采购一半", percent: 50, spentFen: 60_000, photos: [] })).toMatchObject({ ok: true, done: false });
    shiftClock(4 * DAY_MS);
    runDueDeadlines();
    expect(getDb().select().from(executionTasks).where(eq(executionTasks.id, task.id)).get()).toMatchObject({ overdue: true, percent: 50, spentFen: 60_000 });
    expect(reportProgress({ ...executor(), taskId: task.id, body: "全部完成", percent: 100, spentFen: 55_000, photos: [] })).toMatchObject({ ok: true, done: true });
    expect(getDb().select().from(executionTasks).where(eq(executionTasks.id, task.id)).get()).toMatchObject({ overdue: false, status: "done", spentFen: 115_000 });

    expect(reportCompletion({ ...executor(), topicId: id })).toMatchObject({ ok: true });
    expect(state(id)).toBe("verifying");
    expect(verifyLedger({ communityId: cid() }).ok).toBe(true);
  });
});

describe("supervision", () => {
  function verifyingTopic() {
    const { id, unitId } = executingTopic();
    const task = addTask({ ...committee(), topicId: id, task: { title: "布置场地", unitId, dueAt: new Date(Date.now() + 5 * DAY_MS), budgetFen: null } });
    if (!task.ok) throw new Error(task.problem);
    reportProgress({ ...executor(), taskId: task.id, body: "完成", percent: 100, spentFen: 0, photos: [] });
    expect(reportCompletion({ ...committee(), topicId: id }).ok).toBe(true);
    return { id, taskId: task.id };
  }

  it("closes the topic when verified on site and satisfied enough at the end of the window", () => {
    const { id } = verifyingTopic();
    expect(rateResult({ ...resident("resident1"), topicId: id, rating: "satisfied", comment: "很好" })).toEqual({ ok: true });
    expect(rateResult({ ...resident("resident1"), topicId: id, rating: "unsatisfied", comment: "" })).toEqual({ ok: false, problem: "alreadyRated" });
    expect(rateResult({ ...resident("resident2"), topicId: id, rating: "fair", comment: "" })).toEqual({ ok: true });
    expect(rateResult({ ...resident("resident3"), topicId: id, rating: "unsatisfied", comment: "" })).toEqual({ ok: true });
    expect(recordVerification({ ...supervisor(), topicId: id, notes: "现场查看,符合方案", verified: true, photos: [] }).ok).toBe(true);
    expect(publishResult({ ...committee(), topicId: id, summary: "活动如期举办,参与老人 120 人。" }).ok).toBe(true);
    shiftClock(13 * DAY_MS);
    runDueDeadlines();
    expect(state(id)).toBe("verifying");
    shiftClock(1 * DAY_MS + 1000);
    expect(rateResult({ ...resident("rep01"), topicId: id, rating: "satisfied", comment: "" })).toEqual({ ok: false, problem: "windowClosed" });
    runDueDeadlines();
    expect(state(id)).toBe("closed");
    // 2 of 3 satisfied or fairly satisfied: 66% ≥ 60%.
    expect(getDb().select().from(ratingWindows).where(eq(ratingWindows.topicId, id)).get()).toMatchObject({ outcome: "closed", satisfiedPct: 66 });
    expect(verifyLedger({ communityId: cid() }).ok).toBe(true);
  });

  it("sends it back to execution with the open demands when not verified, and the unit answers them", () => {
    const { id, taskId } = verifyingTopic();
    const demand = raiseRectification({ ...supervisor(), taskId, body: "座椅未固定" });
    if (!demand.ok) throw new Error(demand.problem);
    expect(raiseRectification({ ...resident("resident1"), taskId, body: "我也要" })).toEqual({ ok: false, problem: "wrongRole" });
    expect(told("executor1", "rectification.raised", id)).toBe(1);
    rateResult({ ...resident("resident1"), topicId: id, rating: "satisfied", comment: "" });
    shiftClock(15 * DAY_MS);
    runDueDeadlines();
    expect(state(id)).toBe("executing");
    const topic = getDb().select().from(topics).where(eq(topics.id, id)).get()!;
    expect(topic.publicReason).toContain("未经监督委员会现场核实通过");
    expect(topic.publicReason).toContain("座椅未固定");
    expect(getDb().select().from(executionTasks).where(and(eq(executionTasks.id, taskId))).get()).toMatchObject({ status: "open" });
    expect(answerRectification({ ...executor(), rectificationId: demand.id, answer: "已加固" })).toEqual({ ok: true });
    expect(answerRectification({ ...executor(), rectificationId: demand.id, answer: "再答" })).toEqual({ ok: false, problem: "answered" });
    expect(told("supervisor1", "rectification.answered", id)).toBe(1);
  });
});
