import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client.server";
import { ballotPayload } from "../../../app/models/ballot.server";
import { appendLedger } from "../../../app/models/ledger.server";
import { insertResolution, publishOnBoard, resolutionYear } from "../../../app/models/resolution.server";
import { canonicalJson, type JsonValue } from "../../../app/models/canonical-json";
import { sha256Hex } from "../../../app/models/freeze.server";
import type { BallotChoice, RosterSeat } from "../../../app/workflow/meetings";
import { freezeBasis, type RulesForBasis } from "../../../app/workflow/motion-basis";
import { ratioText, type Ratio } from "../../../app/workflow/rule-packs";
import { evaluateMotion } from "../../../app/workflow/tally";
import type { DemoMeeting } from "./data";
import { ballots, deadlines, meetingAttendance, meetings, motions, resolutions } from "../../../db/schema";

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

/** `days` from `nowMs`, at hh:mm China time (UTC+8, where the demo communities are). */
function chinaTime(nowMs: number, days: number, hour: number, minute: number): Date {
  const wall = new Date(nowMs + days * DAY + 8 * 3_600_000);
  return new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), hour - 8, minute));
}

interface PlannedBallot {
  username: string;
  choice: BallotChoice;
  recordedBy: string | null;
  at: Date;
}

export interface PlannedMotion {
  topic: number;
  position: number;
  openedAt: Date | null;
  closedAt: Date | null;
  ballots: PlannedBallot[];
  publicityEndsAt: Date | null;
}

export interface PlannedMeeting {
  number: number;
  title: string;
  place: string;
  createdAt: Date;
  scheduledAt: Date;
  noticeDays: number;
  ended: boolean;
  startedAt: Date | null;
  endedAt: Date | null;
  checkIns: Array<{ username: string; byConvener: boolean; at: Date }>;
  motions: PlannedMotion[];
}

/**
 * The demo meetings laid out in time: a past meeting opens at 19:30, the representatives check in a
 * minute apart, each motion is opened, voted on (a ballot every 20 seconds) and closed in turn, and
 * its resolution's 公示 runs `publicityDays` from the close. Pure: the seed writes these moments into
 * the rows, the ledger and the topics' histories alike, so all three agree.
 */
export function planMeetings(demo: DemoMeeting[], nowMs: number, publicityDays: number, convener: string): PlannedMeeting[] {
  return demo.map((m, i) => {
    const scheduledAt = chinaTime(nowMs, m.inDays, 19, 30);
    const createdAt = new Date(scheduledAt.getTime() - m.noticeDays * DAY - 2 * 3_600_000);
    const ended = m.inDays < 0 && m.present !== undefined;
    const checkIns = ended
      ? [...m.present!.self.map((username) => ({ username, byConvener: false })), ...m.present!.byConvener.map((username) => ({ username, byConvener: true }))].map((c, n) => ({
          ...c,
          at: new Date(scheduledAt.getTime() + n * MINUTE),
        }))
      : [];
    let clock = scheduledAt.getTime() + (checkIns.length + 5) * MINUTE;
    const planned = m.motions.map((motion, p) => {
      if (!ended) return { topic: motion.topic, position: p + 1, openedAt: null, closedAt: null, ballots: [], publicityEndsAt: null };
      const openedAt = new Date(clock);
      const votes = checkIns.map((c, n) => ({
        username: c.username,
        choice: (motion.against?.includes(c.username) ? "no" : motion.abstained?.includes(c.username) ? "abstain" : "yes") as BallotChoice,
        recordedBy: motion.recordedByConvener?.includes(c.username) ? convener : null,
        at: new Date(clock + (n + 1) * 20_000),
      }));
      const closedAt = new Date(clock + (votes.length + 3) * 20_000);
      clock = closedAt.getTime() + 5 * MINUTE;
      return { topic: motion.topic, position: p + 1, openedAt, closedAt, ballots: votes, publicityEndsAt: new Date(closedAt.getTime() + publicityDays * DAY) };
    });
    return {
      number: i + 1,
      title: m.title,
      place: m.place,
      createdAt,
      scheduledAt,
      noticeDays: m.noticeDays,
      ended,
      startedAt: ended ? scheduledAt : null,
      endedAt: ended ? new Date(clock) : null,
      checkIns,
      motions: planned,
    };
  });
}

