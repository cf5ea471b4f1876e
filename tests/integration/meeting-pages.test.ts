// The meetings list and one meeting's page over real HTTP: who sees which controls, ids that are not
// this community's meeting give 404, the short-notice confirmation round trip, refusals translated on
// the page, garbage posts answered with 400 (never 500), and the result's arithmetic once closed.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { meetings } from "../../db/schema";
import { closeVote, openVote } from "~/models/ballot.server";
import { freezeDraft } from "~/models/freeze.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { checkIn } from "~/models/meeting-attendance.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { startMeeting } from "~/models/meeting-session.server";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";

const http = useServer();
const cookies = new Map<string, string>();
async function as(username: string) {
  if (!cookies.has(username)) cookies.set(username, await http.login(username));
  return cookies.get(username)!;
}
const page = async (path: string, username: string, extraCookie = "") => {
  const res = await http.fetch(path, { cookie: `${await as(username)}${extraCookie ? `; ${extraCookie}` : ""}` });
  return { status: res.status, html: await res.text() };
};
const post = async (path: string, username: string, form: Record<string, string>) => http.fetch(path, { cookie: await as(username), form });

const MINGYUE = () => communityId("mingyue");
const convener = () => ({ communityId: MINGYUE(), userId: userId("convener1"), roles: ["convener", "committee"] as const });
const REPS = Array.from({ length: 15 }, (_, i) => `rep${String(i + 1).padStart(2, "0")}`);
/** China time "YYYY-MM-DDTHH:MM", `days` from now, as a datetime-local input sends it. */
const localAhead = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);

/** A topic of our own, frozen and waiting for the vote. */
function agendaTopic(text: string) {
  const { id } = consultingTopic({ text });
  const frozen = freezeDraft({ communityId: MINGYUE(), topicId: id, userId: userId("committee1"), roles: ["committee"] });
  if (!frozen.ok || frozen.to !== "onAgenda") throw new Error(`freeze failed: ${JSON.stringify(frozen)}`);
  return id;
}

/** A scheduled meeting ten days ahead with one motion on `topicId`. */
function meetingWith(topicId: number, { secret = false } = {}) {
  const m = scheduleMeeting({ ...convener(), title: "第三季度居民代表会议", place: "社区议事厅", scheduledAt: new Date(Date.now() + 10 * 86_400_000), requestId: null, acceptShortNotice: false });
  if (!m.ok) throw new Error(m.problem);
  const motion = tableMotion({ ...convener(), meetingId: m.id, topicId, secret, onFail: "revise" });
  if (!motion.ok) throw new Error(motion.problem);
  return { meetingId: m.id, motionId: motion.id };
}

/** Starts the meeting and checks in the first `present` representatives: themselves, or those in `registered` by the convener from the roster. */
function inSession(meetingId: number, present: number, registered: readonly string[] = []) {
  const started = startMeeting({ early: true, ...convener(), meetingId });
  if (!started.ok) throw new Error(started.problem);
  for (const rep of REPS.slice(0, present)) {
    const r = registered.includes(rep)
      ? checkIn({ ...convener(), meetingId, forUserId: userId(rep) })
      : checkIn({ communityId: MINGYUE(), userId: userId(rep), roles: ["representative", "resident"], meetingId });
    if (!r.ok) throw new Error(r.problem);
  }
}

