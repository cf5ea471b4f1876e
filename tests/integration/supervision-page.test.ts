// The supervision page (/c/:community/supervision) and the street dashboard over real HTTP: who may see
// it, overdue and stalled tasks, money used against the plan, the verification queue with a supervisor's
// on-site check (multipart, a real PNG), refusals that are never a 500, and the SVG charts' numbers.
import { and, count, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { topicPhotos, topics, verifications } from "../../db/schema";
import { DAY_MS, resetClock, shiftClock } from "~/models/clock.server";
import { getCommunityDashboard } from "~/models/dashboard.server";
import { runDueDeadlines } from "~/models/deadline.server";
import { addTask, createUnit, reportCompletion, reportProgress } from "~/models/execution.server";
import { freezeDraft } from "~/models/freeze.server";
import { getRules } from "~/models/rules.server";
import { rateResult, recordVerification } from "~/models/supervision.server";
import { createTopic } from "~/models/topic-create.server";
import type { Role } from "~/workflow/roles";
import { STAGES } from "~/workflow/stages";
import { makePng } from "../fixtures/propose";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";
import { multipart, useOwnUploadsDir } from "./support/propose";

useOwnUploadsDir();
const http = useServer();
const PAGE = "/c/mingyue/supervision";
const cookies: Record<string, string> = {};
const as = (username: string) => cookies[username];

beforeAll(async () => {
  for (const name of ["supervisor1", "committee1", "resident1", "villager1", "street1", "executor1"]) cookies[name] = await http.login(name);
});
afterEach(() => resetClock());

const cid = () => communityId("mingyue");
const actor = (username: string, role: Role) => ({ communityId: cid(), userId: userId(username), roles: [role] });
const ok = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
};

let units = 0;
function executingTopic() {
  const { id } = consultingTopic({ category: "activities", text: "健身器材更新方案。" });
  ok(freezeDraft({ communityId: cid(), topicId: id, userId: userId("committee1"), roles: ["committee"] }));
  const unit = ok(createUnit({ ...actor("committee1", "committee"), name: `监督页单位${++units}-${id}`, kind: "contractor", contact: "", memberIds: [userId("executor1")] }));
  return { id, unitId: unit.id };
}

function verifyingTopic() {
  const { id, unitId } = executingTopic();
  const task = ok(addTask({ ...actor("committee1", "committee"), topicId: id, task: { title: "安装器材", unitId, dueAt: new Date(Date.now() + 5 * DAY_MS), budgetFen: null } }));
  ok(reportProgress({ ...actor("executor1", "executor"), taskId: task.id, body: "完成", percent: 100, spentFen: 0, photos: [] }));
  ok(reportCompletion({ ...actor("committee1", "committee"), topicId: id }));
  return id;
}

const page = async (username = "supervisor1") => {
  const res = await http.fetch(PAGE, { cookie: as(username) });
  expect(res.status).toBe(200);
  return res.text();
};
/** The part of the page inside one element with this data-testid (up to the next watched topic or queue entry). */
const section = (html: string, testId: string) => {
  const start = html.indexOf(`data-testid="${testId}"`);
  expect(start).toBeGreaterThan(-1);
  const next = html.slice(start + 10).search(/data-testid="(watch|queue)-\d+"/);
  return next === -1 ? html.slice(start) : html.slice(start, start + 10 + next);
};
const verify = (username: string, fields: Record<string, string>, files: { bytes: Uint8Array; name: string; type?: string }[] = []) =>
  http.fetch(PAGE, { method: "POST", cookie: as(username), body: multipart(fields, files) });

describe("who sees the supervision page", () => {
  it("supervisors and the committee; a resident is refused, another community's member learns nothing", async () => {
    expect(await page("supervisor1")).toContain("监督看板");
    expect(await page("committee1")).toContain("执行与监督中的议题");
    expect((await http.fetch(PAGE, { cookie: as("resident1") })).status).toBe(403);
    expect((await http.fetch(PAGE, { cookie: as("villager1") })).status).toBe(404);
    expect((await http.fetch(PAGE)).status).toBe(302);
  });
});

