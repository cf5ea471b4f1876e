// The departments' side of a call over real HTTP (issue 19): /s/:street/calls and /s/:street/calls/:id.
// A contact sees only what was sent to their department (another department's call and its posts are
// 404), the admin sees all, another street's admin and the communities' people are refused; the forms
// accept, ask, decline, report progress and the result; bad input gets a translated error and changes
// nothing; the scheduler's overdue flag shows on the queue.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { departmentCalls, streetAdmins, streets, users } from "../../db/schema";
import { DAY_MS, now, resetClock, shiftClock } from "~/models/clock.server";
import { acceptCall } from "~/models/department-call-answer.server";
import { flagOverdueCalls } from "~/models/department-call-overdue.server";
import { answerInfoRequest, dispatchFromStreet, sendCall } from "~/models/department-call.server";
import { verifyLedger } from "~/models/ledger.server";
import { makePng } from "../fixtures/propose";
import { chengguan, committee, freshTopic, inDays, streetPerson, zhujian } from "./support/calls";
import { communityId } from "./support/db";
import { dbFingerprint } from "./support/fingerprint";
import { signedIn, useServer } from "./support/http";
import { sessionCookie } from "./support/meeting";
import { useOwnUploadsDir } from "./support/propose";

useOwnUploadsDir();
const http = useServer();
const as = signedIn(http);
const QUEUE = "/s/huacheng/calls";
const row = (id: number) => getDb().select().from(departmentCalls).where(eq(departmentCalls.id, id)).get()!;
/** "YYYY-MM-DD" `days` from today in the communities' time zone (UTC+8). */
const localDay = (days: number) => new Date(now().getTime() + 8 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);

function dispatchTo(departmentId: number) {
  const r = dispatchFromStreet({ ...streetPerson("street1"), topicId: freshTopic(), taskId: null, departmentId, ask: `请处理 ${departmentId}`, wantedBy: inDays(10) });
  if (!r.ok) throw new Error(r.problem);
  return r.id;
}

async function post(callId: number, username: string, fields: Record<string, string>, photo = false) {
  const cookie = await as(username);
  const all = { callId: String(callId), ...fields };
  if (!photo) return http.fetch(`${QUEUE}/${callId}`, { cookie, form: all });
  const body = new FormData();
  for (const [k, v] of Object.entries(all)) body.append(k, v);
  body.append("photos", new File([new Uint8Array(makePng({ seed: callId }))], "site.png", { type: "image/png" }));
  return http.fetch(`${QUEUE}/${callId}`, { method: "POST", cookie, body });
}

describe("who sees a call", () => {
  it("shows a contact only their department's calls; the admin all; others are refused", async () => {
    const mine = dispatchTo(chengguan());
    const theirs = dispatchTo(zhujian());
    const queue = await (await http.fetch(QUEUE, { cookie: await as("chengguan1") })).text();
    expect(queue).toContain(`data-call-id="${mine}"`);
    expect(queue).not.toContain(`data-call-id="${theirs}"`);
    expect((await http.fetch(`${QUEUE}/${mine}`, { cookie: await as("chengguan1") })).status).toBe(200);
    expect((await http.fetch(`${QUEUE}/${theirs}`, { cookie: await as("chengguan1") })).status).toBe(404);
    expect((await http.fetch(`${QUEUE}/999999999`, { cookie: await as("chengguan1") })).status).toBe(404);
    expect((await http.fetch(`${QUEUE}/abc`, { cookie: await as("chengguan1") })).status).toBe(404);
    // Another department's posts are 404 too, and change nothing.
    const before = dbFingerprint();
    expect((await post(theirs, "chengguan1", { intent: "accept", promisedDate: localDay(3), body: "抢单" })).status).toBe(404);
    expect(dbFingerprint()).toBe(before);

    const admin = await (await http.fetch(`${QUEUE}?department=${zhujian()}`, { cookie: await as("street1") })).text();
    expect(admin).toContain(`data-call-id="${theirs}"`);
    expect(admin).not.toContain(`data-call-id="${mine}"`);
    expect((await http.fetch(`${QUEUE}/${theirs}`, { cookie: await as("street1") })).status).toBe(200);
    // A filter that is not one is no filter, never an error.
    expect((await http.fetch(`${QUEUE}?state=%3Cx%3E&department=-1`, { cookie: await as("street1") })).status).toBe(200);

    for (const who of ["resident1", "committee1", "executor1"]) {
      expect((await http.fetch(QUEUE, { cookie: await as(who) })).status).toBe(403);
      expect((await http.fetch(`${QUEUE}/${mine}`, { cookie: await as(who) })).status).toBe(403);
    }
    expect((await http.fetch(QUEUE)).status).toBe(302);
    // Another street's admin learns nothing of this street.
    const other = getDb().insert(streets).values({ slug: `calls-other-${process.pid}`, nameZh: "别的街道", nameEn: "Other" }).returning().get();
    const stranger = getDb().insert(users).values({ username: `other-admin-${process.pid}`, displayName: "别街管理员", passwordHash: "!" }).returning().get();
    getDb().insert(streetAdmins).values({ streetId: other.id, userId: stranger.id }).run();
    const cookie = sessionCookie(stranger.id);
    expect((await http.fetch(QUEUE, { cookie })).status).toBe(404);
    expect((await http.fetch(`${QUEUE}/${mine}`, { cookie })).status).toBe(404);
    expect((await http.fetch(`/s/${other.slug}/calls/${mine}`, { cookie })).status).toBe(404);
  });

  it("lands a contact on their queue, linked from the header", async () => {
    const res = await http.fetch("/login", { form: { username: "zhujian1", password: "demo1234" } });
    expect(res.headers.get("location")).toBe(QUEUE);
    const page = await (await http.fetch(QUEUE, { cookie: await as("zhujian1") })).text();
    expect(page).toContain(`data-testid="calls-link"`);
  });
});

