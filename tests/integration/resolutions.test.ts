// Resolutions where residents see them, over real HTTP: the topic page's 表决与决议 card (arithmetic,
// rule, named votes, the resolution and its 公示), the public board (representatives named, residents
// not), secret motions (no person linked to a choice anywhere), objections during 公示 and the
// committee's answers, and the end of the period on the shared clock.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { ballots, ledgerEntries, notifications, objections, resolutions, topics } from "../../db/schema";
import { castBallot, closeVote, openVote } from "~/models/ballot.server";
import { DAY_MS, now, resetClock, shiftClock } from "~/models/clock.server";
import { runDueDeadlines } from "~/models/deadline.server";
import { freezeDraft } from "~/models/freeze.server";
import { verifyLedger } from "~/models/ledger.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { checkIn } from "~/models/meeting-attendance.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { startMeeting } from "~/models/meeting-session.server";
import type { BallotChoice } from "~/workflow/meetings";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { signedIn, useServer } from "./support/http";

const http = useServer();
const as = signedIn(http);

afterEach(() => resetClock());

const MINGYUE = () => communityId("mingyue");
const convener = () => ({ communityId: MINGYUE(), userId: userId("convener1"), roles: ["convener", "committee"] as const });
const rep = (n: number) => `rep${String(n).padStart(2, "0")}`;
const RESIDENT_NAMES = ["张晓梅", "李建国", "陈芳"];

/** A topic of our own, frozen and put on a new meeting's agenda (not yet voted on). */
function tabledTopic({ secret = false }: { secret?: boolean } = {}) {
  const { id: topicId } = consultingTopic({ text: secret ? "推选楼栋长人选,请代表不记名表决。" : "中心花园增设两张休息长椅。" });
  const frozen = freezeDraft({ communityId: MINGYUE(), topicId, userId: userId("committee1"), roles: ["committee"] });
  if (!frozen.ok) throw new Error(`freeze: ${frozen.problem}`);
  const meeting = scheduleMeeting({ ...convener(), title: "测试代表会议", place: "活动室", scheduledAt: new Date(now().getTime() + 6 * DAY_MS), requestId: null, acceptShortNotice: false });
  if (!meeting.ok) throw new Error(`schedule: ${meeting.problem}`);
  const motion = tableMotion({ ...convener(), meetingId: meeting.id, topicId, secret, onFail: "revise" });
  if (!motion.ok) throw new Error(`table: ${motion.problem}`);
  return { topicId, meetingId: meeting.id, motionId: motion.id, sha256: frozen.sha256 };
}

/** …then voted on: 14 of the 20 组成人员 present (quorum 14), 9 for, 1 against, 1 abstaining, 3 not voting; rep09's hand vote recorded by the convener (named motions). */
function passedTopic({ secret = false }: { secret?: boolean } = {}) {
  const tabled = tabledTopic({ secret });
  const { meetingId, motionId } = tabled;
  const must = (r: { ok: boolean; problem?: string }, what: string) => {
    if (!r.ok) throw new Error(`${what}: ${r.problem}`);
  };
  must(startMeeting({ early: true, ...convener(), meetingId }), "start");
  for (let n = 1; n <= 14; n++) {
    const repActor = { communityId: MINGYUE(), userId: userId(rep(n)), roles: ["representative", "resident"] as const };
    must(n === 9 ? checkIn({ ...convener(), meetingId, forUserId: userId(rep(n)) }) : checkIn({ ...repActor, meetingId }), `check-in ${n}`);
  }
  must(openVote({ ...convener(), meetingId, motionId }), "open");
  const choices: BallotChoice[] = ["yes", "yes", "yes", "yes", "yes", "yes", "yes", "yes", "yes", "no", "abstain"];
  choices.forEach((choice, i) => {
    const n = i + 1;
    const r =
      // A secret motion takes no hand votes (decision 019): there rep09 votes in person.
      n === 9 && !secret
        ? castBallot({ ...convener(), meetingId, motionId, choice, forUserId: userId(rep(n)) })
        : castBallot({ communityId: MINGYUE(), userId: userId(rep(n)), roles: ["representative"], meetingId, motionId, choice });
    must(r, `vote ${n}`);
  });
  const closed = closeVote({ ...convener(), meetingId, motionId });
  if (!closed.ok || closed.resolutionId === null) throw new Error("the motion did not pass");
  return { ...tabled, resolutionId: closed.resolutionId };
}