describe("tasks under watch", () => {
  it("flags an overdue task with its days, a stalled one, and shows money used against the plan in 元", async () => {
    const stalledDays = getRules({ communityId: cid() })!.stalledDays;
    const { id, unitId } = executingTopic();
    const late = ok(addTask({ ...actor("committee1", "committee"), topicId: id, task: { title: "拆除旧器材", unitId, dueAt: new Date(Date.now() + 2 * DAY_MS), budgetFen: 120_000 } }));
    const quiet = ok(addTask({ ...actor("committee1", "committee"), topicId: id, task: { title: "铺设地垫", unitId, dueAt: new Date(Date.now() + 90 * DAY_MS), budgetFen: 30_000 } }));
    ok(reportProgress({ ...actor("executor1", "executor"), taskId: late.id, body: "已拆一半", percent: 40, spentFen: 45_000, photos: [] }));

    shiftClock((stalledDays + 1) * DAY_MS);
    runDueDeadlines();
    // A fresh report: the late task is overdue but not stalled; the other was never reported on.
    ok(reportProgress({ ...actor("executor1", "executor"), taskId: late.id, body: "继续拆除", percent: 60, spentFen: 5_000, photos: [] }));

    const html = await page("committee1");
    const watch = section(html, `watch-${id}`);
    const lateRow = section(watch, `task-${late.id}`).split(`data-testid="task-${quiet.id}"`)[0];
    const quietRow = section(watch, `task-${quiet.id}`);
    expect(lateRow).toContain(`逾期 ${stalledDays + 1 - 2} 天`);
    expect(lateRow).not.toContain("task-stalled");
    expect(lateRow).toContain("已用 500.00 元 / 预算 1,200.00 元");
    expect(quietRow).toContain(`停滞:${stalledDays + 1} 天无进度报告`);
    expect(quietRow).not.toContain("task-overdue");
    expect(quietRow).toContain("尚无进度报告");
    expect(watch).toMatch(/data-testid="topic-budget"[\s\S]*?已用 500.00 元 \/ 计划 1,500.00 元/);
    expect(watch).toContain("1 项逾期");
    expect(watch).toContain("1 项停滞");

    // The overdue chart counts it, and the page in English shows yuan the English way.
    expect(html).toMatch(new RegExp(`data-value="tasks"[^>]*>${getCommunityDashboard({ communityId: cid() }).overdueTasks}<`));
    const english = await (await http.fetch(PAGE, { cookie: `${as("supervisor1")}; ${await http.english()}` })).text();
    expect(english).toContain("¥500.00 used of ¥1,500.00 planned");
    expect(english).toContain(`${stalledDays + 1 - 2} days overdue`);
  });

  it("is not stalled on the last day of the rules' allowance", async () => {
    const stalledDays = getRules({ communityId: cid() })!.stalledDays;
    const { id, unitId } = executingTopic();
    const task = ok(addTask({ ...actor("committee1", "committee"), topicId: id, task: { title: "刚好不算停滞", unitId, dueAt: new Date(Date.now() + 90 * DAY_MS), budgetFen: null } }));
    shiftClock(stalledDays * DAY_MS - 60_000);
    const row = section(section(await page(), `watch-${id}`), `task-${task.id}`);
    expect(row).not.toContain("task-stalled");
    expect(row).toContain("已用 0.00 元");
  });
});

