import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { hotSelect, orNull } from "../../db/hot-read";
import { prepared } from "../../db/prepared";
import { ballots, meetingAttendance, meetings, motions, topicEvents, topics } from "../../db/schema";
import { meetingMay } from "../workflow/meeting-lifecycle";
import type { BallotChoice } from "../workflow/meetings";
import { motionRefusal, nextMotionStatus } from "../workflow/motion-lifecycle";
import type { TopicState } from "../workflow/states";
import { freezeBasis, motionResult } from "../workflow/motion-basis";
import type { MotionResult } from "../workflow/tally";
import { canonicalJson, type JsonValue } from "./canonical-json";
import { now } from "./clock.server";
import { notifyHandVote } from "./hand-vote.server";
import { partyReviewGate } from "./party-review.server";
import { fourTwoGate } from "./four-two.server";
import { appendLedger } from "./ledger.server";
import { presentForMotion } from "./meeting-attendance.server";
import { CONVENER, meetingRefused, type MeetingProblem, meetingRow, meetingWrite, meetingWriteTogether, quorumOf, requireRoleIn, sitsOnRoster, type MeetingActor, type MeetingResult } from "./meeting.server";
import { sha256Hex } from "./freeze.server";
import { publishResolution } from "./resolution.server";
import { advanceInTx } from "./workflow.server";
import { requireRules } from "./rules.server";
import { communityKind } from "./assembly-roll.server";
import { freezeAssemblyBasis } from "../workflow/assembly-meeting";

function motionRow(tx: Tx, meetingId: number, motionId: number) {
  const row = tx.select().from(motions).where(and(eq(motions.id, motionId), eq(motions.meetingId, meetingId))).get();
  if (!row) throw meetingRefused("notFound");
  return row;
}

/**
 * 开始表决: refused while the quorum of the rules is not met, or while another motion is being voted on.
 * The basis the motion will be counted by is frozen on it now (motions.basis) and its hash recorded in
 * the `motion.opened` entry, so ledger:verify can tell if it is ever rewritten.
 */
