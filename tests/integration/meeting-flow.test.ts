// The representatives' meeting through its models, on a real database: what happens to a topic
// after its vote (resolution and 公示, revise once, close), the pass rule a category raises, the
// village quorum of 2/3, secret motions, meeting requests at the legal share, and cancelling.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { ballots, deadlines, ledgerEntries, meetingAttendance, meetingRequests, motions, notifications, resolutions, topics } from "../../db/schema";
import { castBallot, castBallotTogether, closeVote, openVote } from "~/models/ballot.server";
import { resetClock, shiftClock, DAY_MS } from "~/models/clock.server";
import { runDueDeadlines } from "~/models/deadline.server";
import { freezeDraft } from "~/models/freeze.server";
import { verifyLedger } from "~/models/ledger.server";
import { createMeetingRequest, signMeetingRequest } from "~/models/meeting-request.server";
import { listTableableTopics } from "~/models/meeting-list.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { checkIn } from "~/models/meeting-attendance.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { cancelMeeting, startMeeting } from "~/models/meeting-session.server";
import { advanceTopic } from "~/models/workflow.server";
import type { BallotChoice, OnFail } from "~/workflow/meetings";
import type { Role } from "~/workflow/roles";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";

afterEach(() => resetClock());

const CONVENER_ROLES: Role[] = ["convener", "committee"];
const REP_ROLES: Role[] = ["representative", "resident"];
const db = () => getDb();
const topicState = (id: number) => db().select({ state: topics.state }).from(topics).where(eq(topics.id, id)).get()!.state;
const rep = (n: number) => `rep${String(n).padStart(2, "0")}`;

function frozenTopic({ slug = "mingyue", category = "facilities", committee = "committee1" }: { slug?: string; category?: string; committee?: string } = {}) {
  const { id, communityId: cid } = consultingTopic({ slug, category, committee, text: "议案正文:东门加装路灯三盏。" });
  const frozen = freezeDraft({ communityId: cid, topicId: id, userId: userId(committee), roles: ["committee"] });
  expect(frozen).toMatchObject({ ok: true, to: "onAgenda" });
  return { id, cid };
}

/** A meeting in session on one motion, with `present` of mingyue's 组成人员 (20: five 居委会 members, 15 representatives) checked in. */
function meetingOn(topicId: number, { present, secret = false, onFail = "revise" as OnFail, slug = "mingyue", convener = "convener1" }: { present: string[]; secret?: boolean; onFail?: OnFail; slug?: string; convener?: string }) {
  const cid = communityId(slug);
  const actor = { communityId: cid, userId: userId(convener), roles: CONVENER_ROLES };
  const meeting = scheduleMeeting({ ...actor, title: "代表会议", place: "议事厅", scheduledAt: new Date(Date.now() + 10 * DAY_MS), requestId: null, acceptShortNotice: false });
  if (!meeting.ok) throw new Error(meeting.problem);
  const motion = tableMotion({ ...actor, meetingId: meeting.id, topicId, secret, onFail });
  if (!motion.ok) throw new Error(motion.problem);
  expect(startMeeting({ early: true, ...actor, meetingId: meeting.id }).ok).toBe(true);
  for (const username of present) expect(checkIn({ communityId: cid, userId: userId(username), roles: REP_ROLES, meetingId: meeting.id }).ok).toBe(true);
  const vote = (username: string, choice: BallotChoice) => castBallot({ communityId: cid, userId: userId(username), roles: REP_ROLES, meetingId: meeting.id, motionId: motion.id, choice });
  return {
    meetingId: meeting.id,
    motionId: motion.id,
    open: () => openVote({ ...actor, meetingId: meeting.id, motionId: motion.id }),
    close: () => closeVote({ ...actor, meetingId: meeting.id, motionId: motion.id }),
    vote,
    actor,
  };
}

const reps = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => rep(from + i));

