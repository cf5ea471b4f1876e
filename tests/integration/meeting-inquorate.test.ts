// Issue 15's meeting rules over real HTTP: 流会 (a session that never reached its quorum) and the
// motions a meeting's end leaves unvoted (lapsed, tabled again later), the recorded early start, the
// confirm ticks of 散会 / 结束表决 / a ballot, and meetings whose time passed without opening.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { ballots, ledgerEntries, meetings, motions, topics } from "../../db/schema";
import { resetClock, shiftClock, DAY_MS } from "~/models/clock.server";
import { createInvite } from "~/models/invite.server";
import { verifyLedger } from "~/models/ledger.server";
import { listTableableTopics } from "~/models/meeting-list.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { checkIn } from "~/models/meeting-attendance.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { startMeeting } from "~/models/meeting-session.server";
import { agendaTopic, convener, must, openMotion } from "./support/meeting";
import { communityId, userId } from "./support/db";
import { signedIn, useServer } from "./support/http";

const http = useServer();
const as = signedIn(http);
afterEach(() => resetClock());

const REPS = Array.from({ length: 15 }, (_, i) => `rep${String(i + 1).padStart(2, "0")}`);
const post = async (path: string, username: string, form: Record<string, string>) => http.fetch(path, { cookie: await as(username), form });
const html = async (path: string, username = "convener1") => (await http.fetch(path, { cookie: await as(username) })).text();
const meetingRow = (id: number) => getDb().select().from(meetings).where(eq(meetings.id, id)).get()!;
const motionStatus = (id: number) => getDb().select({ status: motions.status }).from(motions).where(eq(motions.id, id)).get()!.status;
const entries = (type: string, id: number) => getDb().select().from(ledgerEntries).where(and(eq(ledgerEntries.type, type), eq(ledgerEntries.subject, `meeting:${id}`))).all();

/** A meeting of mingyue on a fresh topic, `days` ahead, started (early, confirmed) with the first `present` representatives checked in. */
function sitting(present: number, days = 7) {
  const topicId = agendaTopic();
  const { id } = must(scheduleMeeting({ ...convener(), title: "流会测试会议", place: "社区议事厅", scheduledAt: new Date(Date.now() + days * DAY_MS), requestId: null, acceptShortNotice: true }));
  const { id: motionId } = must(tableMotion({ ...convener(), meetingId: id, topicId, secret: false, onFail: "close" }));
  must(startMeeting({ ...convener(), meetingId: id, early: true }));
  for (const rep of REPS.slice(0, present)) must(checkIn({ communityId: communityId("mingyue"), userId: userId(rep), roles: ["representative"], meetingId: id }));
  return { id, topicId, motionId, path: `/c/mingyue/meetings/${id}` };
}