const topicPage = async (topicId: number, username = "resident1") => {
  const res = await http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as(username) });
  expect(res.status).toBe(200);
  return res.text();
};
const TOPIC_DATA = "_data=" + encodeURIComponent("routes/c.$community.topics.$topicId");
const BOARD_DATA = "_data=" + encodeURIComponent("routes/c.$community.board");
const post = async (username: string, topicId: number, form: Record<string, string>) => http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as(username), form });

const resolutionRow = (id: number) => getDb().select().from(resolutions).where(eq(resolutions.id, id)).get()!;
const topicState = (id: number) => getDb().select({ state: topics.state }).from(topics).where(eq(topics.id, id)).get()!.state;
const objectionsOf = (resolutionId: number) => getDb().select().from(objections).where(eq(objections.resolutionId, resolutionId)).all();
/** The part of a page between a marker and the end of its element's section (enough to scope a check). */
const block = (html: string, marker: string, end = "</article>") => {
  const start = html.indexOf(marker);
  expect(start, marker).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf(end, start));
};

/** One resolution of the board's 决议公示 section, by its topic's title. */
function boardItem(html: string, title: string) {
  const section = block(html, 'data-testid="board-resolutions"', "</section>");
  const start = section.lastIndexOf('data-testid="board-resolution"', section.indexOf(title));
  expect(start, title).toBeGreaterThan(-1);
  return section.slice(start, section.indexOf('data-testid="board-objections"', start));
}

describe("the topic page's 表决与决议 card", () => {
  it("says where a tabled topic will be voted on, with a link to the meeting", async () => {
    const { topicId, meetingId, sha256 } = tabledTopic();
    const html = await topicPage(topicId);
    expect(html).toContain('id="decision"');
    expect(html).toMatch(/已列入第\d+次居民代表会议议程,时间:.+,地点:活动室。/);
    expect(html).toContain(`href="/c/mingyue/meetings/${meetingId}"`);
    expect(html).toContain(sha256);
  });

  it("shows the resolution, its hash, the arithmetic, the rule with its basis and the named votes", async () => {
    const { topicId, resolutionId, sha256 } = passedTopic();
    const r = resolutionRow(resolutionId);
    const html = await topicPage(topicId);
    const card = block(html, 'data-testid="decision"', 'data-testid="objections"');
    expect(card).toContain(`决议〔${r.year}〕${r.number}号`);
    expect(card).toContain("公示中");
    expect(card).toMatch(/公示至 .+ · 还剩 15 天/);
    expect(card).toContain(sha256);
    expect(card).toContain("到会 14 人,同意 9 人,需至少 8 人同意(到会 14 人的过半数) —— 通过");
    expect(card).toContain("同意人数须超过到会人数的 1/2");
    expect(card).toContain("城市居民委员会组织法");
    expect(card).toContain("记名表决");
    const yes = block(card, 'data-testid="named-yes"', "</ul>");
    for (let n = 1; n <= 9; n++) expect(yes).toContain(`代表${String(n).padStart(2, "0")}`);
    expect(yes).toContain("由 召集人 周强 代为记录");
    expect(block(card, 'data-testid="named-no"', "</ul>")).toContain("代表10");
    expect(block(card, 'data-testid="named-abstain"', "</ul>")).toContain("代表11");
    for (const absent of ["代表12", "代表13", "代表14"]) expect(card).not.toContain(absent);
    // A resident sees the objection form during 公示; no answer forms (there is nothing to answer, and it is not theirs).
    expect(html).toContain('data-testid="object-form"');
    expect(html).not.toContain('data-testid="answer-form"');
  });

  it("the same in English", async () => {
    const { topicId } = passedTopic();
    const html = await (await http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: `${await as("resident1")}; ${await http.english()}` })).text();
    expect(html).toMatch(/14 present, 9 agreed; needed at least 8 in favour \([^)]*\) — passed/);
    expect(html).toContain("Organic Law of Urban Residents");
  });
});

