// 吹哨 and 街道派单 from the community's and the street's side (issue 19), over real HTTP on a real
// database: the committee calls on a department from the topic page (about the topic or one of its
// tasks), answers the department's question, withdraws a call and sends a declined one elsewhere; the
// street admin dispatches from the dashboard; overdue calls show there once the scheduler has run;
// the public board shows the department's response with its evidence and names nobody.
import { and, desc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { communities, departmentCallEvents, departmentCalls, departments, executionTasks, ledgerEntries, streetAdmins, streets, topics, users } from "../../db/schema";
import { DAY_MS, resetClock } from "~/models/clock.server";
import { acceptCall, askForMore, declineCall, resolveCall } from "~/models/department-call-answer.server";
import { flagOverdueCalls } from "~/models/department-call-overdue.server";
import { sendCall } from "~/models/department-call.server";
import { addTask } from "~/models/execution.server";
import { checkPhotos } from "~/models/photo.server";
import { createTopic } from "~/models/topic-create.server";
import zhCN from "~/i18n/zh-CN";
import { makePng } from "../fixtures/propose";
import { communityId, userId } from "./support/db";
import { actor, executingTopic, ok } from "./support/execution";
import { dbFingerprint } from "./support/fingerprint";
import { signedIn, useServer } from "./support/http";
import { sessionCookie } from "./support/meeting";
import { useOwnUploadsDir } from "./support/propose";

useOwnUploadsDir();
const http = useServer();
const as = signedIn(http);
afterEach(() => resetClock());

const cid = () => communityId("mingyue");
const streetId = () => getDb().select({ id: streets.id }).from(streets).where(eq(streets.slug, "huacheng")).get()!.id;
const department = (nameZh: string) => getDb().select({ id: departments.id }).from(departments).where(and(eq(departments.nameZh, nameZh), eq(departments.streetId, streetId()))).get()!.id;
const call = (id: number) => getDb().select().from(departmentCalls).where(eq(departmentCalls.id, id)).get()!;
const latestCall = () => getDb().select().from(departmentCalls).orderBy(desc(departmentCalls.id)).get()!;
const problem = (key: keyof typeof zhCN.call.problems) => zhCN.call.problems[key];
/** A day in China time `days` from now, as a date input sends it. */
const day = (days: number) => new Date(Date.now() + days * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10);
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

let made = 0;
/** A topic in execution with one open task of executor1's unit. */
function plannedTopic() {
  const t = executingTopic({ text: "滑梯更换方案。", unitName: "物业公司" });
  const task = ok(addTask({ ...actor("committee1", "committee"), topicId: t.id, task: { title: `铺设软地垫${++made}`, unitId: t.unitId, dueAt: new Date(Date.now() + 5 * DAY_MS), budgetFen: null } }));
  return { ...t, taskId: task.id };
}

const callFields = (extra: Record<string, string> = {}) => ({ intent: "sendCall", departmentId: String(department("住建办")), ask: "请协助核查滑梯基础是否符合安全标准。", wantedDate: day(10), ...extra });
const post = async (path: string, username: string, form: Record<string, string>) => http.fetch(path, { cookie: await as(username), form });
const page = async (path: string, username?: string) => (await http.fetch(path, { cookie: username ? await as(username) : undefined })).text();
const committeeCall = (topicId: number, dept = "住建办") =>
  ok(sendCall({ ...actor("committee1", "committee"), topicId, taskId: null, departmentId: department(dept), ask: "请协助处理。", wantedBy: new Date(Date.now() + 10 * DAY_MS) })).id;
const contact = (username: string) => ({ streetId: streetId(), userId: userId(username) });

/** Another street with its own admin (signed in by a session made directly). */
function otherStreetAdmin() {
  const slug = `other-${++made}-${Date.now().toString(36)}`;
  const street = getDb().insert(streets).values({ slug, nameZh: "别的街道", nameEn: "Other" }).returning({ id: streets.id }).get().id;
  const admin = getDb().insert(users).values({ username: `admin-${slug}`, displayName: "别的街道管理员", passwordHash: "!" }).returning({ id: users.id }).get().id;
  getDb().insert(streetAdmins).values({ streetId: street, userId: admin }).run();
  const dept = getDb().insert(departments).values({ streetId: street, nameZh: "别的城管", nameEn: "Other squad", responseHours: 24 }).returning({ id: departments.id }).get().id;
  return { street, slug, cookie: sessionCookie(admin), dept };
}

describe("吹哨 from the topic page", () => {
  it("lets the committee call on a department about the topic and about a task; residents see the calls but cannot call", async () => {
    const t = plannedTopic();
    const html = await page(t.topicPath, "committee1");
    expect(html).toContain("部门响应");
    expect(html).toContain('data-testid="send-call-form"');
    expect(html).toContain("住建办(须在 48 小时内响应)");
    // The execution page's task links to the form with the task chosen.
    expect(await page(t.path, "committee1")).toContain(`href="${t.topicPath}?task=${t.taskId}#send-call"`);
    expect(await page(`${t.topicPath}?task=${t.taskId}`, "committee1")).toMatch(new RegExp(`<option value="${t.taskId}" selected`));

    const sent = await post(t.topicPath, "committee1", callFields());
    expect(sent.status).toBe(302);
    const topicCall = latestCall();
    expect(sent.headers.get("location")).toBe(`${t.topicPath}#call-${topicCall.id}`);
    expect(topicCall).toMatchObject({ topicId: t.id, taskId: null, origin: "community", state: "sent", departmentId: department("住建办") });
    const onTask = await post(t.topicPath, "committee1", callFields({ taskId: String(t.taskId), departmentId: String(department("城管中队")), ask: "软地垫施工占道,请城管协助。" }));
    expect(onTask.status).toBe(302);
    expect(latestCall()).toMatchObject({ topicId: t.id, taskId: t.taskId, origin: "community", departmentId: department("城管中队") });
    const types = getDb().select({ type: ledgerEntries.type }).from(ledgerEntries).where(and(eq(ledgerEntries.communityId, cid()), eq(ledgerEntries.subject, `topic:${t.id}`))).all().map((e) => e.type);
    expect(types.filter((x) => x === "call.sent")).toHaveLength(2);

    // The same call again is refused, said in words; nothing is written.
    const before = dbFingerprint();
    const again = await post(t.topicPath, "committee1", callFields());
    expect(again.status).toBe(409);
    expect(await again.text()).toContain(escape(problem("alreadyCalled")));
    // A resident may not call; another community's committee does not find the topic.
    expect((await post(t.topicPath, "resident1", callFields({ ask: "居民想吹哨" }))).status).toBe(403);
    expect((await post(t.topicPath, "vcommittee1", callFields({ ask: "别的社区" }))).status).toBe(404);
    expect((await post(`/c/shiliu/topics/${t.id}`, "vcommittee1", callFields({ ask: "别的社区" }))).status).toBe(404);
    expect(dbFingerprint()).toBe(before);

    // Members see the calls and their history; only the committee gets the forms.
    const residentView = await page(t.topicPath, "resident1");
    expect(residentView).toContain("请协助核查滑梯基础是否符合安全标准。");
    expect(residentView).toContain("发出呼叫");
    expect(residentView).not.toContain('data-testid="send-call-form"');
    expect(residentView).not.toContain('data-testid="call-withdraw-form"');
  });

  it("refuses a foreign department or task, an archived department and bad input with translated errors, writing nothing", async () => {
    const t = plannedTopic();
    const other = plannedTopic();
    const foreign = otherStreetAdmin();
    const archived = getDb().insert(departments).values({ streetId: streetId(), nameZh: `已撤销科室${made}`, nameEn: "Retired", responseHours: 24, archivedAt: new Date() }).returning({ id: departments.id }).get().id;
    // The archived department is not offered.
    expect(await page(t.topicPath, "committee1")).not.toContain(`已撤销科室${made}`);
    const before = dbFingerprint();
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ departmentId: String(foreign.dept) }, 400, problem("unknownDepartment")],
      [{ departmentId: String(archived) }, 400, problem("departmentArchived")],
      [{ taskId: String(other.taskId) }, 400, problem("unknownTask")],
      [{ wantedDate: day(-2) }, 400, problem("dateInPast")],
      [{ departmentId: "" }, 400, "请选择一个部门。"],
      [{ departmentId: "abc" }, 400, "请选择一个部门。"],
      [{ ask: "   " }, 400, zhCN.errors.required],
      [{ ask: "长".repeat(2001) }, 400, zhCN.errors.tooLong.replace("{{max}}", "2000")],
      [{ wantedDate: "2026-13-45" }, 400, zhCN.execution.errors.date],
      [{ wantedDate: "明天" }, 400, zhCN.execution.errors.date],
    ];
    for (const [fields, status, words] of cases) {
      const res = await post(t.topicPath, "committee1", callFields(fields));
      expect(res.status, JSON.stringify(fields).slice(0, 80)).toBe(status);
      expect(await res.text(), JSON.stringify(fields).slice(0, 80)).toContain(escape(words));
    }
    // A hidden id nobody types, altered: the form is refused as altered (400), never a 500.
    expect((await post(t.topicPath, "committee1", { intent: "answerCall", callId: "1e9x", body: "x" })).status).toBe(400);
    expect(dbFingerprint()).toBe(before);
  });

  it("answers the department's question, withdraws a call (ticked), and sends a declined call to another department", async () => {
    const t = plannedTopic();
    const asked = committeeCall(t.id);
    ok(askForMore({ ...contact("zhujian1"), callId: asked, body: "请提供滑梯的照片和尺寸。" }));
    const html = await page(t.topicPath, "committee1");
    expect(html).toContain("请提供滑梯的照片和尺寸。");
    expect(html).toContain('data-testid="call-answer-form"');
    expect((await post(t.topicPath, "committee1", { intent: "answerCall", callId: String(asked), body: "" })).status).toBe(400);
    const answered = await post(t.topicPath, "committee1", { intent: "answerCall", callId: String(asked), body: "滑梯高 2.4 米,照片已交社区办公室。" });
    expect(answered.status).toBe(302);
    expect(call(asked).state).toBe("sent");
    expect(getDb().select().from(departmentCallEvents).where(eq(departmentCallEvents.callId, asked)).all().map((e) => e.kind)).toEqual(["sent", "infoRequested", "infoGiven"]);

    // Withdrawing needs the tick and a reason.
    const unticked = await post(t.topicPath, "committee1", { intent: "withdrawCall", callId: String(asked), reason: "物业已自行处理。" });
    expect(unticked.status).toBe(400);
    expect(await unticked.text()).toContain(escape(zhCN.errors.confirmRequired));
    expect(call(asked).state).toBe("sent");
    expect((await post(t.topicPath, "committee1", { intent: "withdrawCall", callId: String(asked), reason: "物业已自行处理。", confirm: "on" })).status).toBe(302);
    expect(call(asked).state).toBe("withdrawn");
    // Withdrawn is final: again is refused (409) in words.
    const twice = await post(t.topicPath, "committee1", { intent: "withdrawCall", callId: String(asked), reason: "再撤一次。", confirm: "on" });
    expect(twice.status).toBe(409);

    // Declined → sent elsewhere: the old call stays declined, the new one remembers it.
    const declined = committeeCall(t.id, "城管中队");
    ok(declineCall({ ...contact("chengguan1"), callId: declined, reason: "不属于本部门职责。" }));
    expect(call(declined).state).toBe("declined");
    expect(await page(t.topicPath, "committee1")).toContain('data-testid="call-redispatch-form"');
    const moved = await post(t.topicPath, "committee1", { intent: "redispatchCall", callId: String(declined), departmentId: String(department("住建办")), ask: "民政办不受理,请住建办处理。", wantedDate: day(12) });
    expect(moved.status).toBe(302);
    const next = latestCall();
    expect(next).toMatchObject({ previousCallId: declined, topicId: t.id, departmentId: department("住建办"), state: "sent" });
    expect(moved.headers.get("location")).toBe(`${t.topicPath}#call-${next.id}`);
    expect(call(declined).state).toBe("declined");

    // A call of another topic, posted on this topic's page, is not found here.
    const elsewhere = plannedTopic();
    const foreignCall = committeeCall(elsewhere.id);
    const before = dbFingerprint();
    expect((await post(t.topicPath, "committee1", { intent: "withdrawCall", callId: String(foreignCall), reason: "错页", confirm: "on" })).status).toBe(404);
    expect(dbFingerprint()).toBe(before);
  });
});

