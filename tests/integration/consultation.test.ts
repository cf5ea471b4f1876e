// 征求意见 and 议事协商会 over real HTTP: who may open, answer, close and summarise; one answer per
// person; the deadline (on the shifted clock); meetings and their printable minutes; the ledger.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { consultationAnswers, consultationMeetings, consultations, ledgerEntries, topicComments } from "../../db/schema";
import { DAY_MS, now, resetClock, shiftClock } from "~/models/clock.server";
import { verifyLedger } from "~/models/ledger.server";
import { localDate } from "~/forms/consultation";
import { consultingTopic } from "./support/consultation";
import { communityId } from "./support/db";
import { useServer } from "./support/http";

const http = useServer();
const cookies = new Map<string, string>();
async function as(username: string) {
  if (!cookies.has(username)) cookies.set(username, await http.login(username));
  return cookies.get(username)!;
}
afterEach(() => resetClock());

const page = (id: number) => `/c/mingyue/topics/${id}/consultation`;
const post = async (username: string, id: number, form: Record<string, string>) => http.fetch(page(id), { cookie: await as(username), form });
const inDays = (days: number) => localDate(new Date(now().getTime() + days * DAY_MS));
const ledgerOf = (type: string) =>
  getDb()
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.communityId, communityId("mingyue")), eq(ledgerEntries.type, type)))
    .all();
const solicitationsOf = (topicId: number) => getDb().select().from(consultations).where(eq(consultations.topicId, topicId)).all();
const answersOf = (consultationId: number) => getDb().select().from(consultationAnswers).where(eq(consultationAnswers.consultationId, consultationId)).all();

async function opened(topicId: number, question = "您是否同意在3号楼北侧建设充电棚?", days = 7) {
  const res = await post("committee1", topicId, { intent: "open", question, deadline: inDays(days) });
  expect(res.status).toBe(302);
  return solicitationsOf(topicId).at(-1)!.id;
}

describe("opening a solicitation", () => {
  it("the committee opens one: stored with its deadline, a ledger entry, shown on the page", async () => {
    const { id } = consultingTopic();
    const before = ledgerOf("consultation.opened").length;
    const sid = await opened(id);
    expect(solicitationsOf(id)).toHaveLength(1);
    expect(solicitationsOf(id)[0].deadline.getTime()).toBeGreaterThan(now().getTime() + 6 * DAY_MS);
    expect(ledgerOf("consultation.opened")).toHaveLength(before + 1);
    const html = await (await http.fetch(page(id), { cookie: await as("resident1") })).text();
    expect(html).toContain("您是否同意在3号楼北侧建设充电棚?");
    expect(html).toContain(`id="solicitation-${sid}"`);
    expect(html).toContain('data-testid="answer-form"');
    // The topic page leads there while the topic is in consultation.
    const topicPage = await (await http.fetch(`/c/mingyue/topics/${id}`, { cookie: await as("resident1") })).text();
    expect(topicPage).toContain(`href="/c/mingyue/topics/${id}/consultation"`);
  });

  it("refuses a resident (403, translated) and a second open one (409); nothing stored", async () => {
    const { id } = consultingTopic();
    const resident = await post("resident1", id, { intent: "open", question: "问题", deadline: inDays(3) });
    expect(resident.status).toBe(403);
    expect(await resident.text()).toContain("您的身份不能进行此操作。");
    await opened(id);
    const second = await post("committee2", id, { intent: "open", question: "再问一次", deadline: inDays(3) });
    expect(second.status).toBe(409);
    expect(solicitationsOf(id)).toHaveLength(1);
  });

  it("refuses bad forms with field errors (400): empty or long question, deadline out of 1–60 days, bad dates", async () => {
    const { id } = consultingTopic();
    for (const form of [
      { question: "", deadline: inDays(3) },
      { question: "问".repeat(201), deadline: inDays(3) },
      { question: "问题", deadline: inDays(0) },
      { question: "问题", deadline: inDays(61) },
      { question: "问题", deadline: "2026-13-01" },
      { question: "问题", deadline: "tomorrow" },
    ]) {
      const res = await post("committee1", id, { intent: "open", ...form });
      expect(res.status, JSON.stringify(form).slice(0, 60)).toBe(400);
    }
    const english = await http.fetch(page(id), { cookie: `${await as("committee1")}; ${await http.english()}`, form: { intent: "open", question: "q", deadline: inDays(61) } });
    expect(await english.text()).toContain("The deadline must be 1 to 60 days from today.");
    expect(solicitationsOf(id)).toHaveLength(0);
    expect((await post("committee1", id, { intent: "open", question: "问题", deadline: inDays(60) })).status).toBe(302);
  });

  it("refuses outside consultation (409) and answers 404 for other communities' and malformed ids", async () => {
    const seededOpen = getDb().$client.prepare("SELECT id FROM topics WHERE title = '小区东门夜间照明不足'").pluck().get() as number;
    expect((await post("committee1", seededOpen, { intent: "open", question: "问题", deadline: inDays(3) })).status).toBe(409);
    const shiliu = consultingTopic({ slug: "shiliu", committee: "vcommittee1", category: "fundraising" });
    expect((await http.fetch(`/c/mingyue/topics/${shiliu.id}/consultation`, { cookie: await as("committee1") })).status).toBe(404);
    expect((await post("committee1", shiliu.id, { intent: "open", question: "问题", deadline: inDays(3) })).status).toBe(404);
    for (const bad of ["abc", "-1", "0", "99999999999999999999"]) {
      expect((await http.fetch(`/c/mingyue/topics/${bad}/consultation`, { cookie: await as("committee1") })).status, bad).toBe(404);
    }
    expect((await http.fetch(`/c/shiliu/topics/${shiliu.id}/consultation`, { cookie: await as("committee1") })).status).toBe(404);
  });
});