describe("the public board", () => {
  it("shows the resolution to anyone with the hash, the arithmetic and representatives' names, and no resident's full name", async () => {
    const { topicId, sha256 } = passedTopic();
    const title = getDb().select({ title: topics.title }).from(topics).where(eq(topics.id, topicId)).get()!.title;
    // A resident objects: the board counts it and does not name them.
    expect((await post("resident2", topicId, { intent: "object", body: "长椅位置离住户窗户太近。" })).status).toBe(302);

    const html = await (await http.fetch("/c/mingyue/board")).text();
    const item = boardItem(html, title);
    expect(item).toContain(sha256);
    expect(item).toContain("到会 14 人,同意 9 人,需至少 8 人同意(到会 14 人的过半数) —— 通过");
    expect(item).toContain("同意人数须超过到会人数的 1/2");
    expect(item).toContain("城市居民委员会组织法");
    expect(block(item, 'data-testid="named-yes"', "</ul>")).toContain("代表01");
    expect(block(item, 'data-testid="named-no"', "</ul>")).toContain("代表10");
    expect(item).toContain("由 召集人 周强 代为记录");
    expect(item).toMatch(/公示至 .+ · 还剩 15 天/);
    expect(html).toContain("异议 1 条");
    for (const name of RESIDENT_NAMES) expect(html).not.toContain(name);

    const raw = await (await http.fetch(`/c/mingyue/board?${BOARD_DATA}`)).text();
    for (const word of ["userId", "resident2", "\"id\"", ...RESIDENT_NAMES]) expect(raw).not.toContain(word);
    const data = JSON.parse(raw) as { resolutions: { items: Array<{ topicTitle: string; objections: number; daysLeft: number; vote: { named: Array<{ name: string; choice: string }> } }> } };
    const mine = data.resolutions.items.find((i) => i.topicTitle === title)!;
    expect(mine).toMatchObject({ objections: 1, daysLeft: 15 });
    expect(mine.vote.named).toContainEqual({ name: "代表10", choice: "no", recordedBy: null });
  });

  it("lists the seeded meetings: the one to come with its agenda and hash, the one held with its results", async () => {
    const data = (await (await http.fetch(`/c/mingyue/board?${BOARD_DATA}`)).json()) as {
      meetings: { upcoming: Array<{ number: number; agenda: Array<{ topicTitle: string; sha256: string }> }>; recent: Array<{ number: number; agenda: Array<{ passed: boolean }> }> };
    };
    const parking = getDb().select({ id: topics.id }).from(topics).where(and(eq(topics.communityId, MINGYUE()), eq(topics.number, 5))).get()!;
    const frozen = getDb().$client.prepare("SELECT sha256 FROM draft_freezes WHERE topic_id = ?").get(parking.id) as { sha256: string };
    expect(data.meetings.upcoming.find((m) => m.number === 2)?.agenda).toEqual([expect.objectContaining({ topicTitle: "小区内部停车位重新划线", sha256: frozen.sha256 })]);
    expect(data.meetings.recent.find((m) => m.number === 1)?.agenda.map((a) => a.passed)).toEqual([true, true]);
  });
});

describe("a secret motion", () => {
  it("shows counts and how many voted, and links no person to a choice anywhere", async () => {
    const { topicId, motionId } = passedTopic({ secret: true });
    const title = getDb().select({ title: topics.title }).from(topics).where(eq(topics.id, topicId)).get()!.title;
    // Stored: who voted, never how; the ledger's ballot entries carry no choice either.
    const rows = getDb().select().from(ballots).where(eq(ballots.motionId, motionId)).all();
    expect(rows).toHaveLength(11);
    expect(rows.every((b) => b.choice === null)).toBe(true);
    const entries = getDb().select().from(ledgerEntries).where(and(eq(ledgerEntries.type, "ballot.cast"), eq(ledgerEntries.subject, `motion:${motionId}`))).all();
    expect(entries.every((e) => !("choice" in JSON.parse(e.payload)))).toBe(true);

    const html = await topicPage(topicId);
    const card = block(html, 'data-testid="decision"', 'data-testid="objections"');
    expect(card).toContain("无记名表决");
    expect(card).toContain("共 11 人投票");
    expect(card).toContain("同意 9 · 反对 1 · 弃权 1 · 未投票 3");
    expect(card).not.toContain("data-choice");
    for (let n = 1; n <= 14; n++) expect(card).not.toContain(`代表${String(n).padStart(2, "0")}`);
    const data = (await (await http.fetch(`/c/mingyue/topics/${topicId}?${TOPIC_DATA}`, { cookie: await as("resident1") })).json()) as { decision: { votes: Array<{ secret: boolean; named: unknown[] }> } };
    expect(data.decision.votes[0]).toMatchObject({ secret: true, named: [] });

    const board = await (await http.fetch("/c/mingyue/board")).text();
    const item = boardItem(board, title);
    expect(item).toContain("无记名表决");
    expect(item).not.toContain("data-choice");
    const boardData = (await (await http.fetch(`/c/mingyue/board?${BOARD_DATA}`)).json()) as { resolutions: { items: Array<{ topicTitle: string; vote: { named: unknown[]; secret: boolean } }> } };
    expect(boardData.resolutions.items.find((i) => i.topicTitle === title)?.vote).toMatchObject({ secret: true, named: [] });
  });
});