describe("街道派单 from the street dashboard", () => {
  it("dispatches a stalled task and an overdue topic; others are refused and change nothing", async () => {
    const t = plannedTopic();
    getDb().update(executionTasks).set({ dueAt: new Date(Date.now() - 3 * DAY_MS), overdue: true }).where(eq(executionTasks.id, t.taskId)).run();
    const overdueTopic = createTopic({ communityId: cid(), proposerId: userId("committee1"), title: `逾期未受理议题${++made}`, description: "", location: "", categoryId: null, source: "committee" }).id;
    getDb().update(topics).set({ overdue: true }).where(eq(topics.id, overdueTopic)).run();
    const html = await page("/s/huacheng", "street1");
    expect(html).toContain('href="/s/huacheng/calls"');
    expect(html).toContain('href="/s/huacheng/departments"');
    const taskTitle = getDb().select({ title: executionTasks.title }).from(executionTasks).where(eq(executionTasks.id, t.taskId)).get()!.title;
    expect(html).toContain(taskTitle);
    expect(html).toContain(`逾期未受理议题${made}`);

    const dispatch = (fields: Record<string, string>) => ({ intent: "dispatch", departmentId: String(department("城管中队")), ask: "任务停滞,请城管中队协调。", wantedDate: day(7), ...fields });
    const foreign = otherStreetAdmin();
    const before = dbFingerprint();
    expect((await post("/s/huacheng", "resident1", dispatch({ topicId: String(t.id), taskId: String(t.taskId) }))).status).toBe(403);
    expect((await post("/s/huacheng", "chengguan1", dispatch({ topicId: String(t.id), taskId: String(t.taskId) }))).status).toBe(403);
    expect((await http.fetch("/s/huacheng", { cookie: foreign.cookie, form: dispatch({ topicId: String(t.id) }) })).status).toBe(404);
    // The other street's admin, on their own street, cannot reach mingyue's topic.
    expect((await http.fetch(`/s/${foreign.slug}`, { cookie: foreign.cookie, form: dispatch({ topicId: String(t.id), departmentId: String(foreign.dept) }) })).status).toBe(404);
    const bad = await post("/s/huacheng", "street1", dispatch({ topicId: String(t.id), taskId: String(t.taskId), ask: "" }));
    expect(bad.status).toBe(400);
    const past = await post("/s/huacheng", "street1", dispatch({ topicId: String(t.id), taskId: String(t.taskId), wantedDate: day(-1) }));
    expect(past.status).toBe(400);
    expect(await past.text()).toContain(escape(problem("dateInPast")));
    expect(dbFingerprint()).toBe(before);

    const onTask = await post("/s/huacheng", "street1", dispatch({ topicId: String(t.id), taskId: String(t.taskId) }));
    expect(onTask.status).toBe(302);
    const taskCall = latestCall();
    expect(onTask.headers.get("location")).toBe(`/s/huacheng/calls/${taskCall.id}`);
    expect(taskCall).toMatchObject({ origin: "street", topicId: t.id, taskId: t.taskId, departmentId: department("城管中队"), state: "sent" });
    const onTopic = await post("/s/huacheng", "street1", dispatch({ topicId: String(overdueTopic), departmentId: String(department("街道综治中心")) }));
    expect(onTopic.status).toBe(302);
    expect(latestCall()).toMatchObject({ origin: "street", topicId: overdueTopic, taskId: null });
    // The community sees the street's dispatch on the topic's page.
    expect(await page(t.topicPath, "resident1")).toContain("街道派单");
  });

  it("shows an overdue call once the scheduler has run, linking to the call", async () => {
    const t = plannedTopic();
    const late = committeeCall(t.id, "城管中队");
    const before = await page("/s/huacheng", "street1");
    expect(before).not.toContain(`href="/s/huacheng/calls/${late}"><`);
    // 城管中队 answers within 24 hours: two days on, the scheduler flags it.
    expect(flagOverdueCalls(new Date(Date.now() + 2 * DAY_MS))).toBeGreaterThan(0);
    expect(call(late).responseOverdue).toBe(true);
    const html = await page("/s/huacheng", "street1");
    const card = html.slice(html.indexOf('data-testid="overdue-calls"'));
    expect(card).toContain(`href="/s/huacheng/calls/${late}"`);
    expect(card).toContain("逾期未响应");
    // The topic's members see the flag too; the committee may now send it elsewhere.
    const topicPage = await page(t.topicPath, "committee1");
    expect(topicPage).toContain("响应超时");
    expect(topicPage).toContain('data-testid="call-redispatch-form"');
  });
});