describe("the department's answers through the forms", () => {
  it("asks for more, is answered, accepts, reports progress and the result", async () => {
    const sent = sendCall({ ...committee(), topicId: freshTopic(), taskId: null, departmentId: chengguan(), ask: "门口占道经营", wantedBy: inDays(10) });
    if (!sent.ok) throw new Error(sent.problem);
    const id = sent.id;
    const page = await (await http.fetch(`${QUEUE}/${id}`, { cookie: await as("chengguan1") })).text();
    expect(page).toContain('data-testid="call-form-accept"');
    expect(page).not.toContain('data-testid="call-form-withdraw"');

    expect((await post(id, "chengguan1", { intent: "askForMore", body: "请提供时段" })).status).toBe(302);
    expect(row(id).state).toBe("infoRequested");
    // The community answers on its own page (the other part); the model stands in for it here.
    expect(answerInfoRequest({ ...committee(), callId: id, body: "每晚 19–23 点" }).ok).toBe(true);

    expect((await post(id, "chengguan1", { intent: "accept", promisedDate: localDay(5), body: "三日内清理" })).status).toBe(302);
    expect(row(id)).toMatchObject({ state: "accepted" });
    expect((await post(id, "chengguan1", { intent: "progress", body: "已约谈摊主", percent: "40" }, true)).status).toBe(302);
    expect(row(id).percent).toBe(40);
    expect((await post(id, "chengguan1", { intent: "resolve", body: "已清理", confirm: "on" }, true)).status).toBe(302);
    expect(row(id)).toMatchObject({ state: "resolved", percent: 100 });
    const done = await (await http.fetch(`${QUEUE}/${id}`, { cookie: await as("chengguan1") })).text();
    expect(done).toContain("/board/photos/");
    expect(done).toContain("这条呼叫目前不需要您操作");
    expect(verifyLedger({ communityId: communityId("mingyue") }).ok).toBe(true);
  });

  it("declines with a tick; the admin re-dispatches and withdraws", async () => {
    const id = dispatchTo(chengguan());
    const unticked = await post(id, "chengguan1", { intent: "decline", reason: "不属本部门" });
    expect(unticked.status).toBe(400);
    expect(await unticked.text()).toContain("请勾选确认");
    expect((await post(id, "chengguan1", { intent: "decline", reason: "属于住建办", confirm: "on" })).status).toBe(302);
    expect(row(id)).toMatchObject({ state: "declined", declineReason: "属于住建办" });
    const moved = await post(id, "street1", { intent: "redispatch", departmentId: String(zhujian()), ask: "请住建办处理", wantedDate: localDay(9), confirm: "on" });
    expect(moved.status).toBe(302);
    const next = Number(moved.headers.get("location")!.split("/").pop());
    expect(row(next)).toMatchObject({ previousCallId: id, departmentId: zhujian(), state: "sent" });
    expect((await post(next, "street1", { intent: "withdraw", reason: "已自行解决", confirm: "on" })).status).toBe(302);
    expect(row(next).state).toBe("withdrawn");
  });

  it("refuses bad input with a translated error, changing nothing", async () => {
    const id = dispatchTo(chengguan());
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ intent: "accept", promisedDate: localDay(-2), body: "接单" }, 400, "日期必须在将来"],
      [{ intent: "accept", promisedDate: "2026-02-30", body: "接单" }, 400, "请按 年-月-日 填写日期"],
      [{ intent: "accept", promisedDate: localDay(3), body: "   " }, 400, "请填写此项"],
      [{ intent: "askForMore", body: "长".repeat(2001) }, 400, "太长了"],
      [{ intent: "progress", body: "进度", percent: "40" }, 409, "当前的状态不允许"],
      [{ intent: "decline", reason: "", confirm: "on" }, 400, "请填写此项"],
    ];
    for (const [fields, status, words] of cases) {
      const before = dbFingerprint();
      const res = await post(id, "chengguan1", fields);
      expect(res.status, JSON.stringify(fields).slice(0, 80)).toBe(status);
      expect(await res.text()).toContain(words);
      expect(dbFingerprint()).toBe(before);
    }
    expect(acceptCall({ ...streetPerson("chengguan1"), callId: id, promisedBy: inDays(4), body: "接单" }).ok).toBe(true);
    for (const [fields, words] of [
      [{ intent: "progress", body: "进度", percent: "100" }, "请输入 0 到 99"],
      [{ intent: "progress", body: "进度", percent: "4.5" }, "整数"],
      [{ intent: "resolve", body: "办结", confirm: "on" }, "至少一张现场照片"],
    ] as Array<[Record<string, string>, string]>) {
      const before = dbFingerprint();
      const res = await post(id, "chengguan1", fields);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(words);
      expect(dbFingerprint()).toBe(before);
    }
    // A hidden id of another call, or an id that is not one: the form was altered (400), nothing changed.
    const before = dbFingerprint();
    const cookie = await as("chengguan1");
    expect((await http.fetch(`${QUEUE}/${id}`, { cookie, form: { intent: "progress", callId: "1", body: "x", percent: "1" } })).status).toBe(400);
    expect((await http.fetch(`${QUEUE}/${id}`, { cookie, form: { intent: "nope", callId: String(id) } })).status).toBe(400);
    expect(dbFingerprint()).toBe(before);
  });
});