describe("the meetings list", () => {
  it("shows every member the list; the convener the schedule form, representatives the request form", async () => {
    const topicId = agendaTopic("列表页测试");
    meetingWith(topicId);
    const resident = await page("/c/mingyue/meetings", "resident1");
    expect(resident.status).toBe(200);
    expect(resident.html).toContain("第三季度居民代表会议");
    expect(resident.html).toContain('href="/c/mingyue/meetings"'); // the community navigation
    expect(resident.html).not.toContain('data-testid="schedule-form"');
    expect(resident.html).not.toContain('data-testid="request-form"');
    const conv = await page("/c/mingyue/meetings", "convener1");
    expect(conv.html).toContain('data-testid="schedule-form"');
    expect(conv.html).toContain("议事规则要求至少提前 5 天通知全体代表。");
    const rep = await page("/c/mingyue/meetings", "rep01");
    expect(rep.html).toContain('data-testid="request-form"');
    expect(rep.html).not.toContain('data-testid="schedule-form"');
    expect((await page("/c/mingyue/meetings", "villager1")).status).toBe(404);
  });

  it("refuses a short notice with the warning and a checkbox; with the checkbox ticked it schedules", async () => {
    const form = { intent: "schedule", title: "临时代表会议", place: "社区议事厅", scheduledAt: localAhead(1) };
    const refused = await post("/c/mingyue/meetings", "convener1", form);
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain("距开会不足议事规则要求的通知天数");
    expect(html).toContain('name="acceptShortNotice"');
    expect(html).toContain('value="临时代表会议"'); // what was typed comes back
    expect(getDb().select().from(meetings).where(eq(meetings.title, "临时代表会议")).all()).toHaveLength(0);
    const accepted = await post("/c/mingyue/meetings", "convener1", { ...form, acceptShortNotice: "on" });
    expect(accepted.status).toBe(302);
    const location = accepted.headers.get("location")!;
    expect(location).toMatch(/^\/c\/mingyue\/meetings\/\d+$/);
    const meetingPage = await page(location, "rep02");
    expect(meetingPage.status).toBe(200);
    expect(meetingPage.html).toContain("通知期不足");
    expect(meetingPage.html).toContain("临时代表会议");
  });

  it("shows field errors by the field, and a representative's request with its signatures", async () => {
    const invalid = await post("/c/mingyue/meetings", "convener1", { intent: "schedule", title: "", place: "议事厅", scheduledAt: "明天" });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain("请填写会议的日期和时间。");
    const asked = await post("/c/mingyue/meetings", "rep03", { intent: "request", reason: "小区停车问题需尽快商议" });
    expect(asked.status).toBe(302);
    const list = await page("/c/mingyue/meetings", "rep04");
    expect(list.html).toContain("小区停车问题需尽快商议");
    expect(list.html).toContain("1 / 3 名代表联名,法定比例 1/5");
    expect(list.html).toMatch(/name="intent" value="sign"/);
  });

  it("answers a post with a garbage or missing intent with 400", async () => {
    for (const form of [{ intent: "drop table" }, {}, { intent: "vote" }] as Array<Record<string, string>>) {
      expect((await post("/c/mingyue/meetings", "convener1", form)).status).toBe(400);
    }
  });
});

