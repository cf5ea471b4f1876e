import { and, eq, sql } from "drizzle-orm";
import { ballots, meetingAttendance, motions, topicEvents, topics } from "../../db/schema";
import type { BallotChoice } from "../workflow/meetings";
import type { TopicState } from "../workflow/states";
import { evaluateMotion, type MotionResult } from "../workflow/tally";
import { now } from "./clock.server";
import { emitDraftEvent } from "./draft-events.server";
import { appendLedger, type Tx } from "./ledger.server";
import { CONVENER, MeetingError, meetingRow, meetingWrite, quorumOf, REPRESENTATIVE, requireRoleIn, type MeetingActor, type MeetingResult } from "./meeting.server";
import { publishResolution } from "./resolution.server";
import { advanceInTx, WorkflowError } from "./workflow.server";

function motionRow(tx: Tx, meetingId: number, motionId: number) {
  const row = tx.select().from(motions).where(and(eq(motions.id, motionId), eq(motions.meetingId, meetingId))).get();
  if (!row) throw new MeetingError("notFound");
  return row;
}

/** 开始表决: refused while the quorum of the rules is not met, or while another motion is being voted on. */
export function openVote(input: MeetingActor & { meetingId: number; motionId: number }): MeetingResult {
  return meetingWrite({ communityId: input.communityId, meetingId: input.meetingId }, (tx) => {
    requireRoleIn(input, CONVENER);
    const meeting = meetingRow(tx, input.communityId, input.meetingId);
    if (meeting.status !== "inSession") throw new MeetingError("wrongStatus");
    const motion = motionRow(tx, meeting.id, input.motionId);
    if (motion.status !== "pending") throw new MeetingError(motion.status === "voting" ? "motionOpen" : "votingClosed");
    const other = tx.select({ id: motions.id }).from(motions).where(and(eq(motions.meetingId, meeting.id), eq(motions.status, "voting"))).get();
    if (other) throw new MeetingError("anotherVoteOpen");
    const quorum = quorumOf(tx, input.communityId, meeting);
    if (!quorum.met) throw new MeetingError("quorumNotMet");
    const at = now();
    tx.update(motions).set({ status: "voting", openedAt: at, openedBy: input.userId }).where(eq(motions.id, motion.id)).run();
    appendLedger(tx, {
      communityId: input.communityId,
      type: "motion.opened",
      actorId: input.userId,
      subject: `motion:${motion.id}`,
      payload: { meeting: meeting.id, topic: motion.topicId, sha256: motion.sha256, present: quorum.present, members: quorum.members },
      at,
    });
    return {};
  });
}

/** The ledger payload of a ballot; ledger:verify rebuilds it from the ballot row and compares. */
export function ballotPayload(b: { motionId: number; userId: number; choice: BallotChoice | null; recordedBy: number | null }) {
  return { motion: b.motionId, voter: b.userId, ...(b.choice !== null ? { choice: b.choice } : {}), ...(b.recordedBy !== null ? { recordedBy: b.recordedBy } : {}) };
}

/**
 * 投票: one ballot per representative per motion (the primary key makes a second one impossible; the
 * check before it gives the clear message). The voter must be checked in and the vote open, both read
 * inside the same transaction as the write, so a close can never fall between the check and the ballot.
 * For a secret motion the choice is added to the motion's counts and never stored with the voter.
 */
export function castBallot(input: MeetingActor & { meetingId: number; motionId: number; choice: BallotChoice; forUserId?: number | null }): MeetingResult {
  return meetingWrite({ communityId: input.communityId, meetingId: input.meetingId }, (tx) => {
    const onBehalf = input.forUserId != null && input.forUserId !== input.userId;
    if (onBehalf) requireRoleIn(input, CONVENER);
    else if (!input.roles.includes(REPRESENTATIVE)) throw new MeetingError("notRepresentative");
    const meeting = meetingRow(tx, input.communityId, input.meetingId);
    const motion = motionRow(tx, meeting.id, input.motionId);
    if (motion.status === "pending") throw new MeetingError("voteNotOpen");
    if (motion.status === "closed") throw new MeetingError("votingClosed");
    const voter = onBehalf ? input.forUserId! : input.userId;
    const attendance = tx.select().from(meetingAttendance).where(and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.userId, voter))).get();
    if (!attendance) throw new MeetingError("notRepresentative");
    if (!attendance.checkedInAt) throw new MeetingError("notCheckedIn");
    const already = tx.select({ n: sql<number>`1` }).from(ballots).where(and(eq(ballots.motionId, motion.id), eq(ballots.userId, voter))).get();
    if (already) throw new MeetingError("alreadyVoted");
    const at = now();
    const recordedBy = onBehalf ? input.userId : null;
    const choice = motion.secret ? null : input.choice;
    const entry = appendLedger(tx, {
      communityId: input.communityId,
      type: "ballot.cast",
      actorId: input.userId,
      subject: `motion:${motion.id}`,
      payload: ballotPayload({ motionId: motion.id, userId: voter, choice, recordedBy }),
      at,
    });
    tx.insert(ballots).values({ motionId: motion.id, userId: voter, choice, recordedBy, castAt: at, ledgerSeq: entry.seq }).run();
    if (motion.secret) {
      const column = motions[input.choice];
      tx.update(motions).set({ [input.choice]: sql`${column} + 1` }).where(eq(motions.id, motion.id)).run();
    }
    return {};
  });
}

