import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "../../db/client.server";
import { ballots, meetingAttendance, meetingObservers, meetings, motions, resolutions, topics, users } from "../../db/schema";
import type { BallotChoice } from "../workflow/meetings";
import { basisOf, motionResult } from "../workflow/motion-basis";
import { motionMay } from "../workflow/motion-lifecycle";
import type { MotionResult, QuorumResult } from "../workflow/tally";
import { votedCount } from "./ballot.server";
import type { ScreenState } from "./meeting-screen";
import { getRosterMakeUp, quorumOf } from "./meeting.server";
import { requireRules } from "./rules.server";
import { communityKind } from "./assembly-roll.server";
import { assemblyFacts } from "../workflow/assembly-meeting";

const recorder = alias(users, "recorder");

/**
 * Everything about one meeting that its pages show (the meeting page, the projector screen, the
 * minutes): the roll call with the quorum and its legal basis, and each motion with its count. A
 * named motion's ballots (who chose what) are only given once its vote is closed; a secret motion's
 * never exist. `forUserId` adds what that person has done (checked in? voted?).
 */
export function getMeetingView({ communityId, meetingId, forUserId = null }: { communityId: number; meetingId: number; forUserId?: number | null }) {
  const db = getDb();
  const meeting = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.communityId, communityId)))
    .get();
  if (!meeting) return null;
  const r = requireRules(communityId, db);
  const everyone = db
    .select({
      userId: meetingAttendance.userId,
      name: users.displayName,
      checkedInAt: meetingAttendance.checkedInAt,
      checkedInBy: recorder.displayName,
      /** Registered as present by the convener's side (no device of their own): only they may have a hand vote recorded. */
      assisted: sql<boolean>`${meetingAttendance.checkedInBy} is not null`.mapWith(Boolean),
      leftAt: meetingAttendance.leftAt,
      seat: meetingAttendance.seat,
    })
    .from(meetingAttendance)
    .innerJoin(users, eq(users.id, meetingAttendance.userId))
    .leftJoin(recorder, eq(recorder.id, meetingAttendance.checkedInBy))
    .where(eq(meetingAttendance.meetingId, meeting.id))
    .orderBy(asc(users.displayName))
    .all();
  // Those whose role was revoked mid-session left the roster: the minutes still name them, nothing else offers them.
  const roster = everyone.filter((p) => p.leftAt === null);
  const left = everyone.filter((p) => p.leftAt !== null);
  const quorum: QuorumResult | null = meeting.members === null ? null : quorumOf(db, communityId, meeting);
  // 列席: supervisors attending; named in the roll and the minutes, never counted.
  const observers = db
    .select({ userId: meetingObservers.userId, name: users.displayName, capacity: meetingObservers.capacity, checkedInAt: meetingObservers.checkedInAt })
    .from(meetingObservers)
    .innerJoin(users, eq(users.id, meetingObservers.userId))
    .where(eq(meetingObservers.meetingId, meeting.id))
    .orderBy(asc(meetingObservers.checkedInAt))
    .all();
  const rows = db
    .select({ motion: motions, topicNumber: topics.number, topicTitle: topics.title, topicState: topics.state, resolutionId: resolutions.id, resolutionYear: resolutions.year, resolutionNumber: resolutions.number, resolutionStatus: resolutions.status })
    .from(motions)
    .innerJoin(topics, eq(topics.id, motions.topicId))
    .leftJoin(resolutions, eq(resolutions.motionId, motions.id))
    .where(eq(motions.meetingId, meeting.id))
    .orderBy(asc(motions.position))
    .all();
  const me = forUserId === null ? null : roster.find((p) => p.userId === forUserId) ?? null;
  const agenda = rows.map(({ motion, ...topic }) => {
    const closed = motion.status === "closed";
    const voted = votedCount(db, motion.id);
    const basis = basisOf(motion);
    const rule = basis?.pass ?? { num: motion.passNum, den: motion.passDen, inclusive: motion.passInclusive };
    const result: MotionResult | null = closed ? motionResult(motion) : null;
    const named = closed && !motion.secret ? namedBallots(motion.id) : [];
    const mine =
      forUserId === null
        ? null
        : db
            .select({ choice: ballots.choice, recordedBy: recorder.displayName })
            .from(ballots)
            .leftJoin(recorder, eq(recorder.id, ballots.recordedBy))
            .where(and(eq(ballots.motionId, motion.id), eq(ballots.userId, forUserId)))
            .get() ?? null;
    return {
      id: motion.id,
      position: motion.position,
      topicId: motion.topicId,
      ...topic,
      text: motion.text,
      sha256: motion.sha256,
      secret: motion.secret,
      onFail: motion.onFail,
      status: motion.status,
      rule,
      passOfAll: basis?.passOfAll ?? motion.passOfAll,
      /** The basis frozen when the vote opened (null before): what the result is counted and cited by. */
      basis,
      /** An assembly's motion: the tellers (计票人 / 监票人) who counted it by hand. */
      countedBy: motion.countedBy,
      openedAt: motion.openedAt,
      closedAt: motion.closedAt,
      voted,
      result,
      named,
      /** Whether this person has voted, (named motions only) how, and who recorded it when it was a hand vote. */
      myBallot: mine ? { choice: mine.choice, recordedBy: mine.recordedBy } : null,
      /** Who has voted while the vote is open (never how). */
      votedUserIds: motionMay(motion.status, "vote") ? db.select({ userId: ballots.userId }).from(ballots).where(eq(ballots.motionId, motion.id)).all().map((b) => b.userId) : [],
    };
  });
  return {
    meeting,
    rules: { quorum: { num: r.quorumNum, den: r.quorumDen, inclusive: r.quorumInclusive }, basisZh: r.basisZh, basisEn: r.basisEn, pack: r.pack },
    quorum,
    roster,
    left,
    observers,
    /** 组成人员 N: 居(村)委会成员 n, representatives m — of the roster taken at the start (those who left included), or as it would be now. */
    makeUp: getRosterMakeUp({ communityId, seats: meeting.members === null ? undefined : everyone }),
    agenda,
    assembly: meeting.body === "assembly" ? assemblyFacts(communityKind(db, communityId), meeting.countBy ?? "persons") : null,
    me: me ? { onRoster: true, checkedIn: me.checkedInAt !== null } : { onRoster: false, checkedIn: false },
  };
}