describe("one meeting's page", () => {
  it("before the meeting: the convener tables and starts, others read the agenda with its hash and rule", async () => {
    const topicId = agendaTopic("会前议程测试");
    const { meetingId } = meetingWith(topicId);
    const path = `/c/mingyue/meetings/${meetingId}`;
    const conv = await page(path, "convener1");
    expect(conv.status).toBe(200);
    for (const testId of ["table-form", "start", "withdrawMotion", "screen-link", "minutes-link"]) expect(conv.html).toContain(`data-testid="${testId}"`);
    const resident = await page(path, "resident1");
    expect(resident.status).toBe(200);
    expect(resident.html).toContain("同意票须超过到会人数的二分之一");
    expect(resident.html).toContain("到会人数须达到组成人员的三分之二以上");
    // The roster's make-up, and the law's four fifths it misses (5 + 15: representatives are 3/4).
    expect(resident.html).toContain("组成人员 20 人:居委会成员 5 人,居民代表 15 人");
    expect(resident.html).toContain("代表不足组成人员的五分之四(居委会组织法第二十八条)");
    const list = await page("/c/mingyue/meetings", "convener1");
    expect(list.html).toContain("组成人员 20 人:居委会成员 5 人,居民代表 15 人");
    expect(resident.html).toContain("《中华人民共和国城市居民委员会组织法》");
    expect(resident.html).toMatch(/data-testid="motion-sha256">[0-9a-f]{64}</);
    for (const testId of ["table-form", "start", "check-in", "ballot-form"]) expect(resident.html).not.toContain(`data-testid="${testId}"`);
  });

  it("in session: representatives check in and vote, a resident sees no vote buttons, the convener records hand votes", async () => {
    const topicId = agendaTopic("会中表决测试");
    const { meetingId, motionId } = meetingWith(topicId);
    // rep02–rep06 are in the room without phones: the convener registers them and records their hand votes.
    inSession(meetingId, 13, ["rep02", "rep03", "rep04", "rep05", "rep06"]);
    const path = `/c/mingyue/meetings/${meetingId}`;
    const notYet = await page(path, "rep14");
    expect(notYet.html).toContain('data-testid="check-in"');
    // 13 of 组成人员 20 is under two thirds: opening the vote is refused with the translated reason.
    expect(notYet.html).toContain("需至少 14 人到会(组成人员 20 人的三分之二)");
    const early = await post(path, "convener1", { intent: "open", motionId: String(motionId) });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("到会人数未达到议事规则规定的法定人数,不能开始表决。");
    expect((await post(path, "rep14", { intent: "checkIn" })).status).toBe(302);
    expect((await page(path, "rep14")).html).toContain('data-testid="checked-in"');
    expect((await post(path, "convener1", { intent: "open", motionId: String(motionId) })).status).toBe(302);

    const rep = await page(path, "rep01");
    expect(rep.html).toContain('data-testid="ballot-form"');
    expect(rep.html).toContain("已投 0 / 到会 14");
    const resident = await page(path, "resident1");
    expect(resident.html).not.toContain('data-testid="ballot-form"');
    expect(resident.html).not.toContain('data-testid="check-in"');
    const absent = await page(path, "rep15");
    expect(absent.html).not.toContain('data-testid="ballot-form"');
    expect(absent.html).toContain("请先签到,再参加表决。");
    const conv = await page(path, "convener1");
    for (const testId of ["roster", "proxy-form", "close", "end"]) expect(conv.html).toContain(`data-testid="${testId}"`);

    const voted = await post(path, "rep01", { intent: "vote", motionId: String(motionId), choice: "yes", confirm: "on" });
    expect(voted.status).toBe(302);
    expect(voted.headers.get("location")).toBe(`${path}?voted=${motionId}#motion-${motionId}`);
    const after = await page(`${path}?voted=${motionId}`, "rep01");
    expect(after.html).toContain("投票已记录。");
    expect(after.html).toContain("您已投票:同意");
    expect(after.html).not.toContain('data-testid="ballot-form"');
    const again = await post(path, "rep01", { intent: "vote", motionId: String(motionId), choice: "no", confirm: "on" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("您已对该事项投过票");
    expect((await post(path, "rep02", { intent: "vote", motionId: String(motionId), choice: "maybe", confirm: "on" })).status).toBe(400);
    for (const r of ["rep07", "rep08", "rep09"]) expect((await post(path, r, { intent: "vote", motionId: String(motionId), choice: "yes", confirm: "on" })).status).toBe(302);

    // Hand votes recorded by the convener; then the close and the arithmetic.
    for (const [rep, choice] of [["rep02", "yes"], ["rep03", "yes"], ["rep04", "yes"], ["rep05", "yes"], ["rep06", "no"]] as const) {
      expect((await post(path, "convener1", { intent: "vote", motionId: String(motionId), choice, forUserId: String(userId(rep)), confirm: "on" })).status).toBe(302);
    }
    expect((await post(path, "convener1", { intent: "close", motionId: String(motionId), confirm: "on" })).status).toBe(302);
    const closed = await page(path, "resident2");
    expect(closed.html).toContain("到会 14 人,同意 8 人,需至少 8 人同意(到会 14 人的过半数) —— 通过");
    expect(closed.html).not.toMatch(/需超过|\d\.\d+ 人/);
    expect(closed.html).toContain("由 召集人 周强 代为记录");
    expect(closed.html).toMatch(/data-testid="count-notVoting">5</);
    // The basis frozen when the vote opened, with the articles' text.
    expect(closed.html).toContain('data-testid="frozen-basis"');
    expect(closed.html).toContain("居委会组织法第二十九条");
    const english = await page(path, "resident2", await http.english());
    expect(english.html).toContain("8 of 14 present agreed; needed at least 8 in favour (more than half of the 14 present) — passed");
    expect(english.html).toContain("Organic Law of Urban Residents");
  });

  it("a secret motion never shows anyone's choice; a 居委会 member checks in and votes; a supervisor attends (列席) uncounted", async () => {
    const topicId = agendaTopic("不记名表决测试");
    const { meetingId, motionId } = meetingWith(topicId, { secret: true });
    inSession(meetingId, 13);
    const path = `/c/mingyue/meetings/${meetingId}`;
    const supervisor = await page(path, "supervisor1");
    expect(supervisor.html).toContain('data-testid="observe"');
    expect((await post(path, "supervisor1", { intent: "observe" })).status).toBe(302);
    const observed = await page(path, "rep01");
    expect(observed.html).toContain("列席(1 人,不计入到会人数):监督委员 吴静");
    expect(observed.html).toMatch(/data-testid="present">13</);
    expect((await post(path, "supervisor1", { intent: "observe" })).status).toBe(409);
    expect((await post(path, "rep01", { intent: "observe" })).status).toBe(403);
    expect(openVote({ ...convener(), meetingId, motionId })).toEqual({ ok: false, problem: "quorumNotMet" });
    const member = await page(path, "cmember1");
    expect(member.html).toContain('data-testid="check-in"');
    expect((await post(path, "cmember1", { intent: "checkIn" })).status).toBe(302);
    expect(openVote({ ...convener(), meetingId, motionId }).ok).toBe(true);
    expect((await page(path, "cmember1")).html).toContain('data-testid="ballot-form"');
    expect((await post(path, "cmember1", { intent: "vote", motionId: String(motionId), choice: "yes", confirm: "on" })).status).toBe(302);
    expect((await post(path, "rep01", { intent: "vote", motionId: String(motionId), choice: "no", confirm: "on" })).status).toBe(302);
    const mine = await page(path, "rep01");
    expect(mine.html).toContain("您已投票");
    expect(mine.html).not.toContain("您已投票:");
    expect(closeVote({ ...convener(), meetingId, motionId }).ok).toBe(true);
    const closed = await page(path, "rep01");
    expect(closed.html).toContain("无记名表决:只公布票数。");
    expect(closed.html).not.toContain('data-testid="named-ballots"');
    expect(closed.html).toContain("到会 14 人,同意 1 人,需至少 8 人同意(到会 14 人的过半数) —— 未通过");
    const minutes = await page(`${path}/minutes`, "resident1");
    expect(minutes.html).toContain("列席人员(不计入到会人数)");
    expect(minutes.html).toContain("监督委员 吴静(监督委员");
    expect(minutes.html).toContain("组成人员 20 人:居委会成员 5 人,居民代表 15 人");
  });

  it("gives 404 for ids that are not a meeting of this community, on reads and posts", async () => {
    const topicId = agendaTopic("404测试");
    const { meetingId } = meetingWith(topicId);
    for (const id of ["abc", "0", "-1", "1e3", "99999999999999999999", "999999999999", `${meetingId}.0`]) {
      expect((await page(`/c/mingyue/meetings/${id}`, "resident1")).status, id).toBe(404);
    }
    expect((await page(`/c/shiliu/meetings/${meetingId}`, "villager1")).status).toBe(404);
    expect((await page(`/c/shiliu/meetings/${meetingId}`, "street1")).status).toBe(404);
    expect((await http.fetch(`/c/shiliu/meetings/${meetingId}`, { cookie: await as("vcommittee1"), form: { intent: "checkIn" } })).status).toBe(404);
    expect((await http.fetch(`/c/shiliu/meetings/${meetingId}`, { cookie: await as("vcommittee1"), form: { intent: "garbage" } })).status).toBe(404);
    for (const id of ["abc", "999999999999", String(meetingId + 1000)]) {
      expect((await post(`/c/mingyue/meetings/${id}`, "convener1", { intent: "start" })).status, id).toBe(404);
    }
  });

  it("answers garbage posts with 400 and refusals with a translated problem, never 500", async () => {
    const topicId = agendaTopic("异常提交测试");
    const { meetingId } = meetingWith(topicId);
    const path = `/c/mingyue/meetings/${meetingId}`;
    for (const form of [{ intent: "explode" }, {}, { intent: "open", motionId: "x" }, { intent: "vote", motionId: "1", choice: "yes", forUserId: "-5" }, { intent: "cancel", reason: "" }] as Array<Record<string, string>>) {
      expect((await post(path, "convener1", form)).status, JSON.stringify(form)).toBe(400);
    }
    const resident = await post(path, "resident1", { intent: "start" });
    expect(resident.status).toBe(403);
    expect(await resident.text()).toContain("您的身份不能进行此操作。");
    const notOpen = await post(path, "rep01", { intent: "checkIn" });
    expect(notOpen.status).toBe(409);
    expect(await notOpen.text()).toContain("会议当前的状态不允许此操作");
  });
});
