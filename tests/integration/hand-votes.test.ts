// Hand votes and the roster, over real HTTP against the real server (issue 13, item 4): the convener
// records a hand vote only for a representative the convener registered as present (no device of
// their own), never on a secret motion; the representative is told, on the meeting page and by a
// notification; a representative whose role the street admin revokes mid-meeting leaves the roster
// (not a member, not present, cannot be checked in, voted for or offered), while the ballot they
// cast before stays and counts them present for that motion.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { meetingAttendance, meetings, notifications } from "../../db/schema";
import zh from "~/i18n/zh-CN/meetings";
import { verifyLedger } from "~/models/ledger.server";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";
import { addMembers, ballotRows, closeMotion, ledgerCount, motionRow, openMotion, person, startedMeeting, type Person, type StartedMeeting } from "./support/meeting";

const http = useServer();
const problems = zh.meetings.problems;

let reps: Person[];
let convener: Person;
let street: Person;
beforeAll(() => {
  // 20 demo 组成人员 (five 居委会 members, 15 representatives) and 34 of our own: 54 members; our 34
  // and the two the convener registers make 36, the quorum (two thirds).
  reps = addMembers(34);
  convener = person("convener1");
  street = person("street1");
});

const post = (who: Person, m: StartedMeeting, form: Record<string, string>) => http.fetch(m.path, { cookie: who.cookie, form });
const page = async (who: Person, path: string) => (await http.fetch(path, { cookie: who.cookie })).text();
const register = (m: StartedMeeting, id: number) => post(convener, m, { intent: "checkIn", forUserId: String(id) });
const handVote = (m: StartedMeeting, id: number, choice = "yes", motionId = m.motionIds[0]) => post(convener, m, { intent: "vote", motionId: String(motionId), choice, forUserId: String(id), confirm: "on" });
const revoke = (id: number) => http.fetch("/s/huacheng/members", { cookie: street.cookie, form: { intent: "revoke", community: "mingyue", userId: String(id), role: "representative" } });

/** The representatives the convener's hand-vote form offers (the ids of its select). */
function offered(html: string): number[] {
  const select = /<select name="forUserId"[^>]*>([\s\S]*?)<\/select>/.exec(html);
  return select ? [...select[1].matchAll(/value="(\d+)"/g)].map((v) => Number(v[1])) : [];
}

function notificationsOf(id: number) {
  return getDb().select().from(notifications).where(and(eq(notifications.userId, id), eq(notifications.kind, "ballot.recorded"))).all();
}

async function expectRefused(res: Response, problem: keyof typeof problems) {
  expect(res.status).toBe(409);
  expect(await res.text()).toContain(problems[problem]);
}

describe("hand votes", () => {
  it("are recorded only for a representative the convener registered as present, who is told", async () => {
    const rep01 = person("rep01");
    const rep02 = person("rep02");
    const m = startedMeeting({ present: reps });
    for (const p of [rep01, rep02]) expect((await register(m, p.id)).status).toBe(302);
    openMotion(m.id, m.motionIds[0]);

    // The roster entry reads 协助登记 (never 代为签到); the form offers only those two.
    const chair = await page(convener, m.path);
    expect(chair).toContain("由 召集人 周强 协助登记");
    expect(chair).not.toContain("代为签到");
    expect(offered(chair).sort()).toEqual([rep01.id, rep02.id].sort());

    // One who checked in on their own phone votes there: the convener cannot vote for them.
    await expectRefused(await handVote(m, reps[0].id, "no"), "handVoteSelfCheckedIn");
    expect(ballotRows(m.motionIds[0])).toEqual([]);
    expect(notificationsOf(reps[0].id)).toEqual([]);
    const own = await page(reps[0], m.path);
    expect(own).toContain('data-testid="ballot-form"');

    expect((await handVote(m, rep01.id, "no")).status).toBe(302);
    expect(ballotRows(m.motionIds[0])).toMatchObject([{ userId: rep01.id, choice: "no", recordedBy: convener.id }]);
    // Told on the meeting page (not just "you have voted") and by a notification naming meeting, motion, choice and recorder.
    const mine = await page(rep01, m.path);
    expect(mine).toContain("您的举手表决已由 召集人 周强 记录:反对");
    expect(mine).not.toContain('data-testid="ballot-form"');
    const told = notificationsOf(rep01.id);
    expect(told).toHaveLength(1);
    const meetingNumber = getDb().select({ n: meetings.number }).from(meetings).where(eq(meetings.id, m.id)).get()!.n;
    expect(JSON.parse(told[0].payload)).toMatchObject({ meetingId: m.id, meetingNumber, position: 1, choice: "no", by: "召集人 周强" });
    const list = await page(rep01, "/notifications");
    expect(list).toContain(`召集人 周强 在第${meetingNumber}次居民代表会议上为您记录了对表决事项 1(议题 #`);
    expect(list).toContain("的举手表决:反对。");
    expect(offered(await page(convener, m.path))).toEqual([rep02.id]);
  });

  it("are refused on a secret motion, even for one the convener registered", async () => {
    const rep03 = person("rep03");
    const m = startedMeeting({ secret: true, present: reps });
    for (const id of [rep03.id, userId("rep04")]) expect((await register(m, id)).status).toBe(302);
    openMotion(m.id, m.motionIds[0]);
    await expectRefused(await handVote(m, rep03.id), "handVoteSecret");
    expect(ballotRows(m.motionIds[0])).toEqual([]);
    expect(motionRow(m.motionIds[0])).toMatchObject({ yes: 0, no: 0, abstain: 0 });
    const chair = await page(convener, m.path);
    expect(chair).toContain(zh.meetings.vote.proxySecret);
    expect(chair).not.toContain('data-testid="proxy-form"');
    // The representative votes in person.
    expect((await post(rep03, m, { intent: "vote", motionId: String(m.motionIds[0]), choice: "yes", confirm: "on" })).status).toBe(302);
  });
});