/** For each topic voted on at a past demo meeting: when it was frozen, passed and its 公示 ended (its history's fixed points). */
export function votedTopicTimes(plans: PlannedMeeting[]): Map<number, { freeze: Date; pass: Date; endPublicity: Date }> {
  const times = new Map<number, { freeze: Date; pass: Date; endPublicity: Date }>();
  for (const m of plans) {
    for (const motion of m.motions) {
      if (!motion.closedAt || !motion.publicityEndsAt) continue;
      times.set(motion.topic, { freeze: new Date(m.createdAt.getTime() - DAY), pass: motion.closedAt, endPublicity: motion.publicityEndsAt });
    }
  }
  return times;
}

/** When a topic tabled at an upcoming demo meeting was frozen (the day before the meeting was called). */
export function tabledTopicFreezes(plans: PlannedMeeting[]): Map<number, Date> {
  return new Map(plans.filter((m) => !m.ended).flatMap((m) => m.motions.map((motion) => [motion.topic, new Date(m.createdAt.getTime() - DAY)] as const)));
}

interface WriteContext {
  communityId: number;
  plans: PlannedMeeting[];
  userIds: Map<string, number>;
  /** Seeded topic number → its id, and its frozen text. */
  topics: Map<number, { id: number; sha256: string; text: string; pass: Ratio }>;
  /** 组成人员: each once, with the seat they hold (committee member first). */
  seats: Array<{ username: string; seat: RosterSeat }>;
  convener: string;
  noticeDaysRequired: number;
  /** The rules as seeded: each vote's basis is frozen from them, as opening a vote does. */
  rules: RulesForBasis;
}


/**
 * Writes the planned meetings as the meeting, ballot and resolution models would have: the rows and,
 * in the same order and with the same payloads, their ledger entries (a ballot points at its
 * `ballot.cast` entry), so `ledger:verify` holds after seeding.
 */
