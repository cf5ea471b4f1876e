// Calls on the street's departments through their models, on a real database: the whole flow (sent,
// asked, answered, accepted, progress, resolved with evidence), every refusal, decline and re-dispatch,
// withdrawal, the scheduler's overdue flags with an explicit time, and ledger:verify catching a hand edit.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { departmentCalls, departments, ledgerEntries, notifications, topicPhotos, topics } from "../../db/schema";
import { DAY_MS, now, resetClock } from "~/models/clock.server";
import { acceptCall, askForMore, declineCall, reportCallProgress, resolveCall } from "~/models/department-call-answer.server";
import { flagOverdueCalls, listOverdueCalls } from "~/models/department-call-overdue.server";
import { listCallsForBoard, listCallsForTopic } from "~/models/department-call-read.server";
import { getCallForStreet, listDepartmentQueue } from "~/models/department-call-queue.server";
import { answerInfoRequest, dispatchFromStreet, redispatchCall, sendCall, withdrawCall } from "~/models/department-call.server";
import { runDueDeadlines } from "~/models/deadline.server";
import { verifyLedger } from "~/models/ledger.server";
import { checkPhotos } from "~/models/photo.server";
import { makePng } from "../fixtures/propose";
import { chengguan, committee, executingTopicWithTask, freshTopic, inDays, streetId, streetPerson, zhujian } from "./support/calls";
import { communityId, userId } from "./support/db";
import { useOwnUploadsDir } from "./support/propose";

useOwnUploadsDir();
afterEach(() => resetClock());

const cid = () => communityId("mingyue");
const call = (id: number) => getDb().select().from(departmentCalls).where(eq(departmentCalls.id, id)).get()!;
const told = (username: string, kind: string, topicId?: number) =>
  getDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId(username)), eq(notifications.kind, kind), topicId === undefined ? undefined : eq(notifications.topicId, topicId)))
    .all().length;
const photo = async (seed: number) => (await checkPhotos([new File([new Uint8Array(makePng({ width: 4, height: 4, seed }))], "p.png")])).photos;
const ask = (topicId: number, departmentId = chengguan(), taskId: number | null = null) => ({ ...committee(), topicId, taskId, departmentId, ask: "请依法处理门口占道经营", wantedBy: inDays(10) });