describe("answering", () => {
  it("counts one answer per person; answering again before the deadline replaces it", async () => {
    const { id } = consultingTopic();
    const sid = await opened(id);
    expect((await post("resident1", id, { intent: "answer", consultationId: String(sid), stance: "support", text: "赞成" })).status).toBe(302);
    expect((await post("rep01", id, { intent: "answer", consultationId: String(sid), stance: "oppose", text: "" })).status).toBe(302);
    expect((await post("resident1", id, { intent: "answer", consultationId: String(sid), stance: "supportWithChanges", text: "建议加装喷淋" })).status).toBe(302);
    const answers = answersOf(sid);
    expect(answers).toHaveLength(2);
    expect(answers.find((a) => a.text === "建议加装喷淋")?.stance).toBe("supportWithChanges");
    const html = await (await http.fetch(page(id), { cookie: await as("committee1") })).text();
    expect(html).toMatch(/data-testid="n-support">0</);
    expect(html).toMatch(/data-testid="n-supportWithChanges">1</);
    expect(html).toMatch(/data-testid="n-oppose">1</);
    expect(html).toContain("建议加装喷淋");
  });

  it("refuses committee-only members (403) and bad answers (400)", async () => {
    const { id } = consultingTopic();
    const sid = String(await opened(id));
    const committee = await post("committee2", id, { intent: "answer", consultationId: sid, stance: "support" });
    expect(committee.status).toBe(403);
    expect(await committee.text()).toContain("您的身份不能进行此操作。");
    expect((await post("resident2", id, { intent: "answer", consultationId: sid, stance: "maybe" })).status).toBe(400);
    expect((await post("resident2", id, { intent: "answer", consultationId: sid, stance: "support", text: "字".repeat(1001) })).status).toBe(400);
    expect((await post("resident2", id, { intent: "answer", consultationId: "abc", stance: "support" })).status).toBe(400);
    expect((await post("resident2", id, { intent: "answer", consultationId: "999999999", stance: "support" })).status).toBe(404);
    expect(answersOf(Number(sid))).toHaveLength(0);
  });

  it("refuses answers after the deadline, with a clear message", async () => {
    const { id } = consultingTopic();
    const sid = String(await opened(id, "截止测试", 2));
    expect((await post("resident1", id, { intent: "answer", consultationId: sid, stance: "support" })).status).toBe(302);
    shiftClock(3 * DAY_MS);
    const late = await post("resident2", id, { intent: "answer", consultationId: sid, stance: "oppose" });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("征求意见已截止或已结束");
    const change = await post("resident1", id, { intent: "answer", consultationId: sid, stance: "oppose" });
    expect(change.status).toBe(409);
    expect(answersOf(Number(sid)).map((a) => a.stance)).toEqual(["support"]);
  });

  it("the committee closes it early (ledger entry); answers are refused after", async () => {
    const { id } = consultingTopic();
    const sid = String(await opened(id));
    const before = ledgerOf("consultation.closed").length;
    expect((await post("resident1", id, { intent: "close", consultationId: sid })).status).toBe(403);
    expect((await post("committee2", id, { intent: "close", consultationId: sid })).status).toBe(302);
    expect(ledgerOf("consultation.closed")).toHaveLength(before + 1);
    expect((await post("resident1", id, { intent: "answer", consultationId: sid, stance: "support" })).status).toBe(409);
    // A new solicitation may be opened once the first has ended.
    await opened(id, "第二轮");
  });

  it("shows names to members only: the street admin sees the opinions without names", async () => {
    const { id } = consultingTopic();
    const sid = String(await opened(id));
    await post("rep03", id, { intent: "answer", consultationId: sid, stance: "support", text: "同意方案" });
    const member = await (await http.fetch(page(id), { cookie: await as("resident1") })).text();
    const street = await (await http.fetch(page(id), { cookie: await as("street1") })).text();
    const name = getDb().$client.prepare("SELECT display_name FROM users WHERE username = 'rep03'").pluck().get() as string;
    expect(member).toContain(name);
    expect(street).toContain("同意方案");
    expect(street).not.toContain(name);
  });
});