describe("a representative whose role is revoked mid-meeting", () => {
  it("leaves the roster: no longer a member or present, cannot be checked in or voted for; ballots cast before stay", async () => {
    const [rep05, rep06, rep07, rep08] = ["rep05", "rep06", "rep07", "rep08"].map(person);
    const m = startedMeeting({ motions: 2, present: reps });
    for (const p of [rep05, rep06]) expect((await register(m, p.id)).status).toBe(302);
    const [first, second] = m.motionIds;
    openMotion(m.id, first);
    const voter = reps[0];
    expect((await post(voter, m, { intent: "vote", motionId: String(first), choice: "yes", confirm: "on" })).status).toBe(302);
    expect((await handVote(m, rep05.id, "yes", first)).status).toBe(302);

    // Revoked: one who voted on their phone, one registered by the convener who has not voted, one not here yet.
    for (const id of [voter.id, rep06.id, rep07.id]) expect((await revoke(id)).status).toBe(200);
    const meeting = getDb().select().from(meetings).where(eq(meetings.id, m.id)).get()!;
    expect(meeting.members).toBe(m.members - 3);
    const rows = getDb().select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, m.id)).all();
    expect(rows.filter((r) => r.leftAt !== null).map((r) => r.userId).sort()).toEqual([voter.id, rep06.id, rep07.id].sort());
    expect(ledgerCount("attendance.left", `meeting:${m.id}`)).toBe(3);

    await expectRefused(await handVote(m, rep06.id, "no", first), "leftRoster");
    await expectRefused(await register(m, rep07.id), "leftRoster");
    expect((await post(voter, m, { intent: "vote", motionId: String(first), choice: "no", confirm: "on" })).status).toBe(403);
    // A representative still on the roster checks in as before.
    expect((await register(m, rep08.id)).status).toBe(302);

    const chair = await page(convener, m.path);
    expect(offered(chair)).toEqual([rep08.id]);
    for (const id of [voter.id, rep06.id, rep07.id]) expect(chair).not.toContain(`name="forUserId" value="${id}"`);
    // 34 + 2 + 1 checked in, 2 of them left: 35 present of 51.
    expect(chair).toContain(`已签到 35 / ${m.members - 3}`);

    // The ballot cast before the revocation stands, and its voter is counted present for that motion.
    expect(ballotRows(first).map((b) => b.userId).sort()).toEqual([voter.id, rep05.id].sort());
    const closed = closeMotion(m.id, first);
    expect(closed.result).toMatchObject({ present: 36, yes: 2 });
    expect(motionRow(first).present).toBe(36);
    openMotion(m.id, second);
    expect(closeMotion(m.id, second).result.present).toBe(35);

    const minutes = await page(convener, `${m.path}/minutes`);
    expect(minutes).toContain('data-testid="minutes-left"');
    expect(verifyLedger({ communityId: communityId("mingyue") })).toMatchObject({ ok: true });
  });
});