describe("the verification queue", () => {
  it("a supervisor records an on-site check with a photo; it shows with the round's counts", async () => {
    const id = verifyingTopic();
    ok(rateResult({ ...actor("resident1", "resident"), topicId: id, rating: "satisfied", comment: "" }));
    ok(rateResult({ ...actor("resident2", "resident"), topicId: id, rating: "unsatisfied", comment: "" }));
    ok(rateResult({ ...actor("resident3", "resident"), topicId: id, rating: "unsatisfied", comment: "" }));

    const res = await verify("supervisor1", { intent: "verify", topicId: String(id), notes: "现场查看:器材已安装牢固", verified: "yes" }, [{ bytes: makePng({ seed: 7 }), name: "site.png", type: "image/png" }]);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${PAGE}#verify-${id}`);

    const entry = section(await page("committee1"), `queue-${id}`);
    expect(entry).toContain("现场查看:器材已安装牢固");
    expect(entry).toContain("核实通过");
    expect(entry).toMatch(/data-testid="count-satisfied"[^>]*>1</);
    expect(entry).toMatch(/data-testid="count-unsatisfied"[^>]*>2</);
    expect(entry).toContain("满意率 33%");
    expect(entry).toContain("未达门槛");
    const photo = getDb().select().from(topicPhotos).where(and(eq(topicPhotos.topicId, id), eq(topicPhotos.purpose, "verification"))).get()!;
    expect(entry).toContain(`src="/c/mingyue/photos/${photo.id}"`);
    expect((await http.fetch(`/c/mingyue/photos/${photo.id}`, { cookie: as("supervisor1") })).headers.get("content-type")).toBe("image/png");
    // The committee reads the queue but has no form to check on site.
    expect(entry).not.toContain(`verify-form-${id}`);
    expect(section(await page("supervisor1"), `queue-${id}`)).toContain(`verify-form-${id}`);
  });

  it("refuses the committee (403), garbage (400), unknown and foreign topics (404), a topic not being verified (409); never a 500", async () => {
    const id = verifyingTopic();
    const before = () => getDb().select({ n: count() }).from(verifications).get()!.n;
    const n = before();
    const good = { intent: "verify", topicId: String(id), notes: "看过了", verified: "yes" };
    expect((await verify("committee1", good)).status).toBe(403);
    expect((await verify("supervisor1", { ...good, intent: "nonsense" })).status).toBe(400);
    expect((await verify("supervisor1", { ...good, topicId: "abc" })).status).toBe(400);
    expect((await verify("supervisor1", { ...good, topicId: "-1" })).status).toBe(400);
    expect((await verify("supervisor1", { ...good, verified: "maybe" })).status).toBe(400);
    expect((await verify("supervisor1", { ...good, notes: "  " })).status).toBe(400);
    const notImage = await verify("supervisor1", good, [{ bytes: new TextEncoder().encode("<html>not a photo</html>"), name: "x.png", type: "image/png" }]);
    expect(notImage.status).toBe(400);
    expect((await verify("supervisor1", { ...good, topicId: "999999" })).status).toBe(404);
    const foreign = createTopic({ communityId: communityId("shiliu"), proposerId: userId("vcommittee1"), title: "别村的议题", description: "", location: "", categoryId: null, source: "committee" });
    expect((await verify("supervisor1", { ...good, topicId: String(foreign.id) })).status).toBe(404);
    const { id: executing } = executingTopic();
    const wrong = await verify("supervisor1", { ...good, topicId: String(executing) });
    expect(wrong.status).toBe(409);
    expect(await wrong.text()).toContain("wrongState");
    const plain = await http.fetch(PAGE, { cookie: as("supervisor1"), form: { intent: "verify", topicId: "x" } });
    expect(plain.status).toBe(400);
    const broken = await http.fetch(PAGE, { method: "POST", cookie: as("supervisor1"), headers: { "Content-Type": "multipart/form-data; boundary=xyz" }, body: "--nope" });
    expect(broken.status).toBe(400);
    expect(before()).toBe(n);
    // An outsider posting learns nothing either.
    expect((await verify("villager1", good)).status).toBe(404);
  });
});