export function writeMeetings(tx: Tx, { communityId, plans, userIds, topics, seats, convener: convenerName, noticeDaysRequired, rules }: WriteContext) {
  const uid = (username: string) => userIds.get(username)!;
  const convener = uid(convenerName);
  const seated = seats.map((s) => ({ userId: uid(s.username), seat: s.seat })).sort((a, b) => a.userId - b.userId);
  const roster = seated.map((s) => s.userId);
  const committeeMembers = seated.filter((s) => s.seat === "committeeMember").map((s) => s.userId);
  const numbered = new Map<number, number>();
  // The 公示 periods ended without objections: each resolution took effect (and its topic moved to
  // execution). Written in time order among the later meetings' entries.
  const effective: Array<{ id: number; topicId: number; at: Date }> = [];
  const takeEffect = (until: number) => {
    for (const r of effective.filter((e) => e.at.getTime() <= until).sort((a, b) => a.at.getTime() - b.at.getTime())) {
      tx.update(resolutions).set({ status: "effective", effectiveAt: r.at }).where(eq(resolutions.id, r.id)).run();
      appendLedger(tx, { communityId, type: "resolution.effective", actorId: null, subject: `resolution:${r.id}`, payload: { topic: r.topicId }, at: r.at });
      effective.splice(effective.indexOf(r), 1);
    }
  };
  for (const plan of plans) {
    takeEffect(plan.createdAt.getTime());
    const meeting = tx
      .insert(meetings)
      .values({
        communityId,
        number: plan.number,
        title: plan.title,
        place: plan.place,
        scheduledAt: plan.scheduledAt,
        noticeDaysRequired,
        status: plan.ended ? "ended" : "scheduled",
        members: plan.ended ? roster.length : null,
        createdBy: convener,
        createdAt: plan.createdAt,
        startedAt: plan.startedAt,
        endedAt: plan.endedAt,
      })
      .returning({ id: meetings.id })
      .get();
    const meetingId = meeting.id;
    appendLedger(tx, {
      communityId,
      type: "meeting.scheduled",
      actorId: convener,
      subject: `meeting:${meetingId}`,
      payload: { number: plan.number, title: plan.title, place: plan.place, scheduledAt: plan.scheduledAt.toISOString(), noticeDays: plan.noticeDays, noticeDaysRequired },
      at: plan.createdAt,
    });
    const motionIds = plan.motions.map((m) => {
      const topic = topics.get(m.topic)!;
      const row = tx
        .insert(motions)
        .values({ communityId, meetingId, topicId: topic.id, position: m.position, text: topic.text, sha256: topic.sha256, passNum: topic.pass.num, passDen: topic.pass.den, passInclusive: topic.pass.inclusive })
        .returning({ id: motions.id })
        .get();
      appendLedger(tx, {
        communityId,
        type: "motion.tabled",
        actorId: convener,
        subject: `motion:${row.id}`,
        payload: { meeting: meetingId, topic: topic.id, position: m.position, sha256: topic.sha256, secret: false, onFail: "revise", pass: ratioText(topic.pass) },
        at: new Date(plan.createdAt.getTime() + (m.position + 1) * MINUTE),
      });
      return row.id;
    });
    if (!plan.ended) continue;

    tx.insert(meetingAttendance).values(seated.map(({ userId, seat }) => ({ meetingId, userId, seat }))).run();
    appendLedger(tx, {
      communityId,
      type: "meeting.started",
      actorId: convener,
      subject: `meeting:${meetingId}`,
      payload: { members: roster.length, roster, ...(committeeMembers.length ? { committeeMembers } : {}) },
      at: plan.startedAt!,
    });
    plan.checkIns.forEach((c, n) => {
      const rep = uid(c.username);
      tx.update(meetingAttendance)
        .set({ checkedInAt: c.at, checkedInBy: c.byConvener ? convener : null })
        .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.userId, rep)))
        .run();
      appendLedger(tx, {
        communityId,
        type: "attendance.checkedIn",
        actorId: c.byConvener ? convener : rep,
        subject: `meeting:${meetingId}`,
        payload: { representative: rep, ...(c.byConvener ? { by: convener } : {}), present: n + 1, members: roster.length },
        at: c.at,
      });
    });
    const present = plan.checkIns.length;
    plan.motions.forEach((m, i) => {
      const motionId = motionIds[i];
      const topic = topics.get(m.topic)!;
      const basis = canonicalJson(freezeBasis(rules, { passNum: topic.pass.num, passDen: topic.pass.den, passInclusive: topic.pass.inclusive, passOfAll: false }, roster.length) as unknown as JsonValue);
      appendLedger(tx, {
        communityId,
        type: "motion.opened",
        actorId: convener,
        subject: `motion:${motionId}`,
        payload: { meeting: meetingId, topic: topic.id, sha256: topic.sha256, present, members: roster.length, basis: sha256Hex(basis) },
        at: m.openedAt!,
      });
      for (const b of m.ballots) {
        const voter = uid(b.username);
        const recordedBy = b.recordedBy ? uid(b.recordedBy) : null;
        const entry = appendLedger(tx, { communityId, type: "ballot.cast", actorId: recordedBy ?? voter, subject: `motion:${motionId}`, payload: ballotPayload({ motionId, userId: voter, choice: b.choice, recordedBy }), at: b.at });
        tx.insert(ballots).values({ motionId, userId: voter, choice: b.choice, recordedBy, castAt: b.at, ledgerSeq: entry.seq }).run();
      }
      const counts = { yes: 0, no: 0, abstain: 0 };
      for (const b of m.ballots) counts[b.choice] += 1;
      const result = evaluateMotion({ present, ...counts, rule: topic.pass });
      tx.update(motions)
        .set({ status: "closed", basis, openedAt: m.openedAt, openedBy: convener, closedAt: m.closedAt, closedBy: convener, ...counts, present, passed: result.passed })
        .where(eq(motions.id, motionId))
        .run();
      appendLedger(tx, {
        communityId,
        type: "motion.closed",
        actorId: convener,
        subject: `motion:${motionId}`,
        payload: { meeting: meetingId, topic: topic.id, present, ...counts, ballots: m.ballots.length, passed: result.passed, threshold: result.threshold, minimumYes: result.minimumYes },
        at: m.closedAt!,
      });
      if (!result.passed) throw new Error(`demo motion on topic ${m.topic} must pass: its topic is past the vote`);
      const year = resolutionYear(m.closedAt!);
      const number = (numbered.get(year) ?? 0) + 1;
      numbered.set(year, number);
      const resolutionId = insertResolution(tx, {
        communityId,
        motion: { id: motionId, topicId: topic.id, sha256: topic.sha256, present, ...counts, passNum: topic.pass.num, passDen: topic.pass.den, passInclusive: topic.pass.inclusive },
        year,
        number,
        at: m.closedAt!,
        publicityEndsAt: m.publicityEndsAt!,
      });
      tx.insert(deadlines).values({ communityId, topicId: topic.id, kind: "publicity", dueAt: m.publicityEndsAt!, doneAt: m.publicityEndsAt! }).run();
      publishOnBoard(tx, { communityId, topicId: topic.id, resolutionId, at: m.closedAt! });
      effective.push({ id: resolutionId, topicId: topic.id, at: m.publicityEndsAt! });
    });
    appendLedger(tx, { communityId, type: "meeting.ended", actorId: convener, subject: `meeting:${meetingId}`, payload: { present, members: roster.length }, at: plan.endedAt! });
  }
  takeEffect(Number.POSITIVE_INFINITY);
}