/** The counts of a motion: from the named ballots, or from the motion's own counters when secret. */
export function countVotes(tx: Tx, motion: typeof motions.$inferSelect) {
  if (motion.secret) return { yes: motion.yes, no: motion.no, abstain: motion.abstain };
  const rows = tx.select({ choice: ballots.choice, n: sql<number>`count(*)` }).from(ballots).where(eq(ballots.motionId, motion.id)).groupBy(ballots.choice).all();
  const of = (c: BallotChoice) => rows.find((r) => r.choice === c)?.n ?? 0;
  return { yes: of("yes"), no: of("no"), abstain: of("abstain") };
}

export function votedCount(tx: Tx, motionId: number): number {
  return tx.select({ n: sql<number>`count(*)` }).from(ballots).where(eq(ballots.motionId, motionId)).get()?.n ?? 0;
}

/**
 * 结束表决: counts the ballots against those present now, by the motion's pass rule, and settles the
 * topic: passed → a resolution published for 公示; failed → back to deliberation once, or closed.
 * After this the motion's counts never change: a ballot needs the status 'voting'.
 */
export function closeVote(input: MeetingActor & { meetingId: number; motionId: number }): MeetingResult<{ result: MotionResult; resolutionId: number | null }> {
  const after: { moved?: { from: TopicState; to: TopicState }; topicId?: number } = {};
  try {
    const closed = meetingWrite({ communityId: input.communityId, meetingId: input.meetingId }, (tx) => {
      requireRoleIn(input, CONVENER);
      const meeting = meetingRow(tx, input.communityId, input.meetingId);
      const motion = motionRow(tx, meeting.id, input.motionId);
      if (motion.status !== "voting") throw new MeetingError(motion.status === "closed" ? "votingClosed" : "voteNotOpen");
      const counts = countVotes(tx, motion);
      const { present } = quorumOf(tx, input.communityId, meeting);
      const result = evaluateMotion({ present, ...counts, rule: { num: motion.passNum, den: motion.passDen, inclusive: motion.passInclusive } });
      const at = now();
      tx.update(motions)
        .set({ status: "closed", closedAt: at, closedBy: input.userId, ...counts, present, passed: result.passed })
        .where(and(eq(motions.id, motion.id), eq(motions.status, "voting")))
        .run();
      appendLedger(tx, {
        communityId: input.communityId,
        type: "motion.closed",
        actorId: input.userId,
        subject: `motion:${motion.id}`,
        payload: { meeting: meeting.id, topic: motion.topicId, present, ...counts, ballots: votedCount(tx, motion.id), passed: result.passed, threshold: result.threshold },
        at,
      });
      let resolutionId: number | null = null;
      if (result.passed) {
        resolutionId = publishResolution(tx, { communityId: input.communityId, motion: { ...motion, ...counts, present }, at });
        after.moved = { from: "onAgenda", to: tx.select({ state: topics.state }).from(topics).where(eq(topics.id, motion.topicId)).get()!.state };
      } else {
        const revisedBefore = tx
          .select({ n: sql<number>`count(*)` })
          .from(topicEvents)
          .where(and(eq(topicEvents.topicId, motion.topicId), eq(topicEvents.action, "failAndRevise")))
          .get()!.n;
        const action = motion.onFail === "revise" && revisedBefore === 0 ? "failAndRevise" : "fail";
        after.moved = advanceInTx(tx, { topicId: motion.topicId, communityId: input.communityId, action, actor: "system" });
      }
      after.topicId = motion.topicId;
      return { result, resolutionId };
    });
    if (closed.ok && after.moved && after.topicId !== undefined) emitDraftEvent("topicMoved", { topicId: after.topicId, communityId: input.communityId, ...after.moved });
    return closed;
  } catch (error) {
    // A topic that is no longer waiting for the vote cannot be settled by it: nothing was written.
    if (error instanceof WorkflowError) return { ok: false, problem: "wrongStatus" };
    throw error;
  }
}