describe("the verification form", () => {
  it("starts with no verdict chosen, and a post without one is refused with a translated message", async () => {
    const id = verifyingTopic();
    const form = section(await page(), `queue-${id}`);
    const radios = form.match(/<input[^>]*name="verified"[^>]*>/g) ?? [];
    expect(radios).toHaveLength(2);
    for (const radio of radios) expect(radio).not.toMatch(/\schecked/);
    const n = getDb().select({ n: count() }).from(verifications).get()!.n;
    const res = await verify("supervisor1", { intent: "verify", topicId: String(id), notes: "现场看过了。" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("请选择核实结论:核实通过,或需要整改。");
    const english = await http.english();
    const en = await http.fetch(PAGE, { method: "POST", cookie: `${as("supervisor1")}; ${english}`, body: multipart({ intent: "verify", topicId: String(id), notes: "Seen on site." }, []) });
    expect(en.status).toBe(400);
    expect(await en.text()).toContain("Choose a verdict: verified, or needs rectification.");
    expect(getDb().select({ n: count() }).from(verifications).get()!.n).toBe(n);
    expect((await verify("supervisor1", { intent: "verify", topicId: String(id), notes: "现场看过了。", verified: "no" })).status).toBe(302);
  });
});

describe("the charts", () => {
  it("draw the stage funnel, the medians, overdue work and the satisfaction of settled rounds with their numbers", async () => {
    const id = verifyingTopic();
    const topic = getDb().select({ number: topics.number }).from(topics).where(eq(topics.id, id)).get()!;
    ok(rateResult({ ...actor("resident1", "resident"), topicId: id, rating: "satisfied", comment: "" }));
    ok(rateResult({ ...actor("resident2", "resident"), topicId: id, rating: "fair", comment: "" }));
    ok(recordVerification({ ...actor("supervisor1", "supervisor"), topicId: id, notes: "符合", verified: true, photos: [] }));
    shiftClock(40 * DAY_MS);
    runDueDeadlines();
    expect(getDb().select({ state: topics.state }).from(topics).where(eq(topics.id, id)).get()!.state).toBe("closed");

    const html = await page();
    const figures = getCommunityDashboard({ communityId: cid() });
    expect(html).toContain('role="img"');
    expect(html).toContain("<title id=\"funnel-title\">各阶段议题数</title>");
    for (const stage of STAGES) expect(html).toMatch(new RegExp(`data-value="${stage}"[^>]*>${figures.funnel[stage]}<`));
    expect(html).toMatch(new RegExp(`<desc id="funnel-desc">议题收集 ${figures.funnel.collection},`));
    // This topic spent its round in supervision: at least one supervision stay has ended.
    expect(figures.medianDays.supervision).not.toBeNull();
    expect(html).toContain(`监督 ${figures.medianDays.supervision} 天`);
    expect(html).toMatch(new RegExp(`data-value="screening"[^>]*>${figures.overdueScreening}<`));
    const sat = section(html, "chart-satisfaction");
    expect(sat).toContain(`#${topic.number} 100`);
    expect(sat).toContain("100% 结项");
    expect(sat).toContain(`门槛 ${getRules({ communityId: cid() })!.satisfactionThresholdPct}%`);
  });
});

describe("the street dashboard", () => {
  it("shows each community's funnel and figures and ranks them by overdue work and satisfaction, linking into the halls", async () => {
    const res = await http.fetch("/s/huacheng", { cookie: as("street1") });
    expect(res.status).toBe(200);
    const html = await res.text();
    const mingyue = getCommunityDashboard({ communityId: cid() });
    expect(html).toContain("社区排名");
    expect(html).toContain('data-testid="chart-funnel-mingyue"');
    expect(html).toContain('data-testid="chart-funnel-shiliu"');
    expect(html).toMatch(new RegExp(`id="funnel-mingyue-desc">议题收集 ${mingyue.funnel.collection},`));
    expect(html).toMatch(/data-testid="rank-overdue"[\s\S]*href="\/c\/mingyue"[\s\S]*data-testid="rank-satisfaction"/);
    expect(html).toMatch(/data-testid="rank-satisfaction"[\s\S]*href="\/c\/shiliu"/);
    expect(html).toMatch(new RegExp(`data-testid="overdue-tasks-mingyue"[^>]*>${mingyue.overdueTasks}<`));
    expect(html).toContain('data-testid="chart-street-overdue"');
    expect(html).toContain('data-testid="chart-street-satisfaction"');
    expect((await http.fetch("/s/huacheng", { cookie: as("supervisor1") })).status).toBe(403);
  });
});

describe("the community navigation", () => {
  it("offers the supervision page to supervisors and the committee only", async () => {
    const nav = async (username: string) => (await (await http.fetch("/c/mingyue", { cookie: await http.login(username) })).text()).includes('href="/c/mingyue/supervision"');
    expect(await nav("supervisor1")).toBe(true);
    expect(await nav("committee2")).toBe(true);
    expect(await nav("resident2")).toBe(false);
    expect(await nav("rep05")).toBe(false);
    expect(await nav("street1")).toBe(false);
  });
});
