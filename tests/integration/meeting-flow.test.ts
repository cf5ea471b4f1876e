// The representatives' meeting through its models, on a real database: what happens to a topic
// after its vote (resolution and 公示, revise once, close), the pass rule a category raises, the
// village quorum of 2/3, secret motions, meeting requests at the legal share, and cancelling.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { ballots, deadlines, ledgerEntries, meetingRequests, memberships, motions, notifications, resolutions, topics, users } from "../../db/schema";
import { castBallot, castBallotTogether, closeVote, openVote } from "~/models/ballot.server";
import { resetClock, shiftClock, DAY_MS } from "~/models/clock.server";
import { runDueDeadlines } from "~/models/deadline.server";
import { freezeDraft } from "~/models/freeze.server";
import { verifyLedger } from "~/models/ledger.server";
import { createMeetingRequest, signMeetingRequest } from "~/models/meeting-request.server";
import { listTableableTopics } from "~/models/meeting-list.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { checkIn } from "~/models/meeting-attendance.server";
import { cancelMeeting, scheduleMeeting, startMeeting } from "~/models/meeting.server";
import { grantMembership } from "~/models/membership.server";
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

/** A meeting in session on one motion, with `present` of mingyue's representatives checked in. */
function meetingOn(topicId: number, { present, secret = false, onFail = "revise" as OnFail, slug = "mingyue", convener = "convener1" }: { present: string[]; secret?: boolean; onFail?: OnFail; slug?: string; convener?: string }) {
  const cid = communityId(slug);
  const actor = { communityId: cid, userId: userId(convener), roles: CONVENER_ROLES };
  const meeting = scheduleMeeting({ ...actor, title: "代表会议", place: "议事厅", scheduledAt: new Date(Date.now() + 10 * DAY_MS), requestId: null, acceptShortNotice: false });
  if (!meeting.ok) throw new Error(meeting.problem);
  const motion = tableMotion({ ...actor, meetingId: meeting.id, topicId, secret, onFail });
  if (!motion.ok) throw new Error(motion.problem);
  expect(startMeeting({ ...actor, meetingId: meeting.id }).ok).toBe(true);
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
    const m = meetingOn(id, { present: reps(1, 9) });
    expect(m.open()).toEqual({ ok: true });
    for (const r of reps(1, 5)) expect(m.vote(r, "yes").ok).toBe(true);
    expect(m.vote(rep(6), "no").ok).toBe(true);
    const closed = m.close();
    // 9 present of 15: more than 4.5 must agree; 5 did.
    expect(closed).toMatchObject({ ok: true, result: { present: 9, yes: 5, no: 1, abstain: 0, notVoting: 3, passed: true, threshold: 4.5, minimumYes: 5 } });
    expect(topicState(id)).toBe("publicity");
    const resolution = db().select().from(resolutions).where(eq(resolutions.topicId, id)).get()!;
    expect(resolution.status).toBe("publicity");
    expect(resolution.publicityEndsAt.getTime() - resolution.publishedAt.getTime()).toBe(15 * DAY_MS);
    expect(db().select().from(deadlines).where(and(eq(deadlines.topicId, id), eq(deadlines.kind, "publicity"))).get()?.doneAt).toBeNull();

    shiftClock(6 * DAY_MS);
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
    const first = meetingOn(id, { present: reps(1, 8) });
    first.open();
    for (const r of reps(1, 4)) first.vote(r, "yes");
    for (const r of reps(5, 8)) first.vote(r, "abstain");
    // A tie of 4 agreeing out of 8 present is not more than half.
    expect(first.close()).toMatchObject({ ok: true, result: { passed: false, yes: 4, threshold: 4, minimumYes: 5 } });
    expect(topicState(id)).toBe("drafting");
    expect(db().select().from(resolutions).where(eq(resolutions.topicId, id)).all()).toHaveLength(0);

    // Revised, consulted, frozen again: the second failure closes it, although the motion asked to revise.
    const actor = { topicId: id, communityId: cid, userId: userId("committee1"), roles: ["committee"] as Role[] };
    advanceTopic({ topicId: id, communityId: cid, action: "startConsultation", actor: { userId: actor.userId, roles: actor.roles } });
    expect(freezeDraft(actor)).toMatchObject({ ok: true, to: "onAgenda" });
    const second = meetingOn(id, { present: reps(1, 8) });
    second.open();
    second.vote(rep(1), "no");
    expect(second.close()).toMatchObject({ ok: true, result: { passed: false } });
    expect(topicState(id)).toBe("failed");
  });

  it("closes the topic at once when the motion says so", () => {
    const { id } = frozenTopic();
    const m = meetingOn(id, { present: reps(1, 8), onFail: "close" });
    m.open();
    expect(m.close()).toMatchObject({ ok: true, result: { passed: false, yes: 0, notVoting: 8 } });
    expect(topicState(id)).toBe("failed");
  });

  it("applies a category's higher pass share (2/3 of those present for 一事一议 fund-raising)", () => {
    const { id } = frozenTopic({ category: "fundraising" });
    const motion = () => db().select().from(motions).where(eq(motions.topicId, id)).get()!;
    const m = meetingOn(id, { present: reps(1, 9) });
    expect(motion()).toMatchObject({ passNum: 2, passDen: 3, passInclusive: true });
    m.open();
    for (const r of reps(1, 5)) m.vote(r, "yes");
    // 5 of 9 is more than half but less than 2/3 (6 needed).
    expect(m.close()).toMatchObject({ ok: true, result: { passed: false, minimumYes: 6, threshold: 6 } });
  });
});