describe("the public board", () => {
  it("shows the department's response and evidence, naming nobody", async () => {
    const t = plannedTopic();
    const id = committeeCall(t.id);
    ok(acceptCall({ ...contact("zhujian1"), callId: id, promisedBy: new Date(Date.now() + 5 * DAY_MS), body: "已受理,三日内到场核查。" }));
    const { photos } = await checkPhotos([new File([new Uint8Array(makePng({ seed: 77 }))], "p.png")]);
    ok(resolveCall({ ...contact("zhujian1"), callId: id, body: "滑梯基础已加固,经检测符合安全标准。", photos }));
    const html = await page("/c/mingyue/board");
    const from = html.indexOf('data-testid="board-calls"');
    const section = html.slice(from, html.indexOf("</section>", from));
    expect(section).toContain("住建办");
    expect(section).toContain("滑梯基础已加固,经检测符合安全标准。");
    expect(section).toContain("已办结");
    expect(section).toContain("按时响应");
    const photoId = /\/c\/mingyue\/board\/photos\/(\d+)/.exec(section)?.[1];
    expect(photoId).toBeDefined();
    const photo = await http.fetch(`/c/mingyue/board/photos/${photoId}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toMatch(/^image\//);
    // Nobody's name in it: not the committee's, the departments' contacts', the street admin's, the residents'
    // (the board names committee members elsewhere, in the 民主评议 results: they are public officials).
    for (const account of ["committee1", "zhujian1", "chengguan1", "street1", "resident1", "resident2", "resident3", "supervisor1"]) {
      const name = getDb().select({ displayName: users.displayName }).from(users).where(eq(users.id, userId(account))).get()!.displayName;
      expect(section, account).not.toContain(name);
      if (account !== "committee1") expect(html, account).not.toContain(name);
    }
    expect(getDb().select({ slug: communities.slug }).from(communities).where(eq(communities.id, cid())).get()!.slug).toBe("mingyue");
  });
});