export function openVote(input: MeetingActor & { meetingId: number; motionId: number }): MeetingResult {
  return meetingWrite({ communityId: input.communityId, meetingId: input.meetingId }, (tx) => {
    requireRoleIn(input, CONVENER);
    const meeting = meetingRow(tx, input.communityId, input.meetingId);
    if (!meetingMay(meeting.status, "vote")) throw meetingRefused("wrongStatus");
    const motion = motionRow(tx, meeting.id, input.motionId);
    const refused = motionRefusal(motion.status, "open");
    if (refused) throw meetingRefused(refused);
    const other = tx.select({ id: motions.id }).from(motions).where(and(eq(motions.meetingId, meeting.id), eq(motions.status, "voting"))).get();
    if (other) throw meetingRefused("anotherVoteOpen");
    const quorum = quorumOf(tx, input.communityId, meeting);
    if (!quorum.met) throw meetingRefused("quorumNotMet");
    // 四议两公开 (villages): the three deliberations recorded in order and agreed (four-two.server.ts, issue 17).
    const fourTwoBlock = fourTwoGate(tx, { communityId: input.communityId, topicId: motion.topicId });
    if (fourTwoBlock) throw meetingRefused(fourTwoBlock.problem);
    // 重要事项: the party organisation's review first (party-review.server.ts, issue 14); on a 四议两公开 matter its agreed 党组织提议 stands for it.
    const partyBlock = partyReviewGate(tx, { communityId: input.communityId, topicId: motion.topicId });
    if (partyBlock) throw meetingRefused(partyBlock);
    const at = now();
    const frozen =
      meeting.body === "assembly"
        ? freezeAssemblyBasis(communityKind(tx, input.communityId), meeting.countBy ?? "persons", { num: motion.passNum, den: motion.passDen, inclusive: motion.passInclusive }, quorum.members)
        : freezeBasis(requireRules(input.communityId, tx), motion, quorum.members);
    const basis = canonicalJson(frozen as unknown as JsonValue);
    tx.update(motions).set({ status: nextMotionStatus(motion.status, "open")!, openedAt: at, openedBy: input.userId, basis }).where(eq(motions.id, motion.id)).run();
    appendLedger(tx, {
      communityId: input.communityId,
      type: "motion.opened",
      actorId: input.userId,
      subject: `motion:${motion.id}`,
      payload: { meeting: meeting.id, topic: motion.topicId, sha256: motion.sha256, present: quorum.present, members: quorum.members, basis: sha256Hex(basis) },
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
export function castBallot(input: BallotInput): MeetingResult {
  const refused = settledRefusal(input);
  if (refused) return { ok: false, problem: refused };
  return meetingWrite({ communityId: input.communityId, meetingId: input.meetingId }, writeBallot(input));
}

/**
 * `castBallot` as the vote post uses it: the ballots of one moment share one durable commit (group
 * commit), each checked and written in turn as if alone; each answer waits for the commit.
 */
export function castBallotTogether(input: BallotInput): Promise<MeetingResult> {
  const refused = settledRefusal(input);
  if (refused) return Promise.resolve({ ok: false, problem: refused });
  return meetingWriteTogether({ communityId: input.communityId, meetingId: input.meetingId }, writeBallot(input));
}

type BallotInput = MeetingActor & { meetingId: number; motionId: number; choice: BallotChoice; forUserId?: number | null };

/**
 * What a ballot needs to know, in one hot read (votes come in storms; docs/decisions/014): the
 * motion of this meeting of this community, whether the voter is on its roster and checked in, and
 * has voted.
 */
const voteState = hotSelect({
  motionId: motions.id,
  status: motions.status,
  secret: motions.secret,
  onRoster: orNull(meetingAttendance.userId),
  checkedInAt: orNull(meetingAttendance.checkedInAt),
  checkedInBy: orNull(meetingAttendance.checkedInBy),
  leftAt: orNull(meetingAttendance.leftAt),
  voted: sql<number | null>`(select 1 from ${ballots} where ${ballots.motionId} = ${motions.id} and ${ballots.userId} = ${sql.placeholder("voter")})`,
}).from<{ communityId: number; meetingId: number; motionId: number; voter: number }>(
  sql`${meetings} inner join ${motions} on ${motions.meetingId} = ${meetings.id} and ${motions.id} = ${sql.placeholder("motionId")}
      left join ${meetingAttendance} on ${meetingAttendance.meetingId} = ${meetings.id} and ${meetingAttendance.userId} = ${sql.placeholder("voter")}
      where ${meetings.id} = ${sql.placeholder("meetingId")} and ${meetings.communityId} = ${sql.placeholder("communityId")}`,
);

type VoteState = NonNullable<ReturnType<typeof voteState.get>>;

const insertBallot = prepared((db) =>
  db
    .insert(ballots)
    .values({
      motionId: sql.placeholder("motionId"),
      userId: sql.placeholder("userId"),
      choice: sql.placeholder("choice"),
      recordedBy: sql.placeholder("recordedBy"),
      castAt: sql.placeholder("castAt"),
      ledgerSeq: sql.placeholder("ledgerSeq"),
    })
    .prepare(),
);

/** Who the ballot is for, or why the actor may not cast it: decided by the input alone, before any read. */
function voterOf(input: BallotInput): { voter: number; onBehalf: boolean } | { problem: MeetingProblem } {
  const onBehalf = input.forUserId != null && input.forUserId !== input.userId;
  if (onBehalf) return input.roles.includes(CONVENER) ? { voter: input.forUserId!, onBehalf } : { problem: "wrongRole" };
  return sitsOnRoster(input.roles) ? { voter: input.userId, onBehalf } : { problem: "notRepresentative" };
}

/**
 * Why this ballot cannot be cast now, in the order the voter should hear it; null: it can. A hand
 * vote (`onBehalf`, recorded by the convener) is for a representative in the room without a phone:
 * only one the convener's side checked in from the roster, never on a secret motion (a choice told
 * to another person is not secret), never for one who left the roster (docs/decisions/019-hand-votes.md).
 */
function refusalOf(motion: VoteState | undefined, onBehalf: boolean): MeetingProblem | null {
  if (!motion) return "notFound";
  const refused = motionRefusal(motion.status, "vote");
  if (refused) return refused;
  if (onBehalf && motion.secret) return "handVoteSecret";
  if (motion.onRoster === null) return "notRepresentative";
  if (motion.leftAt !== null) return "leftRoster";
  if (!motion.checkedInAt) return "notCheckedIn";
  if (onBehalf && motion.checkedInBy === null) return "handVoteSelfCheckedIn";
  if (motion.voted) return "alreadyVoted";
  return null;
}

// Refusals no later write can undo: a closed motion never reopens, a ballot is never deleted, a
// motion stays secret or named, a check-in is never redone and nobody comes back onto a roster.
const SETTLED: ReadonlySet<MeetingProblem> = new Set(["votingClosed", "alreadyVoted", "handVoteSecret", "handVoteSelfCheckedIn", "leftRoster"]);

/**
 * A refusal known before the write transaction: the actor's role, or a vote already settled for
 * this voter. It opens no transaction, switches no durable sync, throws nothing and, in a storm,
 * does not wait for the group commit (an fsync) of the ballots queued before it. It stays true until
 * the transaction would run, and the transaction checks everything again anyway.
 */
function settledRefusal(input: BallotInput): MeetingProblem | null {
  const who = voterOf(input);
  if ("problem" in who) return who.problem;
  const refused = refusalOf(voteState.get({ communityId: input.communityId, meetingId: input.meetingId, motionId: input.motionId, voter: who.voter }), who.onBehalf);
  return refused && SETTLED.has(refused) ? refused : null;
}

function writeBallot(input: BallotInput) {
  return (tx: Tx) => {
    const who = voterOf(input);
    if ("problem" in who) throw meetingRefused(who.problem);
    const { voter, onBehalf } = who;
    const motion = voteState.get({ communityId: input.communityId, meetingId: input.meetingId, motionId: input.motionId, voter });
    const refused = refusalOf(motion, onBehalf);
    if (refused || !motion) throw meetingRefused(refused ?? "notFound");
    const at = now();
    const recordedBy = onBehalf ? input.userId : null;
    const choice = motion.secret ? null : input.choice;
    const entry = appendLedger(tx, {
      communityId: input.communityId,
      type: "ballot.cast",
      actorId: input.userId,
      subject: `motion:${motion.motionId}`,
      payload: ballotPayload({ motionId: motion.motionId, userId: voter, choice, recordedBy }),
      at,
    });
    insertBallot().run({ motionId: motion.motionId, userId: voter, choice, recordedBy, castAt: at, ledgerSeq: entry.seq });
    if (motion.secret) {
      const column = motions[input.choice];
      tx.update(motions).set({ [input.choice]: sql`${column} + 1` }).where(eq(motions.id, motion.motionId)).run();
    }
    if (onBehalf) notifyHandVote(tx, { communityId: input.communityId, motionId: motion.motionId, voter, recordedBy: input.userId, choice });
    return {};
  };
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
 * 结束表决: counts the ballots against those present now (or, for a share of all members, the roster
 * frozen when the vote opened), by the motion's frozen basis, and settles the
 * topic: passed → a resolution published for 公示; failed → back to deliberation once, or closed.
 * After this the motion's counts never change: a ballot needs the status 'voting'.
 */
export function closeVote(input: MeetingActor & { meetingId: number; motionId: number }): MeetingResult<{ result: MotionResult; resolutionId: number | null }> {
  // A topic that is no longer waiting for the vote cannot be settled by it: nothing was written.
  const topicRefused = () => ({ ok: false as const, problem: "wrongStatus" as const });
  return meetingWrite(
    { communityId: input.communityId, meetingId: input.meetingId },
    (tx, publish) => {
      requireRoleIn(input, CONVENER);
      const meeting = meetingRow(tx, input.communityId, input.meetingId);
      // An assembly's motion is settled by the count its tellers give (assembly-count.server.ts).
      if (meeting.body === "assembly") throw meetingRefused("countedByHand");
      const motion = motionRow(tx, meeting.id, input.motionId);
      const refused = motionRefusal(motion.status, "close");
      if (refused) throw meetingRefused(refused);
      const counts = countVotes(tx, motion);
      const present = presentForMotion(tx, meeting.id, motion.id);
      const settled = settleMotion(tx, { communityId: input.communityId, actorId: input.userId, meetingId: meeting.id, motion, counts, present, record: { ballots: votedCount(tx, motion.id) } });
      publish(settled.moved);
      return { result: settled.result, resolutionId: settled.resolutionId };
    },
    topicRefused,
  );
}

/**
 * 结束表决's second half, for a count from ballots or from an assembly's tellers alike: writes the
 * counts on the motion, records `motion.closed` (with `record`: what the count came from) and settles
 * the topic: passed → a resolution published for 公示; failed → back to deliberation once, or closed.
 * Returns the topic's move for the caller to publish.
 */
export function settleMotion(
  tx: Tx,
  { communityId, actorId, meetingId, motion, counts, present, countedBy = null, record }: { communityId: number; actorId: number; meetingId: number; motion: typeof motions.$inferSelect; counts: { yes: number; no: number; abstain: number }; present: number; countedBy?: string | null; record: Record<string, JsonValue> },
) {
  const result = motionResult({ ...motion, ...counts, present });
  const at = now();
  tx.update(motions)
    .set({ status: nextMotionStatus(motion.status, "close")!, closedAt: at, closedBy: actorId, ...counts, present, passed: result.passed, countedBy })
    .where(and(eq(motions.id, motion.id), eq(motions.status, "voting")))
    .run();
  appendLedger(tx, {
    communityId,
    type: "motion.closed",
    actorId,
    subject: `motion:${motion.id}`,
    payload: { meeting: meetingId, topic: motion.topicId, present, ...counts, ...record, passed: result.passed, threshold: result.threshold, minimumYes: result.minimumYes, ...(result.ofAll ? { ofAll: result.base } : {}) },
    at,
  });
  let resolutionId: number | null = null;
  let moved: { from: TopicState; to: TopicState };
  if (result.passed) {
    resolutionId = publishResolution(tx, { communityId, motion: { ...motion, ...counts, present }, at });
    moved = { from: "onAgenda", to: tx.select({ state: topics.state }).from(topics).where(eq(topics.id, motion.topicId)).get()!.state };
  } else {
    const revisedBefore = tx
      .select({ n: sql<number>`count(*)` })
      .from(topicEvents)
      .where(and(eq(topicEvents.topicId, motion.topicId), eq(topicEvents.action, "failAndRevise")))
      .get()!.n;
    const action = motion.onFail === "revise" && revisedBefore === 0 ? "failAndRevise" : "fail";
    moved = advanceInTx(tx, { topicId: motion.topicId, communityId, action, actor: "system" });
  }
  return { result, resolutionId, moved: { name: "topicMoved", payload: { topicId: motion.topicId, communityId, ...moved } } as const };
}
