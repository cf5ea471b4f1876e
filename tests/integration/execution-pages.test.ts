// The units page and a topic's execution page over real HTTP: who gets which forms, the committee's
// plan, an executor's report with a real photo (multipart), refusals translated on the page with the
// right status, completion moving the topic to supervision, and garbage answered with 400/404, never 500.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { executionTasks, memberships, topicPhotos, topics } from "../../db/schema";
import { createUnit } from "~/models/execution.server";
import { freezeDraft } from "~/models/freeze.server";
import { makePng } from "../fixtures/propose";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { signedIn, useServer } from "./support/http";
import { multipart, useOwnUploadsDir } from "./support/propose";

useOwnUploadsDir();
const http = useServer();
const as = signedIn(http);

const MINGYUE = () => communityId("mingyue");
const page = async (path: string, username: string) => {
  const res = await http.fetch(path, { cookie: await as(username) });
  return { status: res.status, html: await res.text() };
};
const post = async (path: string, username: string, form: Record<string, string>) => http.fetch(path, { cookie: await as(username), form });
const state = (id: number) => getDb().select({ state: topics.state }).from(topics).where(eq(topics.id, id)).get()!.state;
const tasksOf = (topicId: number) => getDb().select().from(executionTasks).where(eq(executionTasks.topicId, topicId)).all();
/** China-time date `days` from now, as a date input sends it. */
const dateAhead = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

let units = 0;
/** A topic of our own in execution (a committee-decided category, no vote) and a unit with executor1 as its contact. */
function executingTopic() {
  const { id } = consultingTopic({ category: "activities", text: "重阳节活动方案。" });
  const frozen = freezeDraft({ communityId: MINGYUE(), topicId: id, userId: userId("committee1"), roles: ["committee"] });
  if (!frozen.ok || frozen.to !== "executing") throw new Error(`freeze failed: ${JSON.stringify(frozen)}`);
  const unit = createUnit({ communityId: MINGYUE(), userId: userId("committee1"), roles: ["committee"], name: `测试物业${++units}-${id}`, kind: "property", contact: "020-1", memberIds: [userId("executor1")] });
  if (!unit.ok) throw new Error(unit.problem);
  return { id, unitId: unit.id, path: `/c/mingyue/topics/${id}/execution` };
}

async function plannedTopic() {
  const topic = executingTopic();
  const res = await post(topic.path, "committee1", { intent: "task", title: "布置活动场地", unitId: String(topic.unitId), dueDate: dateAhead(7), budgetYuan: "1200.5" });
  expect(res.status).toBe(302);
  const [task] = tasksOf(topic.id);
  expect(res.headers.get("location")).toBe(`${topic.path}#task-${task.id}`);
  return { ...topic, taskId: task.id };
}

