// A wrong plan can be corrected until completion is reported: the committee edits a task (title, unit,
// due date, budget) or removes it with a public reason and the confirm tick; both are ledger entries
// the verifier checks the rows against. A removed task leaves the plan, the supervision page, the
// board, the counts and the overdue scan, and stops blocking completion. Executors and residents are
// refused (403), another community's people find nothing (404), and after completion the plan is fixed.
import { and, desc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { executionTasks, ledgerEntries, topics } from "../../db/schema";
import { DAY_MS, resetClock, shiftClock } from "~/models/clock.server";
import { getCommunityDashboard } from "~/models/dashboard.server";
import { addTask, createUnit, flagOverdueTasks, reportProgress } from "~/models/execution.server";
import { removeTask } from "~/models/execution-plan.server";
import { verifyLedger } from "~/models/ledger.server";
import { communityId, userId } from "./support/db";
import { actor, asPerson, executingTopic, ok } from "./support/execution";
import { useServer } from "./support/http";

afterEach(() => resetClock());

const http = useServer();
const { page, post } = asPerson(http);
const cid = () => communityId("mingyue");
const task = (id: number) => getDb().select().from(executionTasks).where(eq(executionTasks.id, id)).get()!;
const state = (id: number) => getDb().select({ state: topics.state }).from(topics).where(eq(topics.id, id)).get()!.state;
const lastEntry = (type: string) => getDb().select().from(ledgerEntries).where(and(eq(ledgerEntries.communityId, cid()), eq(ledgerEntries.type, type))).orderBy(desc(ledgerEntries.seq)).get()!;
/** The China-time date `days` from the server's clock, as a date input sends it. */
const dateAhead = (days: number) => new Date(Date.now() + days * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10);

function plannedTopic() {
  const { id, unitId } = executingTopic({ text: "楼道照明改造方案。", unitName: "方案修改单位", kind: "contractor" });
  const unit = { id: unitId };
  const other = ok(createUnit({ ...actor("committee1", "committee"), name: `另一方案修改单位-${id}`, kind: "property", contact: "", memberIds: [] }));
  const a = ok(addTask({ ...actor("committee1", "committee"), topicId: id, task: { title: "更换声控灯", unitId: unit.id, dueAt: new Date(Date.now() + 5 * DAY_MS), budgetFen: 300_000 } }));
  const b = ok(addTask({ ...actor("committee1", "committee"), topicId: id, task: { title: `重复录入的任务-${id}`, unitId: unit.id, dueAt: new Date(Date.now() + 2 * DAY_MS), budgetFen: null } }));
  return { id, unitId: unit.id, otherUnitId: other.id, a: a.id, b: b.id, bTitle: `重复录入的任务-${id}`, path: `/c/mingyue/topics/${id}/execution` };
}

describe("editing a task", () => {
  it("changes title, unit, due date and budget, with old and new values in the ledger; the same day keeps the planned moment", async () => {
    const t = plannedTopic();
    const before = task(t.a);
    const html = await page(t.path, "committee1");
    expect(html).toContain(`id="task-${t.a}-edit"`);
    expect(html).toContain('value="3000.00"');
    const res = await post(t.path, "committee1", { intent: "editTask", taskId: String(t.a), title: "更换声控灯(12 盏)", unitId: String(t.otherUnitId), dueDate: dateAhead(10), budgetYuan: "3500" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${t.path}#task-${t.a}`);
    const after = task(t.a);
    expect(after).toMatchObject({ title: "更换声控灯(12 盏)", unitId: t.otherUnitId, budgetFen: 350_000 });
    const entry = JSON.parse(lastEntry("task.edited").payload);
    expect(entry).toEqual({
      task: t.a,
      from: { title: "更换声控灯", unit: t.unitId, dueAt: before.dueAt.toISOString(), budgetFen: 300_000 },
      to: { title: "更换声控灯(12 盏)", unit: t.otherUnitId, dueAt: after.dueAt.toISOString(), budgetFen: 350_000 },
    });
    // Only the title changes: the due date posted back as the same day keeps its exact moment.
    const seq = lastEntry("task.edited").seq;
    const day = new Date(after.dueAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await post(t.path, "committee1", { intent: "editTask", taskId: String(t.a), title: "更换声控灯", unitId: String(t.otherUnitId), dueDate: day, budgetYuan: "3500" })).status).toBe(302);
    expect(task(t.a).dueAt.getTime()).toBe(after.dueAt.getTime());
    expect(JSON.parse(lastEntry("task.edited").payload)).toEqual({ task: t.a, from: { title: "更换声控灯(12 盏)" }, to: { title: "更换声控灯" } });
    // Nothing changed: nothing written.
    const latest = lastEntry("task.edited").seq;
    expect(latest).toBeGreaterThan(seq);
    expect((await post(t.path, "committee1", { intent: "editTask", taskId: String(t.a), title: "更换声控灯", unitId: String(t.otherUnitId), dueDate: day, budgetYuan: "3500" })).status).toBe(302);
    expect(lastEntry("task.edited").seq).toBe(latest);
    expect((await page(t.path, "resident1"))).toContain("更换声控灯");
    expect(verifyLedger({ communityId: cid() })).toMatchObject({ ok: true });
  });

  it("lifts the overdue flag with a later due date, and refuses a past date, garbage and a foreign unit with translated messages", async () => {
    const t = plannedTopic();
    shiftClock(3 * DAY_MS);
    flagOverdueTasks();
    expect(task(t.b).overdue).toBe(true);
    const base = { intent: "editTask", taskId: String(t.b), title: t.bTitle, unitId: String(t.unitId) };
    const past = await post(t.path, "committee1", { ...base, dueDate: "2020-01-01" });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain("完成期限不能早于今天。");
    const bad = await post(t.path, "committee1", { ...base, dueDate: "2026-02-30" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("请按 年-月-日 填写日期。");
    const empty = await post(t.path, "committee1", { ...base, title: "", dueDate: dateAhead(4) });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("请填写此项。");
    const shiliuUnit = ok(createUnit({ communityId: communityId("shiliu"), userId: userId("vcommittee1"), roles: ["committee"], name: `石榴村施工队-${t.id}`, kind: "contractor", contact: "", memberIds: [] }));
    const foreign = await post(t.path, "committee1", { ...base, unitId: String(shiliuUnit.id), dueDate: dateAhead(4) });
    expect(foreign.status).toBe(409);
    expect(await foreign.text()).toContain("请选择本社区已登记的责任单位。");
    expect((await post(t.path, "committee1", { ...base, dueDate: dateAhead(4) })).status).toBe(302);
    expect(task(t.b).overdue).toBe(false);
  });
});

describe("removing a task", () => {
  it("needs a reason and the tick; takes the task out of every page and count, keeps it in the ledger, and unblocks completion", async () => {
    const t = plannedTopic();
    shiftClock(3 * DAY_MS);
    flagOverdueTasks();
    const overdueBefore = getCommunityDashboard({ communityId: cid() }).overdueTasks;
    ok(reportProgress({ ...actor("executor1", "executor"), taskId: t.a, body: "全部更换完毕", percent: 100, spentFen: 280_000, photos: [] }));
    const base = { intent: "removeTask", taskId: String(t.b) };
    const unticked = await post(t.path, "committee1", { ...base, reason: "与第一项重复。" });
    expect(unticked.status).toBe(400);
    expect(await unticked.text()).toContain("这一步做了就不能撤回,请勾选确认后再提交。");
    const noReason = await post(t.path, "committee1", { ...base, reason: "", confirm: "on" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("请填写此项。");
    expect(task(t.b).removedAt).toBeNull();
    expect((await post(t.path, "committee1", { intent: "complete", confirm: "on" })).status).toBe(409);

    const res = await post(t.path, "committee1", { ...base, reason: "与第一项重复。", confirm: "on" });
    expect(res.status).toBe(302);
    expect(task(t.b)).toMatchObject({ removedBy: userId("committee1") });
    expect(JSON.parse(lastEntry("task.removed").payload)).toEqual({ task: t.b, title: t.bTitle, reason: "与第一项重复。" });
    for (const [path, username] of [
      [t.path, "committee1"],
      [t.path, "executor1"],
      ["/c/mingyue/supervision", "supervisor1"],
      ["/c/mingyue/board", "resident1"],
    ] as const) {
      const html = await page(path, username);
      expect(html, path).toContain("更换声控灯");
      expect(html, path).not.toContain(t.bTitle);
    }
    expect(getCommunityDashboard({ communityId: cid() }).overdueTasks).toBe(overdueBefore - 1);
    // The ledger page still shows the removal.
    expect(await page("/c/mingyue/ledger", "resident1")).toContain("移除执行任务");
    expect(verifyLedger({ communityId: cid() })).toMatchObject({ ok: true });
    // A removed task takes no report and no second removal.
    const report = await post(t.path, "executor1", { intent: "report", taskId: String(t.b), body: "补报", percent: "50" });
    expect(report.status).toBe(409);
    expect(await report.text()).toContain("该任务已从执行方案中移除。");
    expect((await post(t.path, "committee1", { ...base, reason: "再删一次", confirm: "on" })).status).toBe(409);
    // What remains is finished: completion goes through.
    expect((await post(t.path, "committee1", { intent: "complete", confirm: "on" })).status).toBe(302);
    expect(state(t.id)).toBe("verifying");

    // Completion reported: the plan is fixed.
    const edit = await post(t.path, "committee1", { intent: "editTask", taskId: String(t.a), title: "改名", unitId: String(t.unitId), dueDate: dateAhead(9) });
    expect(edit.status).toBe(409);
    expect(await edit.text()).toContain("已报告执行完成,执行方案不能再修改。");
    const remove = await post(t.path, "committee1", { intent: "removeTask", taskId: String(t.a), reason: "x", confirm: "on" });
    expect(remove.status).toBe(409);
    expect(await page(t.path, "committee1")).not.toContain('data-testid="task-edit"');
  });

  it("is not flagged overdue once removed", () => {
    const t = plannedTopic();
    ok(removeTask({ ...actor("committee1", "committee"), taskId: t.b, reason: "重复" }));
    shiftClock(3 * DAY_MS);
    flagOverdueTasks();
    expect(task(t.b).overdue).toBe(false);
  });
});

describe("who may correct a plan", () => {
  it("the committee only: executors and residents 403, another community's people 404, garbage 400 or 404", async () => {
    const t = plannedTopic();
    const edit = { intent: "editTask", taskId: String(t.a), title: "越权修改", unitId: String(t.unitId), dueDate: dateAhead(9) };
    const remove = { intent: "removeTask", taskId: String(t.a), reason: "越权", confirm: "on" };
    for (const username of ["executor1", "resident1", "supervisor1"]) {
      expect((await post(t.path, username, edit)).status, username).toBe(403);
      expect((await post(t.path, username, remove)).status, username).toBe(403);
    }
    expect((await page(t.path, "executor1"))).not.toContain('data-testid="task-edit"');
    expect((await page(t.path, "resident1"))).not.toContain('data-testid="task-edit"');
    expect((await post(t.path, "vcommittee1", edit)).status).toBe(404);
    expect((await post(t.path.replace("/mingyue/", "/shiliu/"), "vcommittee1", remove)).status).toBe(404);
    expect((await post(t.path, "committee1", { ...edit, taskId: "99999999" })).status).toBe(404);
    expect((await post(t.path, "committee1", { ...edit, taskId: "abc" })).status).toBe(400);
    expect(task(t.a)).toMatchObject({ title: "更换声控灯", removedAt: null });
  });

  it("the verifier names a task row edited behind the ledger's back", () => {
    const t = plannedTopic();
    const client = getDb().$client;
    client.prepare("SAVEPOINT forged").run();
    try {
      client.prepare("UPDATE execution_tasks SET budget_fen = 1 WHERE id = ?").run(t.a);
      expect(verifyLedger({ communityId: cid() })).toMatchObject({ ok: false, reason: "record", record: { check: "task", why: "differs", record: `task:${t.a}` } });
    } finally {
      client.prepare("ROLLBACK TO forged").run();
      client.prepare("RELEASE forged").run();
    }
    expect(verifyLedger({ communityId: cid() })).toMatchObject({ ok: true });
  });
});