describe("after the vote", () => {
  it("publishes a passed motion as a numbered resolution for the rules' 公示 period, then moves it to execution", () => {
    const { id, cid } = frozenTopic();
    const m = meetingOn(id, { present: reps(1, 14) });
    expect(m.open()).toEqual({ ok: true });
    for (const r of reps(1, 8)) expect(m.vote(r, "yes").ok).toBe(true);
    expect(m.vote(rep(9), "no").ok).toBe(true);
    const closed = m.close();
    // 14 present of 20: more than 7 must agree, at least 8 people; 8 did.
    expect(closed).toMatchObject({ ok: true, result: { present: 14, yes: 8, no: 1, abstain: 0, notVoting: 5, passed: true, threshold: 7, minimumYes: 8 } });
    expect(topicState(id)).toBe("publicity");
    const resolution = db().select().from(resolutions).where(eq(resolutions.topicId, id)).get()!;
    expect(resolution.status).toBe("publicity");
    expect(resolution.publicityEndsAt.getTime() - resolution.publishedAt.getTime()).toBe(15 * DAY_MS);
    expect(db().select().from(deadlines).where(and(eq(deadlines.topicId, id), eq(deadlines.kind, "publicity"))).get()?.doneAt).toBeNull();

    shiftClock(14 * DAY_MS);
    runDueDeadlines();
    expect(topicState(id)).toBe("publicity");
    shiftClock(1 * DAY_MS + 1000);
    runDueDeadlines();
    expect(topicState(id)).toBe("executing");
    expect(db().select().from(resolutions).where(eq(resolutions.id, resolution.id)).get()!.status).toBe("effective");
    expect(verifyLedger({ communityId: cid }).ok).toBe(true);
  });

  it("sends a failed motion back to deliberation once, and closes it when the revised text fails again", () => {
    const { id, cid } = frozenTopic();
    const first = meetingOn(id, { present: reps(1, 14) });
    first.open();
    for (const r of reps(1, 7)) first.vote(r, "yes");
    for (const r of reps(8, 14)) first.vote(r, "abstain");
    // A tie of 7 agreeing out of 14 present is not more than half.
    expect(first.close()).toMatchObject({ ok: true, result: { passed: false, yes: 7, threshold: 7, minimumYes: 8 } });
    expect(topicState(id)).toBe("drafting");
    expect(db().select().from(resolutions).where(eq(resolutions.topicId, id)).all()).toHaveLength(0);

    // Revised, consulted, frozen again: the second failure closes it, although the motion asked to revise.
    const actor = { topicId: id, communityId: cid, userId: userId("committee1"), roles: ["committee"] as Role[] };
    advanceTopic({ topicId: id, communityId: cid, action: "startConsultation", actor: { userId: actor.userId, roles: actor.roles } });
    expect(freezeDraft(actor)).toMatchObject({ ok: true, to: "onAgenda" });
    const second = meetingOn(id, { present: reps(1, 14) });
    second.open();
    second.vote(rep(1), "no");
    expect(second.close()).toMatchObject({ ok: true, result: { passed: false } });
    expect(topicState(id)).toBe("failed");
  });

  it("closes the topic at once when the motion says so", () => {
    const { id } = frozenTopic();
    const m = meetingOn(id, { present: reps(1, 14), onFail: "close" });
    m.open();
    expect(m.close()).toMatchObject({ ok: true, result: { passed: false, yes: 0, notVoting: 14 } });
    expect(topicState(id)).toBe("failed");
  });

  it("applies a category's higher pass share (2/3 of those present for 一事一议 fund-raising)", () => {
    const { id } = frozenTopic({ category: "fundraising" });
    const motion = () => db().select().from(motions).where(eq(motions.topicId, id)).get()!;
    const m = meetingOn(id, { present: reps(1, 15) });
    expect(motion()).toMatchObject({ passNum: 2, passDen: 3, passInclusive: true });
    m.open();
    for (const r of reps(1, 9)) m.vote(r, "yes");
    // 9 of 15 is more than half but less than 2/3 (10 needed).
    expect(m.close()).toMatchObject({ ok: true, result: { passed: false, minimumYes: 10, threshold: 10 } });
  });
});