describe("the units page", () => {
  it("lists units for members, and only the committee registers one", async () => {
    const name = `街道环卫志愿队-${Date.now()}`;
    const res = await post("/c/mingyue/units", "committee1", { intent: "create", name, kind: "volunteer", contact: "社区服务站", memberIds: String(userId("executor1")) });
    expect(res.status).toBe(302);
    const committee = await page("/c/mingyue/units", "committee1");
    expect(committee.html).toContain(name);
    expect(committee.html).toContain("志愿者队伍");
    expect(committee.html).toContain('data-testid="unit-form"');
    const resident = await page("/c/mingyue/units", "resident1");
    expect(resident.status).toBe(200);
    expect(resident.html).toContain(name);
    expect(resident.html).not.toContain('data-testid="unit-form"');

    const again = await post("/c/mingyue/units", "committee1", { intent: "create", name, kind: "volunteer", contact: "" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("已有同名的责任单位。");
    const notExecutor = await post("/c/mingyue/units", "committee1", { intent: "create", name: `${name}2`, kind: "contractor", memberIds: String(userId("resident1")) });
    expect(notExecutor.status).toBe(403);
    expect((await post("/c/mingyue/units", "resident1", { intent: "create", name: `${name}3`, kind: "contractor" })).status).toBe(403);
    expect((await post("/c/mingyue/units", "committee1", { intent: "create", name: `${name}4`, kind: "castle" })).status).toBe(400);
    expect((await post("/c/mingyue/units", "committee1", { intent: "nonsense" })).status).toBe(400);
  });
});

describe("the execution page", () => {
  it("gives each role its forms", async () => {
    const { path, taskId } = await plannedTopic();
    const committee = (await page(path, "committee1")).html;
    expect(committee).toContain('data-testid="task-form"');
    expect(committee).not.toContain('data-testid="report-form"');
    expect(committee).toContain("布置活动场地");
    expect(committee).toContain("预算 1,200.50 元");
    const executor = (await page(path, "executor1")).html;
    expect(executor).toContain('data-testid="report-form"');
    expect(executor).toContain(`value="${taskId}"`);
    expect(executor).not.toContain('data-testid="task-form"');
    expect(executor).not.toContain('data-testid="rectify-form"');
    const supervisor = (await page(path, "supervisor1")).html;
    expect(supervisor).toContain('data-testid="rectify-form"');
    expect(supervisor).not.toContain('data-testid="report-form"');
    const resident = await page(path, "resident1");
    expect(resident.status).toBe(200);
    expect(resident.html).not.toMatch(/data-testid="(task|report|rectify|complete|publish)-form"/);
    // The topic page links here.
    expect((await page(path.replace(/\/execution$/, ""), "resident1")).html).toContain('data-testid="execution-link"');
  });

  it("refuses a bad date, a past date and another community's unit with translated messages", async () => {
    const { id, path, unitId } = executingTopic();
    const base = { intent: "task", title: "采购物资", unitId: "", dueDate: dateAhead(3) };
    const bad = await post(path, "committee1", { ...base, unitId: String(unitId), dueDate: "2026-02-30" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("请按 年-月-日 填写日期。");
    const past = await post(path, "committee1", { ...base, unitId: String(unitId), dueDate: "2020-01-01" });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain("完成期限不能早于今天。");
    const money = await post(path, "committee1", { ...base, unitId: String(unitId), budgetYuan: "12.345" });
    expect(money.status).toBe(400);
    expect(await money.text()).toContain("请填写金额(元),最多两位小数。");
    const shiliuUnit = createUnit({ communityId: communityId("shiliu"), userId: userId("vcommittee1"), roles: ["committee"], name: `石榴村志愿队-${id}`, kind: "volunteer", contact: "", memberIds: [] });
    if (!shiliuUnit.ok) throw new Error(shiliuUnit.problem);
    const foreign = await post(path, "committee1", { ...base, unitId: String(shiliuUnit.id) });
    expect(foreign.status).toBe(409);
    expect(await foreign.text()).toContain("请选择本社区已登记的责任单位。");
    expect((await post(path, "executor1", { ...base, unitId: String(unitId) })).status).toBe(403);
    expect(tasksOf(id)).toHaveLength(0);
  });

  it("takes the unit's report with a photo, shows it with its thumbnail, and refuses another executor", async () => {
    const { path, taskId } = await plannedTopic();
    const png = makePng({ width: 8, height: 6, seed: 41 });
    const res = await http.fetch(path, {
      method: "POST",
      cookie: await as("executor1"),
      body: multipart({ intent: "report", taskId: String(taskId), body: "场地已清扫,桌椅到位一半。", percent: "50", spentYuan: "300" }, [{ bytes: png, name: "site.png", type: "image/png" }]),
    });
    expect(res.status).toBe(302);
    const photo = getDb().select().from(topicPhotos).where(and(eq(topicPhotos.purpose, "progress"))).all().at(-1)!;
    const html = (await page(path, "resident1")).html;
    expect(html).toContain("场地已清扫,桌椅到位一半。");
    expect(html).toContain(`src="/c/mingyue/photos/${photo.id}"`);
    expect(html).toContain("进度 50%");
    const image = await http.fetch(`/c/mingyue/photos/${photo.id}`, { cookie: await as("resident1") });
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
    // Evidence stays on the execution page: the topic page shows the proposal's photos only.
    expect((await page(path.replace(/\/execution$/, ""), "resident1")).html).not.toContain(`/c/mingyue/photos/${photo.id}"`);

    // resident3, given the executor role here but no contact of this unit.
    getDb().insert(memberships).values({ communityId: MINGYUE(), userId: userId("resident3"), role: "executor" }).onConflictDoNothing().run();
    const other = await post(path, "resident3", { intent: "report", taskId: String(taskId), body: "冒名报告", percent: "90" });
    expect(other.status).toBe(403);
    expect(await other.text()).toContain("您不是该责任单位的联系人。");
    const notImage = await http.fetch(path, { method: "POST", cookie: await as("executor1"), body: multipart({ intent: "report", taskId: String(taskId), body: "x", percent: "60" }, [{ bytes: Buffer.from("hello"), name: "a.png" }]) });
    expect(notImage.status).toBe(400);
    expect((await post(path, "executor1", { intent: "report", taskId: String(taskId), body: "x", percent: "101" })).status).toBe(400);
    expect(tasksOf(Number(path.split("/")[4]))[0]).toMatchObject({ percent: 50, spentFen: 30_000 });
  });

  it("refuses completion while a task is open, then moves the topic to supervision; demands, answers and the result follow", async () => {
    const { id, path, taskId } = await plannedTopic();
    const early = await post(path, "committee1", { intent: "complete", confirm: "on" });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("还有任务未完成(进度未到 100%)。");
    expect((await post(path, "executor1", { intent: "report", taskId: String(taskId), body: "全部完成", percent: "100" })).status).toBe(302);
    expect((await page(path, "committee1")).html).toContain('data-testid="complete-form"');
    // Irreversible: refused without the tick, with a translated message.
    const unticked = await post(path, "committee1", { intent: "complete" });
    expect(unticked.status).toBe(400);
    expect(await unticked.text()).toContain("这一步做了就不能撤回,请勾选确认后再提交。");
    expect(state(id)).toBe("executing");
    expect((await post(path, "committee1", { intent: "complete", confirm: "on" })).status).toBe(302);
    expect(state(id)).toBe("verifying");

    expect((await post(path, "supervisor1", { intent: "rectify", taskId: String(taskId), body: "座椅未固定" })).status).toBe(302);
    const executorView = (await page(path, "executor1")).html;
    expect(executorView).toContain("座椅未固定");
    const rectificationId = /name="rectificationId" value="(\d+)"/.exec(executorView)![1];
    expect((await post(path, "executor1", { intent: "answerRectification", rectificationId, answer: "已加固" })).status).toBe(302);
    const twice = await post(path, "executor1", { intent: "answerRectification", rectificationId, answer: "再答" });
    expect(twice.status).toBe(409);
    expect((await post(path, "committee1", { intent: "publishResult", summary: "活动如期举办。" })).status).toBe(302);
    const resident = (await page(path, "resident1")).html;
    expect(resident).toContain("已加固");
    expect(resident).toContain("活动如期举办。");
    expect(resident).toContain("正在监督核实");
  });

  it("answers garbage with 400 or 404, never 500, and keeps other communities' topics out", async () => {
    const { path } = await plannedTopic();
    for (const bad of ["abc", "0", "99999999", "1e3"]) expect((await page(`/c/mingyue/topics/${bad}/execution`, "committee1")).status).toBe(404);
    expect((await post(path, "committee1", { intent: "bogus" })).status).toBe(400);
    expect((await post(path, "committee1", {})).status).toBe(400);
    expect((await post(path, "executor1", { intent: "report", taskId: "abc", body: "x", percent: "1" })).status).toBe(400);
    expect((await post(path, "executor1", { intent: "report", taskId: "99999999", body: "x", percent: "1" })).status).toBe(404);
    expect((await post(path, "supervisor1", { intent: "rectify", taskId: "99999999", body: "x" })).status).toBe(404);
    expect((await post(path, "executor1", { intent: "answerRectification", rectificationId: "99999999", answer: "x" })).status).toBe(404);
    const shiliu = consultingTopic({ slug: "shiliu", committee: "vcommittee1", category: null });
    expect((await page(`/c/mingyue/topics/${shiliu.id}/execution`, "committee1")).status).toBe(404);
    expect((await post(`/c/mingyue/topics/${shiliu.id}/execution`, "committee1", { intent: "complete", confirm: "on" })).status).toBe(404);
    expect((await page(path.replace("/c/mingyue/", "/c/shiliu/"), "villager1")).status).toBe(404);
    // Not a member of mingyue: the page does not exist for them.
    expect((await page(path, "villager1")).status).toBe(404);
  });
});