describe("a call on a department", () => {
  it("goes sent → asked → answered → accepted → progress → resolved, each step an event, a ledger entry and a notice", async () => {
    const topicId = freshTopic();
    const before = told("chengguan1", "call.arrived");
    const sent = sendCall(ask(topicId));
    if (!sent.ok) throw new Error(sent.problem);
    expect(told("chengguan1", "call.arrived")).toBe(before + 1);
    const c0 = call(sent.id);
    expect(c0).toMatchObject({ state: "sent", origin: "community", percent: 0, firstRespondedAt: null, responseOverdue: false });
    expect(c0.responseDueAt.getTime() - c0.createdAt.getTime()).toBe(24 * 3600_000);

    const contact = streetPerson("chengguan1");
    expect(askForMore({ ...contact, callId: sent.id, body: "请提供摆摊的具体时段和照片" })).toEqual({ ok: true });
    expect(call(sent.id)).toMatchObject({ state: "infoRequested" });
    const firstAnswer = call(sent.id).firstRespondedAt!;
    expect(firstAnswer).not.toBeNull();
    expect(acceptCall({ ...contact, callId: sent.id, promisedBy: inDays(5), body: "好" })).toEqual({ ok: false, problem: "wrongState" });
    expect(answerInfoRequest({ ...committee(), callId: sent.id, body: "每晚 19–23 点,照片见附件" })).toEqual({ ok: true });
    expect(call(sent.id).state).toBe("sent");

    expect(acceptCall({ ...contact, callId: sent.id, promisedBy: new Date(now().getTime() - DAY_MS), body: "接单" })).toEqual({ ok: false, problem: "dateInPast" });
    expect(acceptCall({ ...contact, callId: sent.id, promisedBy: inDays(5), body: "已接单,三日内整治" })).toEqual({ ok: true });
    expect(call(sent.id)).toMatchObject({ state: "accepted", firstRespondedAt: firstAnswer });
    expect(told("committee1", "call.answered")).toBeGreaterThanOrEqual(2);

    expect(reportCallProgress({ ...contact, callId: sent.id, body: "已约谈摊主", percent: 100, photos: [] })).toEqual({ ok: false, problem: "badPercent" });
    expect(reportCallProgress({ ...contact, callId: sent.id, body: "已约谈摊主", percent: 1.5, photos: [] })).toEqual({ ok: false, problem: "badPercent" });
    expect(reportCallProgress({ ...contact, callId: sent.id, body: "", percent: 40, photos: [] })).toEqual({ ok: false, problem: "badText" });
    expect(reportCallProgress({ ...contact, callId: sent.id, body: "已约谈摊主", percent: 40, photos: await photo(1) })).toMatchObject({ ok: true });
    expect(call(sent.id).percent).toBe(40);
    expect(resolveCall({ ...contact, callId: sent.id, body: "摊点已清理", photos: [] })).toEqual({ ok: false, problem: "needsEvidence" });
    const done = resolveCall({ ...contact, callId: sent.id, body: "摊点已清理", photos: await photo(2) });
    if (!done.ok) throw new Error(done.problem);
    expect(call(sent.id)).toMatchObject({ state: "resolved", percent: 100 });
    expect(getDb().select().from(topicPhotos).where(and(eq(topicPhotos.reportId, done.eventId), eq(topicPhotos.purpose, "callReport"))).all()).toHaveLength(1);
    expect(reportCallProgress({ ...contact, callId: sent.id, body: "再报", percent: 50, photos: [] })).toEqual({ ok: false, problem: "wrongState" });

    const [view] = listCallsForTopic({ communityId: cid(), topicId });
    expect(view.events.map((e) => e.kind)).toEqual(["sent", "infoRequested", "infoGiven", "accepted", "progress", "resolved"]);
    expect(view.events[5].photoIds).toHaveLength(1);
    expect(view.events[1].actorName).toContain("李强");

    const board = listCallsForBoard({ communityId: cid() }).find((b) => b.id === sent.id)!;
    expect(board).toMatchObject({ state: "resolved", result: "摊点已清理", answeredInTime: true, doneInTime: true, departmentNameZh: "城管中队" });
    expect(JSON.stringify(board)).not.toMatch(/李强|committee|userId|actor/);

    const entries = getDb().select().from(ledgerEntries).where(and(eq(ledgerEntries.communityId, cid()), eq(ledgerEntries.subject, `topic:${topicId}`))).all();
    expect(entries.map((e) => e.type).filter((t) => t.startsWith("call."))).toEqual(["call.sent", "call.infoRequested", "call.infoGiven", "call.accepted", "call.progress", "call.resolved"]);
    expect(entries.map((e) => e.payload).join("")).not.toMatch(/李强|陈刚|020-/);
    expect(verifyLedger({ communityId: cid() }).ok).toBe(true);
  });

  it("refuses what the rules forbid, changing nothing", () => {
    const topicId = freshTopic();
    const count = () => getDb().select().from(departmentCalls).all().length;
    const n = count();
    expect(sendCall({ ...ask(topicId), roles: ["resident"] })).toEqual({ ok: false, problem: "wrongRole" });
    expect(sendCall({ ...ask(topicId), topicId: 999_999 })).toEqual({ ok: false, problem: "notFound" });
    expect(sendCall({ ...ask(freshTopic("shiliu")) })).toEqual({ ok: false, problem: "notFound" });
    expect(sendCall({ ...ask(topicId), departmentId: 999_999 })).toEqual({ ok: false, problem: "unknownDepartment" });
    expect(sendCall({ ...ask(topicId), taskId: 999_999 })).toEqual({ ok: false, problem: "unknownTask" });
    expect(sendCall({ ...ask(topicId), wantedBy: new Date(now().getTime() - 1000) })).toEqual({ ok: false, problem: "dateInPast" });
    expect(sendCall({ ...ask(topicId), ask: "  " })).toEqual({ ok: false, problem: "badText" });
    expect(sendCall({ ...ask(topicId), ask: "长".repeat(2001) })).toEqual({ ok: false, problem: "badText" });
    const archived = getDb().insert(departments).values({ streetId: streetId(), nameZh: `已停用${process.pid}-${topicId}`, nameEn: "Retired", responseHours: 24, archivedAt: now() }).returning().get();
    expect(sendCall({ ...ask(topicId), departmentId: archived.id })).toEqual({ ok: false, problem: "departmentArchived" });
    const closed = freshTopic();
    getDb().update(topics).set({ status: "closed", state: "closed" }).where(eq(topics.id, closed)).run();
    expect(sendCall(ask(closed))).toEqual({ ok: false, problem: "topicNotActive" });
    getDb().update(topics).set({ status: "active", state: "screening" }).where(eq(topics.id, closed)).run();
    expect(count()).toBe(n);

    const first = sendCall(ask(topicId));
    if (!first.ok) throw new Error(first.problem);
    expect(sendCall(ask(topicId))).toEqual({ ok: false, problem: "alreadyCalled" });
    expect(sendCall(ask(topicId, zhujian())).ok).toBe(true);
    // Only a contact of the called department answers; the street admin is not one; a stranger is not of the street.
    expect(acceptCall({ ...streetPerson("zhujian1"), callId: first.id, promisedBy: inDays(3), body: "接" })).toEqual({ ok: false, problem: "notContact" });
    expect(acceptCall({ ...streetPerson("street1"), callId: first.id, promisedBy: inDays(3), body: "接" })).toEqual({ ok: false, problem: "notContact" });
    expect(acceptCall({ ...streetPerson("resident1"), callId: first.id, promisedBy: inDays(3), body: "接" })).toEqual({ ok: false, problem: "notFound" });
    expect(acceptCall({ ...streetPerson("chengguan1"), callId: 999_999, promisedBy: inDays(3), body: "接" })).toEqual({ ok: false, problem: "notFound" });
    expect(answerInfoRequest({ ...committee(), callId: first.id, body: "补充" })).toEqual({ ok: false, problem: "wrongState" });
    expect(withdrawCall({ ...committee("shiliu"), callId: first.id, reason: "不需要" })).toEqual({ ok: false, problem: "notFound" });
    expect(withdrawCall({ ...streetPerson("chengguan1"), callId: first.id, reason: "不需要" })).toEqual({ ok: false, problem: "wrongRole" });
    expect(call(first.id).state).toBe("sent");
  });

  it("is declined with a reason and re-dispatched to another department; withdrawn by the committee", () => {
    const topicId = freshTopic();
    const first = sendCall(ask(topicId));
    if (!first.ok) throw new Error(first.problem);
    expect(redispatchCall({ ...committee(), callId: first.id, departmentId: zhujian(), ask: "改派", wantedBy: inDays(7) })).toEqual({ ok: false, problem: "wrongState" });
    expect(declineCall({ ...streetPerson("chengguan1"), callId: first.id, reason: "  " })).toEqual({ ok: false, problem: "badText" });
    expect(declineCall({ ...streetPerson("chengguan1"), callId: first.id, reason: "属于住建办职责" })).toEqual({ ok: true });
    expect(call(first.id)).toMatchObject({ state: "declined", declineReason: "属于住建办职责" });
    const again = redispatchCall({ ...committee(), callId: first.id, departmentId: zhujian(), ask: "请住建办处理", wantedBy: inDays(7) });
    if (!again.ok) throw new Error(again.problem);
    expect(call(again.id)).toMatchObject({ state: "sent", previousCallId: first.id, topicId, departmentId: zhujian(), origin: "community" });
    expect(call(first.id).state).toBe("declined");
    expect(withdrawCall({ ...committee(), callId: again.id, reason: "" })).toEqual({ ok: false, problem: "badText" });
    expect(withdrawCall({ ...committee(), callId: again.id, reason: "业主已自行解决" })).toEqual({ ok: true });
    expect(call(again.id).state).toBe("withdrawn");
    expect(withdrawCall({ ...committee(), callId: again.id, reason: "再撤" })).toEqual({ ok: false, problem: "wrongState" });
    expect(verifyLedger({ communityId: cid() }).ok).toBe(true);
  });

  it("is dispatched by the street admin on a task; only the admin dispatches; the committee cannot withdraw it", () => {
    const { topicId, taskId } = executingTopicWithTask();
    const input = { topicId, taskId, departmentId: zhujian(), ask: "请住建办协助更换滑梯", wantedBy: inDays(14) };
    expect(dispatchFromStreet({ ...streetPerson("chengguan1"), ...input })).toEqual({ ok: false, problem: "wrongRole" });
    const sent = dispatchFromStreet({ ...streetPerson("street1"), ...input });
    if (!sent.ok) throw new Error(sent.problem);
    expect(call(sent.id)).toMatchObject({ origin: "street", taskId, communityId: cid() });
    expect(withdrawCall({ ...committee(), callId: sent.id, reason: "撤" })).toEqual({ ok: false, problem: "wrongRole" });
    expect(listDepartmentQueue({ streetId: streetId(), userId: userId("zhujian1"), isAdmin: false }).map((r) => r.id)).toContain(sent.id);
    expect(listDepartmentQueue({ streetId: streetId(), userId: userId("chengguan1"), isAdmin: false }).map((r) => r.id)).not.toContain(sent.id);
    expect(listDepartmentQueue({ streetId: streetId(), userId: userId("street1"), isAdmin: true }).map((r) => r.id)).toContain(sent.id);
    expect(getCallForStreet({ streetId: streetId(), callId: sent.id, userId: userId("chengguan1"), isAdmin: false })).toBeNull();
    expect(getCallForStreet({ streetId: streetId(), callId: sent.id, userId: userId("zhujian1"), isAdmin: false })).toMatchObject({ actions: ["accept", "askForMore", "decline"] });
    expect(getCallForStreet({ streetId: streetId(), callId: sent.id, userId: userId("street1"), isAdmin: true })).toMatchObject({ actions: ["withdraw"] });
    expect(withdrawCall({ ...streetPerson("street1"), callId: sent.id, reason: "已由社区处理" })).toEqual({ ok: true });
  });
});

