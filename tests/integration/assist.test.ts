// 代录 over real HTTP: committee staff record a co-sign, a topic, a consultation answer and a rating for a
// resident (a pending roster account too); each counts as the person's own act, is marked on the pages
// and in the ledger, is shown once to the person, and only the person withdraws it while its step is open.
import { and, asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { assistedActs, consultationAnswers, ledgerEntries, memberships, notifications, ratings, topics, users } from "../../db/schema";
import { DAY_MS, resetClock, shiftClock } from "~/models/clock.server";
import { openSolicitation } from "~/models/consultation.server";
import { addTask, createUnit, reportCompletion, reportProgress } from "~/models/execution.server";
import { freezeDraft } from "~/models/freeze.server";
import { firstDisagreeingRecord } from "~/models/ledger-records.server";
import { checkPhotos } from "~/models/photo.server";
import { createTopic } from "~/models/topic-create.server";
import type { Role } from "~/workflow/roles";
import { makePng } from "../fixtures/propose";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { dbFingerprint } from "./support/fingerprint";
import { signedIn, useServer } from "./support/http";
import { useOwnUploadsDir } from "./support/propose";

useOwnUploadsDir();
const http = useServer();
const as = signedIn(http);
afterEach(() => resetClock());

const cid = () => communityId("mingyue");
const staff = (u = "committee1") => ({ communityId: cid(), userId: userId(u), roles: ["committee"] as Role[] });
const PAGE = "/c/mingyue/assist";
const post = async (username: string, form: Record<string, string>, path = PAGE) => http.fetch(path, { cookie: await as(username), form });
const html = async (username: string, path: string) => (await http.fetch(path, { cookie: await as(username) })).text();
const actsOf = (personId: number) => getDb().select().from(assistedActs).where(eq(assistedActs.personId, personId)).orderBy(asc(assistedActs.id)).all();
const entries = (type: string) => getDb().select().from(ledgerEntries).where(and(eq(ledgerEntries.communityId, cid()), eq(ledgerEntries.type, type))).all();
const topicRow = (id: number) => getDb().select().from(topics).where(eq(topics.id, id)).get()!;
const lastAct = (personId: number) => actsOf(personId).at(-1)!;

let made = 0;
function collectingTopic(proposer = "resident1", communityIdOf = cid()) {
  return createTopic({ communityId: communityIdOf, proposerId: userId(proposer), title: `代录测试议题 ${++made}`, description: "路灯坏了", location: "3号楼", categoryId: null, source: "resident" });
}

/** A roster-made account not yet claimed: pending, a resident member of mingyue (the roster part makes these; here by hand). */
function pendingResident() {
  const db = getDb();
  const id = db.insert(users).values({ username: `pending-${process.pid}-${++made}`, displayName: `王阿婆${made}`, passwordHash: "!", pending: true }).returning({ id: users.id }).get().id;
  db.insert(memberships).values({ communityId: cid(), userId: id, role: "resident" }).run();
  return id;
}

async function verifyingTopic() {
  const { id } = consultingTopic({ category: "activities", text: "活动方案。" });
  expect(freezeDraft({ ...staff(), topicId: id })).toMatchObject({ ok: true });
  const unit = createUnit({ ...staff(), name: `代录测试单位${++made}-${id}`, kind: "property", contact: "", memberIds: [userId("executor1")] });
  if (!unit.ok) throw new Error(unit.problem);
  const task = addTask({ ...staff(), topicId: id, task: { title: `任务${made}`, unitId: unit.id, dueAt: new Date(Date.now() + 5 * DAY_MS), budgetFen: 100 } });
  if (!task.ok) throw new Error(task.problem);
  const { photos } = await checkPhotos([new File([new Uint8Array(makePng({ seed: 90 + made }))], "p.png")]);
  const executor = { communityId: cid(), userId: userId("executor1"), roles: ["executor"] as Role[] };
  expect(reportProgress({ ...executor, taskId: task.id, body: "完成了。", percent: 100, spentFen: 100, photos }).ok).toBe(true);
  expect(reportCompletion({ ...staff(), topicId: id }).ok).toBe(true);
  return id;
}

const withdraw = (username: string, actId: number) => post(username, { intent: "withdraw", actId: String(actId), confirm: "on" });

describe("a co-sign recorded by phone", () => {
  it("counts as the person's, is marked on the topic page and in the ledger, shown once, withdrawn by the person", async () => {
    const topic = collectingTopic();
    const person = userId("resident2");
    const res = await post("committee1", { intent: "cosign", personId: String(person), channel: "phone", topicId: String(topic.id), confirm: "on" });
    expect(res.status).toBe(302);
    expect(topicRow(topic.id).cosignCount).toBe(1);
    const act = lastAct(person);
    expect(act).toMatchObject({ kind: "cosign", channel: "phone", recordedBy: userId("committee1"), topicId: topic.id, seenAt: null, withdrawnAt: null });
    // The co-sign's own entry is the person's, carrying who recorded it and how; plus an assist.recorded entry.
    const cosigned = entries("topic.cosigned").at(-1)!;
    expect(cosigned.actorId).toBe(person);
    expect(JSON.parse(cosigned.payload)).toEqual({ assisted: { by: userId("committee1"), channel: "phone" } });
    expect(JSON.parse(entries("assist.recorded").at(-1)!.payload)).toMatchObject({ act: act.id, kind: "cosign", channel: "phone", person });
    const page = await html("resident1", `/c/mingyue/topics/${topic.id}`);
    expect(page).toContain("代录(电话)");
    expect(await html("resident1", "/c/mingyue/ledger")).toContain("代录(电话)");
    // The person sees it once (hall), a notification too; then it is marked seen.
    expect(getDb().select().from(notifications).where(and(eq(notifications.userId, person), eq(notifications.kind, "assist.recorded"))).all().length).toBeGreaterThan(0);
    const hall = await html("resident2", "/c/mingyue");
    expect(hall).toContain('data-testid="assist-notice"');
    expect(hall).toContain(`#${topicRow(topic.id).number}`);
    expect(lastAct(person).seenAt).not.toBeNull();
    expect(await html("resident2", "/c/mingyue")).not.toContain('data-testid="assist-notice"');
    // Nobody else withdraws it; the person does, and the count goes down.
    expect((await withdraw("resident1", act.id)).status).toBe(403);
    expect((await withdraw("committee1", act.id)).status).toBe(403);
    expect(topicRow(topic.id).cosignCount).toBe(1);
    expect((await withdraw("resident2", act.id)).status).toBe(302);
    expect(topicRow(topic.id).cosignCount).toBe(0);
    expect(lastAct(person).withdrawnAt).not.toBeNull();
    expect(entries("assist.withdrawn").at(-1)!.actorId).toBe(person);
    expect(firstDisagreeingRecord(getDb(), cid())).toBeNull();
  });

  it("the same rules refuse it: the proposer cannot co-sign, one co-sign per person, not after collection; nothing changes", async () => {
    const topic = collectingTopic("resident2");
    const before = dbFingerprint();
    const own = await post("committee1", { intent: "cosign", personId: String(userId("resident2")), channel: "visit", topicId: String(topic.id), confirm: "on" });
    expect(own.status).toBe(409);
    expect(await own.text()).toContain("居民不能附议自己提出的议题");
    expect(dbFingerprint()).toBe(before);
    const ok = await post("committee1", { intent: "cosign", personId: String(userId("resident1")), channel: "visit", topicId: String(topic.id), confirm: "on" });
    expect(ok.status).toBe(302);
    const again = await post("committee1", { intent: "cosign", personId: String(userId("resident1")), channel: "home", topicId: String(topic.id), confirm: "on" });
    expect(again.status).toBe(409);
    expect(actsOf(userId("resident1")).filter((a) => a.topicId === topic.id)).toHaveLength(1);
  });

  it("a withdrawal after collection has ended is refused", async () => {
    const topic = collectingTopic();
    const person = userId("resident2");
    expect((await post("committee1", { intent: "cosign", personId: String(person), channel: "phone", topicId: String(topic.id), confirm: "on" })).status).toBe(302);
    getDb().update(topics).set({ state: "screening" }).where(eq(topics.id, topic.id)).run();
    const res = await withdraw("resident2", lastAct(person).id);
    expect(res.status).toBe(409);
    expect(lastAct(person).withdrawnAt).toBeNull();
    getDb().update(topics).set({ state: "open" }).where(eq(topics.id, topic.id)).run();
  });
});

describe("who may record, and what it needs", () => {
  it("refuses a resident (403), a missing tick (400), the staff member themselves, another community's topic (404) and person; nothing changes", async () => {
    const topic = collectingTopic();
    const form = { intent: "cosign", personId: String(userId("resident2")), channel: "phone", topicId: String(topic.id), confirm: "on" };
    expect((await post("resident1", form)).status).toBe(403);
    const { confirm: _, ...unticked } = form;
    expect((await post("committee1", unticked)).status).toBe(400);
    expect((await post("committee1", { ...form, personId: String(userId("committee1")) })).status).toBe(422);
    const foreign = collectingTopic("villager1", communityId("shiliu"));
    const before = dbFingerprint();
    expect((await post("committee1", { ...form, topicId: String(foreign.id) })).status).toBe(404);
    // Another community's person (a villager of 石榴村) and no one at all.
    expect((await post("committee1", { ...form, personId: String(userId("villager1")) })).status).toBe(422);
    expect((await post("committee1", { ...form, personId: "999999" })).status).toBe(422);
    // Nor may the other community's committee record in this one (not a member here).
    expect((await post("vcommittee1", form)).status).toBe(404);
    expect((await post("committee1", { ...form, topicId: "abc" })).status).toBe(400);
    expect((await post("committee1", { ...form, channel: "wechat" })).status).toBe(400);
    expect(dbFingerprint()).toBe(before);
  });
});

describe("a topic, an answer and a rating recorded for a pending roster person", () => {
  it("a topic: proposed as the person's, marked on the hall and the topic page, withdrawn while collecting", async () => {
    const person = pendingResident();
    const res = await post("committee1", { intent: "topic", personId: String(person), channel: "visit", title: "楼道灯不亮", description: "3号楼2单元楼道灯坏了一个月", location: "3号楼", confirm: "on" });
    expect(res.status).toBe(302);
    const act = lastAct(person);
    const topic = topicRow(act.topicId);
    expect(topic).toMatchObject({ proposerId: person, state: "open", source: "resident" });
    expect(JSON.parse(entries("topic.created").at(-1)!.payload).assisted).toEqual({ by: userId("committee1"), channel: "visit" });
    expect(await html("resident1", `/c/mingyue/topics/${topic.id}`)).toContain("代录(来访)");
    expect(await html("resident1", "/c/mingyue")).toContain("代录(来访)");
    // A pending account cannot sign in; its withdrawal is the model's, tested through it here.
    const { withdrawAssistedAct } = await import("~/models/assist-withdraw.server");
    expect(withdrawAssistedAct({ communityId: cid(), actId: act.id, userId: userId("resident1") })).toEqual({ ok: false, problem: "notYours" });
    expect(withdrawAssistedAct({ communityId: cid(), actId: act.id, userId: person })).toEqual({ ok: true });
    expect(topicRow(topic.id).state).toBe("withdrawn");
    expect(withdrawAssistedAct({ communityId: cid(), actId: act.id, userId: person })).toEqual({ ok: false, problem: "withdrawn" });
    expect(firstDisagreeingRecord(getDb(), cid())).toBeNull();
  });

  it("an answer: stored as the person's, marked among the opinions, withdrawn while open, refused once closed", async () => {
    const person = pendingResident();
    const { id } = consultingTopic();
    expect(openSolicitation({ ...staff(), topicId: id, question: "是否同意?", deadline: new Date(Date.now() + 3 * DAY_MS) }).ok).toBe(true);
    const form = { intent: "answer", personId: String(person), channel: "home", topicId: String(id), stance: "support", text: "同意", confirm: "on" };
    expect((await post("committee1", form)).status).toBe(302);
    const act = lastAct(person);
    const answer = getDb().select().from(consultationAnswers).where(eq(consultationAnswers.id, act.subjectId)).get()!;
    expect(answer).toMatchObject({ userId: person, stance: "support" });
    expect(await html("resident1", `/c/mingyue/topics/${id}/consultation`)).toContain("代录(上门)");
    expect((await post("committee1", form)).status).toBe(409);
    const { withdrawAssistedAct } = await import("~/models/assist-withdraw.server");
    expect(withdrawAssistedAct({ communityId: cid(), actId: act.id, userId: person })).toEqual({ ok: true });
    expect(getDb().select().from(consultationAnswers).where(eq(consultationAnswers.id, act.subjectId)).get()).toBeUndefined();
    // Recorded again, then the solicitation's deadline passes: no withdrawal any more.
    expect((await post("committee1", form)).status).toBe(302);
    shiftClock(4 * DAY_MS);
    expect(withdrawAssistedAct({ communityId: cid(), actId: lastAct(person).id, userId: person })).toEqual({ ok: false, problem: "notOpen" });
  });

  it("a rating: counted in the window, entry marked, withdrawn while open (count down), refused after the window", async () => {
    const person = pendingResident();
    const id = await verifyingTopic();
    const form = { intent: "rating", personId: String(person), channel: "phone", topicId: String(id), rating: "satisfied", comment: "", confirm: "on" };
    expect((await post("committee1", form)).status).toBe(302);
    const act = lastAct(person);
    const countFor = () => getDb().select().from(ratings).where(eq(ratings.windowId, act.subjectId)).all().length;
    expect(countFor()).toBe(1);
    expect(JSON.parse(entries("rating.cast").at(-1)!.payload).assisted).toEqual({ by: userId("committee1"), channel: "phone" });
    const { withdrawAssistedAct } = await import("~/models/assist-withdraw.server");
    expect(withdrawAssistedAct({ communityId: cid(), actId: act.id, userId: person })).toEqual({ ok: true });
    expect(countFor()).toBe(0);
    expect(firstDisagreeingRecord(getDb(), cid())).toBeNull();
    expect((await post("committee1", form)).status).toBe(302);
    shiftClock(60 * DAY_MS);
    expect(withdrawAssistedAct({ communityId: cid(), actId: lastAct(person).id, userId: person })).toEqual({ ok: false, problem: "notOpen" });
  });
});

describe("the ledger check", () => {
  it("catches a hand edit of an assisted act", async () => {
    const topic = collectingTopic();
    expect((await post("committee1", { intent: "cosign", personId: String(userId("resident2")), channel: "phone", topicId: String(topic.id), confirm: "on" })).status).toBe(302);
    const act = lastAct(userId("resident2"));
    getDb().update(assistedActs).set({ channel: "visit" }).where(eq(assistedActs.id, act.id)).run();
    expect(firstDisagreeingRecord(getDb(), cid())).toMatchObject({ check: "assistedAct", why: "differs", record: `assist:${act.id}` });
    getDb().update(assistedActs).set({ channel: "phone" }).where(eq(assistedActs.id, act.id)).run();
  });
});