describe("the roll call", () => {
  it("refuses to open the vote until more than half of mingyue's 15 representatives are present", () => {
    const { id } = frozenTopic();
    const m = meetingOn(id, { present: reps(1, 7) });
    expect(m.open()).toEqual({ ok: false, problem: "quorumNotMet" });
    expect(checkIn({ communityId: communityId("mingyue"), userId: userId("convener1"), roles: CONVENER_ROLES, meetingId: m.meetingId, forUserId: userId(rep(8)) })).toMatchObject({ ok: true, present: 8 });
    expect(m.open()).toEqual({ ok: true });
    const row = db().select().from(ledgerEntries).where(and(eq(ledgerEntries.type, "attendance.checkedIn"), eq(ledgerEntries.subject, `meeting:${m.meetingId}`))).all().at(-1)!;
    expect(JSON.parse(row.payload)).toMatchObject({ representative: userId(rep(8)), by: userId("convener1"), present: 8 });
  });

  it("needs at least two thirds in a village (6 of 9 representatives, exactly 2/3, is enough; 5 is not)", () => {
    const cid = communityId("shiliu");
    const names = Array.from({ length: 9 }, (_, i) => `vrep${i + 1}`);
    const admin = userId("street1");
    db().transaction((tx) => {
      for (const name of names) {
        const uid = tx.insert(users).values({ username: name, displayName: `村代表${name}`, passwordHash: "x" }).returning({ id: users.id }).get().id;
        grantMembership(tx, { communityId: cid, userId: uid, role: "representative", grantedBy: admin, via: "seed" });
      }
      grantMembership(tx, { communityId: cid, userId: userId("vcommittee1"), role: "convener", grantedBy: admin, via: "seed" });
    });
    const { id } = frozenTopic({ slug: "shiliu", committee: "vcommittee1" });
    const m = meetingOn(id, { slug: "shiliu", convener: "vcommittee1", present: names.slice(0, 5) });
    expect(m.open()).toEqual({ ok: false, problem: "quorumNotMet" });
    checkIn({ communityId: cid, userId: userId(names[5]), roles: ["representative"], meetingId: m.meetingId });
    expect(m.open()).toEqual({ ok: true });
    expect(db().select().from(memberships).where(and(eq(memberships.communityId, cid), eq(memberships.role, "representative"))).all()).toHaveLength(9);
  });
});

describe("settled refusals", () => {
  it("answers a repeated ballot at once, without waiting for the group commit of the ballots queued before it", async () => {
    const { id } = frozenTopic();
    const m = meetingOn(id, { present: reps(1, 9) });
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
    const m = meetingOn(id, { present: reps(1, 9), secret: true });
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
    expect(startMeeting({ ...actor, meetingId: b.id })).toEqual({ ok: false, problem: "emptyAgenda" });
    expect(cancelMeeting({ ...actor, meetingId: a.id, reason: "场地临时不可用" }).ok).toBe(true);
    expect(tableMotion({ ...actor, meetingId: b.id, topicId: id, secret: false, onFail: "revise" }).ok).toBe(true);
  });
});