describe("the roll call", () => {
  it("refuses to open the vote until two thirds of mingyue's 20 组成人员 are present (14; 13 is not enough)", () => {
    const { id } = frozenTopic();
    const m = meetingOn(id, { present: reps(1, 13) });
    expect(m.open()).toEqual({ ok: false, problem: "quorumNotMet" });
    expect(checkIn({ communityId: communityId("mingyue"), userId: userId("convener1"), roles: CONVENER_ROLES, meetingId: m.meetingId, forUserId: userId(rep(14)) })).toMatchObject({ ok: true, present: 14 });
    expect(m.open()).toEqual({ ok: true });
    const row = db().select().from(ledgerEntries).where(and(eq(ledgerEntries.type, "attendance.checkedIn"), eq(ledgerEntries.subject, `meeting:${m.meetingId}`))).all().at(-1)!;
    expect(JSON.parse(row.payload)).toMatchObject({ representative: userId(rep(14)), by: userId("convener1"), present: 14, members: 20 });
  });

  it("needs at least two thirds in a village, of its 15 组成人员 (10 is enough; 9 is not), 村委会 members counted", () => {
    const cid = communityId("shiliu");
    const { id } = frozenTopic({ slug: "shiliu", committee: "vcommittee1" });
    const vreps = Array.from({ length: 8 }, (_, i) => `vrep${String(i + 1).padStart(2, "0")}`);
    // Eight representatives and the 村委会 member vmember1 (on their own phones): 9 of 15.
    const m = meetingOn(id, { slug: "shiliu", convener: "vconvener1", present: vreps });
    expect(checkIn({ communityId: cid, userId: userId("vmember1"), roles: ["committeeMember", "resident"], meetingId: m.meetingId })).toMatchObject({ ok: true, present: 9 });
    expect(m.open()).toEqual({ ok: false, problem: "quorumNotMet" });
    expect(checkIn({ communityId: cid, userId: userId("vcommittee1"), roles: ["committee", "committeeMember"], meetingId: m.meetingId })).toMatchObject({ ok: true, present: 10 });
    expect(m.open()).toEqual({ ok: true });
    const seats = db().select({ userId: meetingAttendance.userId, seat: meetingAttendance.seat }).from(meetingAttendance).where(eq(meetingAttendance.meetingId, m.meetingId)).all();
    expect(seats).toHaveLength(15);
    expect(seats.filter((s) => s.seat === "committeeMember").map((s) => s.userId).sort()).toEqual(["vcommittee1", "vconvener1", "vmember1"].map(userId).sort());
    // A 村委会 member votes like a representative.
    const vote = castBallot({ communityId: cid, userId: userId("vmember1"), roles: ["committeeMember", "resident"], meetingId: m.meetingId, motionId: m.motionId, choice: "yes" });
    expect(vote).toEqual({ ok: true });
    expect(verifyLedger({ communityId: cid }).ok).toBe(true);
  });
});

describe("settled refusals", () => {
  it("answers a repeated ballot at once, without waiting for the group commit of the ballots queued before it", async () => {
    const { id } = frozenTopic();
    const m = meetingOn(id, { present: reps(1, 14) });
    expect(m.open()).toEqual({ ok: true });
    expect(m.vote(rep(1), "yes").ok).toBe(true);
    const ballotCount = () => db().select().from(ballots).where(eq(ballots.motionId, m.motionId)).all().length;
    const together = (username: string, roles: Role[] = REP_ROLES) =>
      castBallotTogether({ communityId: m.actor.communityId, userId: userId(username), roles, meetingId: m.meetingId, motionId: m.motionId, choice: "no" });
    const queued = together(rep(2));
    expect(await together(rep(1))).toEqual({ ok: false, problem: "alreadyVoted" });
    expect(await together(rep(3), ["resident"])).toEqual({ ok: false, problem: "notRepresentative" });
    // rep02's ballot still waits for its durable commit: the refusals did not.
    expect(ballotCount()).toBe(1);
    expect(await queued).toEqual({ ok: true });
    expect(ballotCount()).toBe(2);
    expect(m.close().ok).toBe(true);
    expect(await together(rep(4))).toEqual({ ok: false, problem: "votingClosed" });
    expect(ballotCount()).toBe(2);
  });
});

describe("secret motions", () => {
  it("store who voted and the counts, never a person's choice", () => {
    const { id, cid } = frozenTopic();
    const m = meetingOn(id, { present: reps(1, 14), secret: true });
    m.open();
    m.vote(rep(1), "yes");
    m.vote(rep(2), "no");
    m.vote(rep(3), "abstain");
    m.vote(rep(4), "yes");
    const rows = db().select().from(ballots).where(eq(ballots.motionId, m.motionId)).all();
    expect(rows).toHaveLength(4);
    expect(rows.every((b) => b.choice === null)).toBe(true);
    const entries = db().select().from(ledgerEntries).where(and(eq(ledgerEntries.type, "ballot.cast"), eq(ledgerEntries.subject, `motion:${m.motionId}`))).all();
    expect(entries).toHaveLength(4);
    for (const e of entries) expect(e.payload).not.toMatch(/yes|no|abstain|choice/);
    expect(m.close()).toMatchObject({ ok: true, result: { yes: 2, no: 1, abstain: 1, passed: false } });
    expect(verifyLedger({ communityId: cid }).ok).toBe(true);
  });
});