describe("流会", () => {
  it("ends a session that never reached its quorum as inquorate: the motion lapses, the topic is tabled again and voted", async () => {
    const m = sitting(3);
    // Without the tick, 散会 is refused in words and nothing changes.
    const unticked = await post(m.path, "convener1", { intent: "end" });
    expect(unticked.status).toBe(400);
    expect(await unticked.text()).toContain("这一步做了就不能撤回,请勾选确认后再提交。");
    expect(meetingRow(m.id).status).toBe("inSession");

    expect((await post(m.path, "convener1", { intent: "end", confirm: "on" })).status).toBe(302);
    expect(meetingRow(m.id).status).toBe("inquorate");
    expect(motionStatus(m.motionId)).toBe("lapsed");
    expect(entries("meeting.ended", m.id)).toHaveLength(0);
    const [entry] = entries("meeting.inquorate", m.id);
    expect(JSON.parse(entry.payload)).toMatchObject({ present: 3, members: 20, lapsed: [m.motionId] });
    expect(verifyLedger({ communityId: communityId("mingyue") })).toMatchObject({ ok: true });
    // The topic still waits for the vote and is free for another agenda.
    expect(getDb().select({ state: topics.state }).from(topics).where(eq(topics.id, m.topicId)).get()!.state).toBe("onAgenda");
    expect(listTableableTopics({ communityId: communityId("mingyue") }).map((t) => t.id)).toContain(m.topicId);

    // Shown as 流会: the meeting page, the minutes (未付表决, never 表决尚未结束), the list, the board, the screen, the topic's timeline.
    const pageHtml = await html(m.path);
    expect(pageHtml).toContain("流会:到会人数始终未达到议事规则规定的法定人数");
    expect(pageHtml).toContain("未付表决");
    const minutes = await html(`${m.path}/minutes`);
    expect(minutes).toContain("流会(未达法定人数)");
    expect(minutes).toContain("未付表决:会议结束时本事项尚未表决");
    expect(minutes).not.toContain("表决尚未结束");
    expect(await html("/c/mingyue/meetings")).toContain("流会");
    const board = await (await http.fetch("/c/mingyue/board")).text();
    expect(board).toMatch(/data-kind="recent" data-status="inquorate"/);
    expect(board).toContain("流会(未达法定人数,未表决)");
    expect(await (await http.fetch(`${m.path}/screen`)).text()).toContain("流会:未达法定人数,本次会议未进行表决。");
    const tp = await html(`/c/mingyue/topics/${m.topicId}`);
    expect(tp).toMatch(/第\d+次居民代表会议流会\(未达法定人数\),未付表决,议题仍待表决/);
    // No longer shown as tabled for that meeting: a lapsed motion holds no agenda.
    expect(tp).not.toContain('data-testid="decision-tabled"');

    // Tabled on a later meeting, it is voted on there.
    const { id: later } = must(scheduleMeeting({ ...convener(), title: "下一次会议", place: "社区议事厅", scheduledAt: new Date(Date.now() + 9 * DAY_MS), requestId: null, acceptShortNotice: true }));
    const tabled = await post(`/c/mingyue/meetings/${later}`, "convener1", { intent: "table", topicId: String(m.topicId), onFail: "close" });
    expect(tabled.status).toBe(302);
    const again = getDb().select().from(motions).where(and(eq(motions.meetingId, later), eq(motions.topicId, m.topicId))).get()!;
    must(startMeeting({ ...convener(), meetingId: later, early: true }));
    for (const rep of REPS.slice(0, 14)) must(checkIn({ communityId: communityId("mingyue"), userId: userId(rep), roles: ["representative"], meetingId: later }));
    openMotion(later, again.id);
    for (const rep of REPS.slice(0, 8)) expect((await post(`/c/mingyue/meetings/${later}`, rep, { intent: "vote", motionId: String(again.id), choice: "yes", confirm: "on" })).status).toBe(302);
    expect((await post(`/c/mingyue/meetings/${later}`, "convener1", { intent: "close", motionId: String(again.id), confirm: "on" })).status).toBe(302);
    expect(getDb().select({ passed: motions.passed }).from(motions).where(eq(motions.id, again.id)).get()!.passed).toBe(true);
    expect(getDb().select({ state: topics.state }).from(topics).where(eq(topics.id, m.topicId)).get()!.state).toBe("publicity");
  });

  it("ends a session that had its quorum as ended, its unvoted motions lapsed; the minutes never say 表决尚未结束", async () => {
    const m = sitting(14);
    expect((await post(m.path, "convener1", { intent: "end", confirm: "on" })).status).toBe(302);
    expect(meetingRow(m.id).status).toBe("ended");
    expect(motionStatus(m.motionId)).toBe("lapsed");
    expect(JSON.parse(entries("meeting.ended", m.id)[0].payload)).toMatchObject({ present: 14, lapsed: [m.motionId] });
    expect(verifyLedger({ communityId: communityId("mingyue") })).toMatchObject({ ok: true });
    const minutes = await html(`${m.path}/minutes`);
    expect(minutes).toContain("已散会");
    expect(minutes).not.toContain("表决尚未结束");
    expect(await html(m.path)).toContain("散会时还有 1 项表决事项未付表决");
  });

  it("says 流会 in English too", async () => {
    const m = sitting(0);
    expect((await post(m.path, "convener1", { intent: "end", confirm: "on" })).status).toBe(302);
    const english = await http.english();
    const page = await (await http.fetch(m.path, { cookie: `${await as("convener1")}; ${english}` })).text();
    expect(page).toContain("Lapsed without a quorum (流会)");
  });
});

describe("confirm ticks", () => {
  it("refuses 结束表决 and a ballot without the ticked box, with the reason in words", async () => {
    const m = sitting(14);
    openMotion(m.id, m.motionId);
    const ballot = await post(m.path, "rep01", { intent: "vote", motionId: String(m.motionId), choice: "yes" });
    expect(ballot.status).toBe(400);
    expect(await ballot.text()).toContain("请勾选确认后再提交");
    expect(getDb().select().from(ballots).where(eq(ballots.motionId, m.motionId)).all()).toHaveLength(0);
    // The page's ballot form carries the box.
    expect(await html(m.path, "rep02")).toContain("我确认:这一票提交后不能更改");
    expect((await post(m.path, "rep01", { intent: "vote", motionId: String(m.motionId), choice: "yes", confirm: "on" })).status).toBe(302);
    const close = await post(m.path, "convener1", { intent: "close", motionId: String(m.motionId) });
    expect(close.status).toBe(400);
    expect(motionStatus(m.motionId)).toBe("voting");
    expect(await html(m.path)).toContain("确认结束表决");
    expect((await post(m.path, "convener1", { intent: "close", motionId: String(m.motionId), confirm: "on" })).status).toBe(302);
    expect(motionStatus(m.motionId)).toBe("closed");
  });
});