describe("the scheduler", () => {
  it("flags an unanswered call and late work once each, tells the admin; an overdue unanswered call may be re-dispatched (it becomes withdrawn)", () => {
    const topicId = freshTopic();
    const slow = sendCall(ask(topicId));
    const late = sendCall(ask(topicId, zhujian()));
    if (!slow.ok || !late.ok) throw new Error("not sent");
    expect(acceptCall({ ...streetPerson("zhujian1"), callId: late.id, promisedBy: inDays(3), body: "接单" }).ok).toBe(true);
    expect(redispatchCall({ ...committee(), callId: slow.id, departmentId: zhujian(), ask: "改派", wantedBy: inDays(9) })).toEqual({ ok: false, problem: "wrongState" });

    const admin = told("street1", "call.overdue", topicId);
    flagOverdueCalls(new Date(now().getTime() + 2 * DAY_MS));
    expect(call(slow.id).responseOverdue).toBe(true);
    expect(call(late.id).workOverdue).toBe(false);
    expect(told("street1", "call.overdue", topicId)).toBe(admin + 1);
    flagOverdueCalls(new Date(now().getTime() + 2 * DAY_MS));
    expect(told("street1", "call.overdue", topicId)).toBe(admin + 1);
    runDueDeadlines(new Date(now().getTime() + 4 * DAY_MS));
    expect(call(late.id).workOverdue).toBe(true);
    expect(told("street1", "call.overdue", topicId)).toBe(admin + 2);

    const overdue = listOverdueCalls({ streetId: streetId() }).filter((r) => r.topicId === topicId);
    expect(overdue.map((r) => [r.id, r.kind])).toEqual([
      [slow.id, "response"],
      [late.id, "work"],
    ]);
    expect(listDepartmentQueue({ streetId: streetId(), userId: userId("street1"), isAdmin: true, filter: { state: "overdue" } }).map((r) => r.id)).toEqual(expect.arrayContaining([slow.id, late.id]));

    // zhujian already has an open call on this topic; send the slow one to 民政办 instead.
    const minzheng = getDb().select({ id: departments.id }).from(departments).where(eq(departments.nameZh, "民政办")).get()!.id;
    const again = redispatchCall({ ...committee(), callId: slow.id, departmentId: minzheng, ask: "改派民政办", wantedBy: inDays(9) });
    if (!again.ok) throw new Error(again.problem);
    expect(call(slow.id).state).toBe("withdrawn");
    expect(call(again.id)).toMatchObject({ previousCallId: slow.id, state: "sent", responseOverdue: false });
    expect(verifyLedger({ communityId: cid() }).ok).toBe(true);
  });
});

describe("ledger:verify", () => {
  it("names a call whose state, percentage or flags were edited by hand", () => {
    const sent = sendCall(ask(freshTopic()));
    if (!sent.ok) throw new Error(sent.problem);
    const client = getDb().$client;
    for (const edit of ["UPDATE department_calls SET state = 'resolved' WHERE id = ?", "UPDATE department_calls SET percent = 80 WHERE id = ?", "UPDATE department_calls SET response_overdue = 1 WHERE id = ?"]) {
      const rollback = new Error("rollback");
      let verdict: ReturnType<typeof verifyLedger> | undefined;
      try {
        client
          .transaction(() => {
            client.prepare(edit).run(sent.id);
            verdict = verifyLedger({ communityId: cid() });
            throw rollback;
          })
          .call(null);
      } catch (error) {
        if (error !== rollback) throw error;
      }
      expect(verdict).toMatchObject({ ok: false, reason: "record", record: { check: "departmentCall", why: "differs", record: `call:${sent.id}` } });
    }
    expect(verifyLedger({ communityId: cid() }).ok).toBe(true);
  });
});