describe("meeting requests", () => {
  it("turn pending at one fifth of the representatives (3 of 15) and tell the conveners", () => {
    const cid = communityId("mingyue");
    const as = (n: number) => ({ communityId: cid, userId: userId(rep(n)), roles: REP_ROLES });
    const made = createMeetingRequest({ ...as(1), reason: "加装电梯的筹资方案需要尽快表决" });
    expect(made).toMatchObject({ ok: true, signatures: 1, needed: 3 });
    if (!made.ok) return;
    expect(signMeetingRequest({ ...as(1), requestId: made.id })).toEqual({ ok: false, problem: "alreadySigned" });
    expect(signMeetingRequest({ ...as(2), requestId: made.id })).toMatchObject({ ok: true, signatures: 2 });
    const before = db().select().from(notifications).where(eq(notifications.kind, "meeting.requested")).all().length;
    expect(signMeetingRequest({ ...as(3), requestId: made.id })).toMatchObject({ ok: true, signatures: 3 });
    expect(db().select().from(meetingRequests).where(eq(meetingRequests.id, made.id)).get()!.status).toBe("pending");
    const told = db().select().from(notifications).where(eq(notifications.kind, "meeting.requested")).all();
    expect(told.length - before).toBe(1);
    expect(told.at(-1)!.userId).toBe(userId("convener1"));
    // Residents who are not representatives cannot sign; the convener answers it by scheduling a meeting.
    expect(signMeetingRequest({ communityId: cid, userId: userId("resident1"), roles: ["resident"], requestId: made.id })).toEqual({ ok: false, problem: "wrongRole" });
    const meeting = scheduleMeeting({ communityId: cid, userId: userId("convener1"), roles: CONVENER_ROLES, title: "应代表提议召开", place: "议事厅", scheduledAt: new Date(Date.now() + 6 * DAY_MS), requestId: made.id, acceptShortNotice: false });
    expect(meeting.ok).toBe(true);
    expect(db().select().from(meetingRequests).where(eq(meetingRequests.id, made.id)).get()).toMatchObject({ status: "answered" });
  });
});

describe("scheduling", () => {
  it("asks the convener to confirm a notice shorter than the rules' 5 days, and records it", () => {
    const cid = communityId("mingyue");
    const actor = { communityId: cid, userId: userId("convener1"), roles: CONVENER_ROLES };
    const soon = new Date(Date.now() + 2 * DAY_MS + 3_600_000);
    expect(scheduleMeeting({ ...actor, title: "临时会议", place: "议事厅", scheduledAt: soon, requestId: null, acceptShortNotice: false })).toEqual({ ok: false, problem: "shortNotice" });
    const made = scheduleMeeting({ ...actor, title: "临时会议", place: "议事厅", scheduledAt: soon, requestId: null, acceptShortNotice: true });
    expect(made).toMatchObject({ ok: true, notice: { required: 5, given: 2, short: true } });
    expect(scheduleMeeting({ ...actor, title: "过去的会议", place: "议事厅", scheduledAt: new Date(Date.now() - DAY_MS), requestId: null, acceptShortNotice: true })).toEqual({ ok: false, problem: "inPast" });
    expect(scheduleMeeting({ communityId: cid, userId: userId(rep(1)), roles: REP_ROLES, title: "代表自行召集", place: "议事厅", scheduledAt: new Date(Date.now() + 9 * DAY_MS), requestId: null, acceptShortNotice: false })).toEqual({ ok: false, problem: "wrongRole" });
  });

  it("puts a topic on one open agenda only, and frees it when the meeting is called off", () => {
    const { id } = frozenTopic();
    const cid = communityId("mingyue");
    const actor = { communityId: cid, userId: userId("convener1"), roles: CONVENER_ROLES };
    const at = new Date(Date.now() + 8 * DAY_MS);
    const a = scheduleMeeting({ ...actor, title: "甲", place: "议事厅", scheduledAt: at, requestId: null, acceptShortNotice: false });
    const b = scheduleMeeting({ ...actor, title: "乙", place: "议事厅", scheduledAt: at, requestId: null, acceptShortNotice: false });
    if (!a.ok || !b.ok) throw new Error("schedule");
    expect(listTableableTopics({ communityId: cid }).map((t) => t.id)).toContain(id);
    expect(tableMotion({ ...actor, meetingId: a.id, topicId: id, secret: false, onFail: "revise" }).ok).toBe(true);
    expect(listTableableTopics({ communityId: cid }).map((t) => t.id)).not.toContain(id);
    expect(tableMotion({ ...actor, meetingId: b.id, topicId: id, secret: false, onFail: "revise" })).toEqual({ ok: false, problem: "alreadyTabled" });
    expect(startMeeting({ early: true, ...actor, meetingId: b.id })).toEqual({ ok: false, problem: "emptyAgenda" });
    expect(cancelMeeting({ ...actor, meetingId: a.id, reason: "场地临时不可用" }).ok).toBe(true);
    expect(tableMotion({ ...actor, meetingId: b.id, topicId: id, secret: false, onFail: "revise" }).ok).toBe(true);
  });
});