/** Who chose what on a closed named motion, with who recorded a hand vote. */
export function namedBallots(motionId: number) {
  return getDb()
    .select({ userId: ballots.userId, name: users.displayName, choice: ballots.choice, castAt: ballots.castAt, recordedBy: recorder.displayName })
    .from(ballots)
    .innerJoin(users, eq(users.id, ballots.userId))
    .leftJoin(recorder, eq(recorder.id, ballots.recordedBy))
    .where(eq(ballots.motionId, motionId))
    .orderBy(asc(users.displayName))
    .all()
    .map((b) => ({ ...b, choice: b.choice as BallotChoice }));
}

/** The live counts the projector shows: attendance, quorum, how many have voted; the tally once closed. No names. */
export function getScreenState({ communityId, meetingId }: { communityId: number; meetingId: number }): ScreenState | null {
  const view = getMeetingView({ communityId, meetingId });
  if (!view) return null;
  const current = view.agenda.find((m) => m.status === "voting") ?? [...view.agenda].reverse().find((m) => m.status === "closed") ?? view.agenda[0] ?? null;
  const resolutionOf = (m: MeetingView["agenda"][number]) => (m.resolutionYear !== null && m.resolutionNumber !== null ? { year: m.resolutionYear, number: m.resolutionNumber } : null);
  return {
    meeting: { id: view.meeting.id, number: view.meeting.number, title: view.meeting.title, place: view.meeting.place, status: view.meeting.status, scheduledAt: view.meeting.scheduledAt.toISOString() },
    rules: view.rules,
    quorum: view.quorum,
    present: view.assembly ? view.quorum?.present ?? 0 : view.roster.filter((p) => p.checkedInAt).length,
    assembly: view.assembly,
    members: view.meeting.members ?? view.roster.length,
    motion: current
      ? {
          id: current.id,
          position: current.position,
          topicNumber: current.topicNumber,
          topicTitle: current.topicTitle,
          sha256: current.sha256,
          secret: current.secret,
          status: current.status,
          voted: current.voted,
          result: current.result,
          rule: current.rule,
          resolution: resolutionOf(current),
        }
      : null,
    motions: view.agenda.map((m) => ({ id: m.id, position: m.position, topicNumber: m.topicNumber, topicTitle: m.topicTitle, status: m.status, passed: m.result?.passed ?? null, resolution: resolutionOf(m) })),
  };
}

export type MeetingView = NonNullable<ReturnType<typeof getMeetingView>>;
export type { ScreenState };