describe("starting before the announced time", () => {
  function scheduled(days: number) {
    const topicId = agendaTopic();
    const { id } = must(scheduleMeeting({ ...convener(), title: "提前开会测试", place: "社区议事厅", scheduledAt: new Date(Date.now() + days * DAY_MS), requestId: null, acceptShortNotice: true }));
    must(tableMotion({ ...convener(), meetingId: id, topicId, secret: false, onFail: "close" }));
    return { id, path: `/c/mingyue/meetings/${id}` };
  }

  it("asks for the confirmation, records it and says so on the page and in the minutes", async () => {
    const m = scheduled(2);
    expect(await html(m.path)).toContain("会议提前于公告时间开始");
    const refused = await post(m.path, "convener1", { intent: "start" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("还没到公告的开会时间");
    expect(meetingRow(m.id).status).toBe("scheduled");
    expect((await post(m.path, "convener1", { intent: "start", early: "on" })).status).toBe(302);
    expect(meetingRow(m.id)).toMatchObject({ status: "inSession", startedEarly: true });
    expect(JSON.parse(entries("meeting.started", m.id)[0].payload)).toMatchObject({ early: true });
    expect(await html(m.path)).toContain("提前开会(召集人已确认)");
    expect(await html(`${m.path}/minutes`)).toContain("提前开会(召集人已确认)");
    expect(verifyLedger({ communityId: communityId("mingyue") })).toMatchObject({ ok: true });
  });

  it("starts without it once the announced time has come (server clock), and records no early start", async () => {
    const m = scheduled(1);
    shiftClock(DAY_MS + 60_000);
    expect(await html(m.path)).not.toContain("会议提前于公告时间开始");
    expect((await post(m.path, "convener1", { intent: "start" })).status).toBe(302);
    expect(meetingRow(m.id)).toMatchObject({ status: "inSession", startedEarly: false });
    expect(JSON.parse(entries("meeting.started", m.id)[0].payload).early).toBeUndefined();
  });
});

describe("a meeting whose time passed without opening", () => {
  it("is not listed under 即将召开 nor on the board, but as 已过期未召开 for the convener to open or call off", async () => {
    const topicId = agendaTopic();
    const { id } = must(scheduleMeeting({ ...convener(), title: "过期未开的会议", place: "社区议事厅", scheduledAt: new Date(Date.now() + DAY_MS), requestId: null, acceptShortNotice: true }));
    must(tableMotion({ ...convener(), meetingId: id, topicId, secret: false, onFail: "close" }));
    expect(await html("/c/mingyue/meetings")).not.toContain('data-testid="overdue-meetings"');
    shiftClock(2 * DAY_MS);
    const list = await html("/c/mingyue/meetings");
    const overdue = list.slice(list.indexOf('data-testid="overdue-meetings"'));
    expect(list.indexOf('data-testid="overdue-meetings"')).toBeGreaterThan(-1);
    expect(overdue.slice(0, overdue.indexOf("</ul>"))).toContain("过期未开的会议");
    const upcoming = list.slice(list.indexOf("即将召开"), list.indexOf("已过期未召开"));
    expect(upcoming).not.toContain("过期未开的会议");
    expect(await (await http.fetch("/c/mingyue/board")).text()).not.toContain("过期未开的会议");
    // The convener can still open it (no early confirmation: its time has come) or call it off.
    const page = await html(`/c/mingyue/meetings/${id}`);
    expect(page).toContain('data-testid="start"');
    expect(page).toContain("已过期未召开");
  });
});

describe("wording", () => {
  it("names the convener once in the minutes, and separates a role from an invite code's tail", async () => {
    const m = sitting(0);
    const minutes = await html(`${m.path}/minutes`);
    expect(minutes).toMatch(/<dt[^>]*>召集人<\/dt><dd data-testid="minutes-convener">周强<\/dd>/);
    expect(minutes).not.toContain("召集人 召集人");
    const { code } = createInvite({ communityId: communityId("mingyue"), role: "convener", maxUses: 1, expiresInDays: 7, note: "", createdBy: userId("street1") });
    const page = await html("/s/huacheng/invites", "street1");
    expect(page).toContain(`召集人<span class="font-mono text-xs text-stone-500" data-testid="invite-code-tail"> · <!-- -->尾号 ${code.slice(-4)}`);
    expect(page).not.toContain("召集人尾号");
  });

  it("titles the meetings pages with the community's own meeting, in the reader's language", async () => {
    const m = sitting(0);
    const title = (page: string) => /<title>([^<]*)<\/title>/.exec(page)![1];
    expect(title(await html("/c/mingyue/meetings"))).toBe("居民代表会议 · 明月社区 · 议事厅");
    expect(title(await html(m.path))).toMatch(/^流会测试会议 · 第\d+次居民代表会议 · 议事厅$/);
    expect(title(await html("/c/shiliu/meetings", "vconvener1"))).toBe("村民代表会议 · 石榴村 · 议事厅");
    const english = await http.english();
    const en = await (await http.fetch(`${m.path}/minutes`, { cookie: `${await as("convener1")}; ${english}` })).text();
    expect(title(en).replaceAll("&#x27;", "'")).toMatch(/^Residents' representatives' meeting no\. \d+ · Minutes · 流会测试会议 · Yishiting$/);
  });
});