describe("overdue", () => {
  it("shows on the queue once the scheduler flagged an unanswered call", async () => {
    const id = dispatchTo(chengguan());
    flagOverdueCalls(new Date(now().getTime() + 2 * DAY_MS));
    expect(row(id).responseOverdue).toBe(true);
    const overdue = await (await http.fetch(`${QUEUE}?state=overdue`, { cookie: await as("street1") })).text();
    expect(overdue).toContain(`data-call-id="${id}"`);
    expect(overdue).toContain("响应超时");
    const contact = await (await http.fetch(QUEUE, { cookie: await as("chengguan1") })).text();
    expect(contact).toContain('data-testid="call-response-overdue"');
  });

  it("counts against the department on the dashboard's 综合评价 of the month", async () => {
    // Mid-month next month (12:00 China time on the 15th), so the month holds only these calls.
    const start = new Date(Date.now() + 8 * 3_600_000);
    const target = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 15, 4);
    shiftClock(target - Date.now());
    try {
      const late = dispatchTo(chengguan());
      const answered = dispatchTo(zhujian());
      expect(acceptCall({ ...streetPerson("zhujian1"), callId: answered, promisedBy: inDays(5), body: "接单" }).ok).toBe(true);
      shiftClock(25 * 3_600_000); // past 城管中队's 24 hours, within 住建办's 48
      flagOverdueCalls();
      expect(row(late).responseOverdue).toBe(true);
      const dashboard = await (await http.fetch("/s/huacheng", { cookie: await as("street1") })).text();
      const desc = dashboard.match(/<desc id="summary-answeredInTimePct-desc">([^<]*)<\/desc>/)?.[1];
      expect(desc).toBe("城管中队 0%, 住建办 100%, 民政办 无数据, 市场监管所 无数据, 街道综治中心 无数据");
      expect(dashboard).toContain(`href="/s/huacheng/evaluation?month=${new Date(target).toISOString().slice(0, 7)}"`);
    } finally {
      resetClock();
    }
  });
});