describe("summary", () => {
  it("attaches the counts to the topic (a comment) with a ledger entry carrying them", async () => {
    const { id } = consultingTopic();
    const sid = String(await opened(id));
    for (const [who, stance] of [["resident1", "support"], ["resident2", "support"], ["rep05", "oppose"]]) {
      await post(who, id, { intent: "answer", consultationId: sid, stance });
    }
    expect((await post("resident1", id, { intent: "summarise", consultationId: sid })).status).toBe(403);
    expect((await post("committee1", id, { intent: "summarise", consultationId: sid, note: "多数支持" })).status).toBe(302);
    const entry = ledgerOf("consultation.summarised").at(-1)!;
    expect(JSON.parse(entry.payload)).toMatchObject({ support: 2, supportWithChanges: 0, oppose: 1, consultation: Number(sid) });
    const comment = getDb().select().from(topicComments).where(eq(topicComments.topicId, id)).all().at(-1)!;
    // The counts are a message said in each reader's language; the committee's note is the body (stored-messages.test.ts).
    expect(comment.message).toMatchObject({ key: "consultation.summaryComment", values: { support: 2, supportWithChanges: 0, oppose: 1 } });
    expect(comment.body).toBe("多数支持");
    expect(verifyLedger({ communityId: communityId("mingyue") }).ok).toBe(true);
  });
});

describe("consultation meetings", () => {
  const meeting = { intent: "meeting", heldAt: "2026-11-20", place: "社区议事室", participants: "居民代表 张三\n物业公司\n街道城管科", opinions: "物业同意提供场地", minutes: "会议讨论了充电棚选址。" };

  it("the committee records one (ledger entry); it is listed and its printable minutes open", async () => {
    // Not consulted yet: the fixture's own meeting would be the one read back.
    const { id } = consultingTopic({ consulted: false });
    const before = ledgerOf("consultation.meetingRecorded").length;
    const res = await post("committee1", id, meeting);
    expect(res.status).toBe(302);
    const row = getDb().select().from(consultationMeetings).where(eq(consultationMeetings.topicId, id)).get()!;
    expect(row).toMatchObject({ place: "社区议事室", participants: meeting.participants });
    expect(ledgerOf("consultation.meetingRecorded")).toHaveLength(before + 1);
    const list = await (await http.fetch(page(id), { cookie: await as("resident3") })).text();
    expect(list).toContain(`/c/mingyue/topics/${id}/minutes/${row.id}`);
    const minutes = await http.fetch(`/c/mingyue/topics/${id}/minutes/${row.id}`, { cookie: await as("resident3") });
    expect(minutes.status).toBe(200);
    const html = await minutes.text();
    expect(html).toContain("议事协商会会议纪要");
    expect(html).toContain("会议讨论了充电棚选址。");
    expect(html).toContain("@media print");
    expect(html, "the print CSS arrives unescaped (a direct load must print without the site's header)").toContain("body > header");
  });

  it("refuses residents (403), bad forms (400) and wrong ids (404)", async () => {
    const { id } = consultingTopic({ consulted: false });
    expect((await post("resident1", id, meeting)).status).toBe(403);
    for (const change of [{ place: "" }, { place: "地".repeat(101) }, { participants: "" }, { participants: "人".repeat(2001) }, { opinions: "见".repeat(4001) }, { minutes: "记".repeat(8001) }, { heldAt: "soon" }]) {
      expect((await post("committee1", id, { ...meeting, ...change })).status, Object.keys(change)[0]).toBe(400);
    }
    expect(getDb().select().from(consultationMeetings).where(eq(consultationMeetings.topicId, id)).all()).toHaveLength(0);
    const other = consultingTopic({ consulted: false });
    await post("committee1", other.id, meeting);
    const otherMeeting = getDb().select().from(consultationMeetings).where(eq(consultationMeetings.topicId, other.id)).get()!;
    // A meeting is reached only through its own topic.
    expect((await http.fetch(`/c/mingyue/topics/${id}/minutes/${otherMeeting.id}`, { cookie: await as("resident1") })).status).toBe(404);
    expect((await http.fetch(`/c/shiliu/topics/${other.id}/minutes/${otherMeeting.id}`, { cookie: await as("villager1") })).status).toBe(404);
    for (const bad of ["abc", "-1", "99999999999999999999"]) {
      expect((await http.fetch(`/c/mingyue/topics/${other.id}/minutes/${bad}`, { cookie: await as("resident1") })).status).toBe(404);
    }
  });

  it("answers 400 to an unknown intent and a malformed body, never 500", async () => {
    const { id } = consultingTopic();
    expect((await post("committee1", id, { intent: "explode" })).status).toBe(400);
    const res = await http.fetch(page(id), { cookie: await as("committee1"), method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=x" }, body: "garbage" });
    expect(res.status).toBe(400);
  });
});