describe("objections during 公示", () => {
  it("a resident objects over HTTP; the committee is told; after the period an objection is refused and nothing is stored", async () => {
    const { topicId, resolutionId } = passedTopic();
    const res = await post("resident1", topicId, { intent: "object", body: "  长椅会占用消防通道。 " });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/c/mingyue/topics/${topicId}#decision`);
    expect(objectionsOf(resolutionId)).toMatchObject([{ body: "长椅会占用消防通道。", userId: userId("resident1"), answeredAt: null }]);
    const told = getDb().select().from(notifications).where(and(eq(notifications.userId, userId("committee1")), eq(notifications.kind, "objection.lodged"), eq(notifications.topicId, topicId))).all();
    expect(told).toHaveLength(1);
    const html = await topicPage(topicId, "committee2");
    expect(html).toContain("长椅会占用消防通道。");
    expect(html).toContain('data-testid="answer-form"');
    expect(html).toContain("异议成立:决议暂缓执行");
    expect(html).toContain("议题退回待列入下次居民代表会议议程");

    // An empty objection is a form error.
    expect((await post("resident1", topicId, { intent: "object", body: "   " })).status).toBe(400);

    shiftClock(15 * DAY_MS + 60_000);
    const late = await post("resident3", topicId, { intent: "object", body: "太晚了吗?" });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("公示期已结束,不能再提出异议。");
    expect(objectionsOf(resolutionId)).toHaveLength(1);
    // After the period the form is gone.
    expect(await topicPage(topicId, "resident3")).not.toContain('data-testid="object-form"');
  });

  it("the end of 公示 waits while an objection is open; answered (not upheld), the topic moves to execution", async () => {
    const { topicId, resolutionId } = passedTopic();
    expect((await post("rep12", topicId, { intent: "object", body: "预算没有写清楚。" })).status).toBe(302);
    const [objection] = objectionsOf(resolutionId);

    shiftClock(15 * DAY_MS + 60_000);
    runDueDeadlines();
    expect(topicState(topicId)).toBe("publicity");
    expect(resolutionRow(resolutionId).status).toBe("publicity");
    expect(await topicPage(topicId)).toContain("公示期已满,待居委会答复异议后生效");

    const answered = await post("committee1", topicId, { intent: "answerObjection", objectionId: String(objection.id), answer: "预算见方案第三节。", upheld: "no" });
    expect(answered.status).toBe(302);
    expect(answered.headers.get("location")).toBe(`/c/mingyue/topics/${topicId}#decision`);
    expect(topicState(topicId)).toBe("executing");
    expect(resolutionRow(resolutionId)).toMatchObject({ status: "effective" });
    expect(objectionsOf(resolutionId)[0]).toMatchObject({ answer: "预算见方案第三节。", upheld: false, answeredBy: userId("committee1") });
    const html = await topicPage(topicId);
    expect(html).toContain("已生效");
    expect(html).toContain("异议不成立");
    expect(html).toContain("预算见方案第三节。");
    const told = getDb().select().from(notifications).where(and(eq(notifications.userId, userId("rep12")), eq(notifications.kind, "objection.answered"))).all();
    expect(told).toHaveLength(1);
    expect(verifyLedger({ communityId: MINGYUE() }).ok).toBe(true);
  });

  it("without objections the end of 公示 makes the resolution effective and moves the topic on", async () => {
    const { topicId, resolutionId } = passedTopic();
    shiftClock(14 * DAY_MS);
    runDueDeadlines();
    expect(topicState(topicId)).toBe("publicity");
    shiftClock(DAY_MS + 60_000);
    runDueDeadlines();
    expect(topicState(topicId)).toBe("executing");
    expect(resolutionRow(resolutionId).status).toBe("effective");
  });

  // The committee never revokes the meeting's resolution: upheld, it is suspended and goes back before the meeting (suspend-correct.test.ts follows it through).
  it("upheld, the resolution is suspended and the topic goes back to wait for a meeting's agenda", async () => {
    const { topicId, resolutionId } = passedTopic();
    expect((await post("resident3", topicId, { intent: "object", body: "表决前没有征求三楼住户意见。" })).status).toBe(302);
    const [objection] = objectionsOf(resolutionId);
    const res = await post("committee2", topicId, { intent: "answerObjection", objectionId: String(objection.id), answer: "情况属实,重新征求意见。", upheld: "yes" });
    expect(res.status).toBe(302);
    expect(resolutionRow(resolutionId).status).toBe("suspended");
    expect(topicState(topicId)).toBe("onAgenda");
    const html = await topicPage(topicId);
    expect(html).toContain("暂缓执行(提交居民代表会议复议)");
    expect(html).toContain("异议成立,决议暂缓执行");
    expect(html).not.toContain('data-testid="object-form"');
    const board = await (await http.fetch("/c/mingyue/board")).text();
    expect(board).toContain('data-status="suspended"');
  });

  it("a resident cannot answer; bad or foreign objection ids are 400 or 404, never 500, and change nothing", async () => {
    const { topicId, resolutionId } = passedTopic();
    expect((await post("resident1", topicId, { intent: "object", body: "请说明施工时间。" })).status).toBe(302);
    const [objection] = objectionsOf(resolutionId);
    const answer = (username: string, objectionId: string, extra: Record<string, string> = {}) =>
      post(username, topicId, { intent: "answerObjection", objectionId, answer: "答复", upheld: "no", ...extra });

    const refused = await answer("resident2", String(objection.id));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("您的身份不能进行此操作。");
    for (const [id, status] of [
      ["abc", 400],
      ["-1", 400],
      ["1.5", 400],
      ["", 400],
      ["99999999999999999999", 400],
      ["999999", 404],
    ] as const) {
      expect((await answer("committee1", id)).status, id).toBe(status);
    }
    // An objection to another topic's resolution is not found from this topic.
    const other = passedTopic();
    expect((await post("resident1", other.topicId, { intent: "object", body: "另一条异议" })).status).toBe(302);
    const [foreign] = objectionsOf(other.resolutionId);
    const misplaced = await answer("committee1", String(foreign.id));
    expect(misplaced.status).toBe(404);
    expect(await misplaced.text()).toContain("找不到这条异议");
    // A finding that is neither yes nor no is a form error.
    expect((await answer("committee1", String(objection.id), { upheld: "maybe" })).status).toBe(400);
    expect(objectionsOf(resolutionId)[0].answeredAt).toBeNull();
    expect(objectionsOf(other.resolutionId)[0].answeredAt).toBeNull();
    expect(topicState(topicId)).toBe("publicity");

    // Answered (not upheld) during the period: the resolution waits for the period's end; a second answer is refused.
    expect((await answer("committee1", String(objection.id))).status).toBe(302);
    expect(topicState(topicId)).toBe("publicity");
    const again = await answer("committee2", String(objection.id), { upheld: "yes" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("这条异议已经答复过了。");
    expect(resolutionRow(resolutionId).status).toBe("publicity");
  });

  it("an objection to a topic without a resolution in 公示 is refused", async () => {
    const { topicId } = tabledTopic();
    const res = await post("resident1", topicId, { intent: "object", body: "还没有决议" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("公示期已结束");
  });
});

describe("notifications about meetings and objections", () => {
  it("are written in words, with links to the meeting or the topic's decision", async () => {
    const { meetingId, topicId, resolutionId } = passedTopic();
    expect((await post("rep14", topicId, { intent: "object", body: "希望增加无障碍设计。" })).status).toBe(302);
    const [objection] = objectionsOf(resolutionId);
    expect((await post("committee1", topicId, { intent: "answerObjection", objectionId: String(objection.id), answer: "已采纳到实施细则。", upheld: "no" })).status).toBe(302);

    const html = await (await http.fetch("/notifications", { cookie: await as("rep14") })).text();
    expect(html).toMatch(/第\d+次居民代表会议「测试代表会议」定于 .+ 在 活动室 召开。/);
    expect(html).toContain(`href="/c/mingyue/meetings/${meetingId}"`);
    expect(html).toMatch(/您对议题 #\d+「协商测试议题 \d+」决议的异议已答复:异议不成立。/);
    expect(html).toContain(`href="/c/mingyue/topics/${topicId}#decision"`);

    const committee = await (await http.fetch("/notifications", { cookie: await as("committee2") })).text();
    expect(committee).toMatch(/议题 #\d+「协商测试议题 \d+」的决议在公示期内收到一条异议,请居委会答复。/);
  });
});
