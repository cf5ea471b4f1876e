import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { meetingAttendance, meetings, motions } from "../../db/schema";
import { meetingMay, nextMeetingStatus, type MeetingAction } from "../workflow/meeting-lifecycle";
import { LAPSING_MOTION_STATUSES, nextMotionStatus } from "../workflow/motion-lifecycle";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { COMMITTEE_MEMBER, CONVENER, meetingRefused, meetingRow, meetingWrite, quorumOf, requireRoleIn, rosterSeats, type MeetingActor, type MeetingResult } from "./meeting.server";
import { notifyUsers } from "./notification.server";
import { meetingNoticeRecipients } from "../notify/meeting-notice.server";
import { takeAssemblyRoll } from "./assembly-roll.server";

/**
 * An assembly's session opens with its roll taken from the register (assembly-roll.server.ts): every
 * adult on the meeting's day, or every household with one; `members` is the roll's size. The ledger
 * records the body, the count mode and the size (never a name).
 */
function startAssembly(tx: Tx, input: MeetingActor, meeting: typeof meetings.$inferSelect, at: Date, early: boolean) {
  const members = takeAssemblyRoll(tx, meeting);
  tx.update(meetings).set({ status: nextMeetingStatus(meeting.status, "start"), members, startedAt: at, startedEarly: early }).where(eq(meetings.id, meeting.id)).run();
  appendLedger(tx, {
    communityId: input.communityId,
    type: "meeting.started",
    actorId: input.userId,
    subject: `meeting:${meeting.id}`,
    payload: { members, body: "assembly", countBy: meeting.countBy ?? "persons", ...(early ? { early: true } : {}) },
    at,
  });
  return { members };
}

/** Whether the session would open before the time announced for it, on the server's clock. */
export function opensEarly(meeting: { scheduledAt: Date }, at: Date = now()): boolean {
  return at.getTime() < meeting.scheduledAt.getTime();
}

/**
 * 开会: opens the session and takes the roster that the quorum counts against: 组成人员, every committee
 * member and representative now, each attendance row with its seat. Before the announced time the
 * convener must confirm it (`early`): the meeting records it (meetings.started_early) and so does the
 * ledger (`early: true`), and the minutes say so.
 */
export function startMeeting(input: MeetingActor & { meetingId: number; early?: boolean }): MeetingResult<{ members: number }> {
  return meetingWrite({ communityId: input.communityId, meetingId: input.meetingId }, (tx) => {
    requireRoleIn(input, CONVENER);
    const meeting = meetingRow(tx, input.communityId, input.meetingId);
    if (!meetingMay(meeting.status, "start")) throw meetingRefused("wrongStatus");
    const agenda = tx.select({ n: sql<number>`count(*)` }).from(motions).where(eq(motions.meetingId, meeting.id)).get()?.n ?? 0;
    if (agenda === 0) throw meetingRefused("emptyAgenda");
    const at = now();
    const early = opensEarly(meeting, at);
    if (early && input.early !== true) throw meetingRefused("earlyStart");
    if (meeting.body === "assembly") return startAssembly(tx, input, meeting, at, early);
    const seats = rosterSeats(tx, input.communityId);
    const roster = seats.map((s) => s.userId);
    const committeeMembers = seats.filter((s) => s.seat === COMMITTEE_MEMBER).map((s) => s.userId);
    if (seats.length > 0) tx.insert(meetingAttendance).values(seats.map(({ userId, seat }) => ({ meetingId: meeting.id, userId, seat }))).run();
    tx.update(meetings).set({ status: nextMeetingStatus(meeting.status, "start"), members: roster.length, startedAt: at, startedEarly: early }).where(eq(meetings.id, meeting.id)).run();
    appendLedger(tx, {
      communityId: input.communityId,
      type: "meeting.started",
      actorId: input.userId,
      subject: `meeting:${meeting.id}`,
      payload: { members: roster.length, roster, ...(committeeMembers.length ? { committeeMembers } : {}), ...(early ? { early: true } : {}) },
      at,
    });
    return { members: roster.length };
  });
}

/**
 * 流会 (inquorate) or 散会 (ended). The rule: a session is 流会 when no vote was ever opened in it and
 * its quorum is not met when it ends. A vote can only open with the quorum met, so an opened vote
 * proves the meeting sat; check-ins are never taken back, so a quorum not met at the end was never met
 * while it sat (the roster only shrinks when a member's role is revoked, which changes both sides).
 */
function isInquorate(tx: Tx, communityId: number, meeting: { id: number; members: number | null }): boolean {
  const opened = tx
    .select({ id: motions.id })
    .from(motions)
    .where(and(eq(motions.meetingId, meeting.id), inArray(motions.status, ["voting", "closed"])))
    .get();
  return !opened && !quorumOf(tx, communityId, meeting).met;
}

/**
 * 散会: ends the session once no vote is open. Motions never put to the vote lapse (status `lapsed`):
 * their topics stay 待表决 and may be tabled on a later meeting's agenda. A session that never reached
 * its quorum ends as 流会 (status `inquorate`, ledger `meeting.inquorate`), every motion lapsed.
 */
export function endMeeting(input: MeetingActor & { meetingId: number }): MeetingResult<{ inquorate: boolean; lapsed: number[] }> {
  return meetingWrite({ communityId: input.communityId, meetingId: input.meetingId }, (tx) => {
    requireRoleIn(input, CONVENER);
    const meeting = meetingRow(tx, input.communityId, input.meetingId);
    if (!meetingMay(meeting.status, "end")) throw meetingRefused("wrongStatus");
    const voting = tx.select({ id: motions.id }).from(motions).where(and(eq(motions.meetingId, meeting.id), eq(motions.status, "voting"))).get();
    if (voting) throw meetingRefused("motionOpen");
    const at = now();
    const inquorate = isInquorate(tx, input.communityId, meeting);
    const ending: MeetingAction = inquorate ? "endInquorate" : "end";
    const lapsed = tx
      .select({ id: motions.id })
      .from(motions)
      .where(and(eq(motions.meetingId, meeting.id), inArray(motions.status, [...LAPSING_MOTION_STATUSES])))
      .all()
      .map((m) => m.id);
    if (lapsed.length) tx.update(motions).set({ status: nextMotionStatus("pending", "lapse")! }).where(inArray(motions.id, lapsed)).run();
    tx.update(meetings)
      .set({ status: nextMeetingStatus(meeting.status, ending), endedAt: at })
      .where(eq(meetings.id, meeting.id))
      .run();
    const present = quorumOf(tx, input.communityId, meeting).present;
    appendLedger(tx, {
      communityId: input.communityId,
      type: inquorate ? "meeting.inquorate" : "meeting.ended",
      actorId: input.userId,
      subject: `meeting:${meeting.id}`,
      payload: { present, members: meeting.members ?? 0, ...(lapsed.length ? { lapsed } : {}) },
      at,
    });
    return { inquorate, lapsed };
  });
}

/** Calls off a meeting that has not started; its motions go back to waiting for an agenda. */
export function cancelMeeting(input: MeetingActor & { meetingId: number; reason: string }): MeetingResult {
  return meetingWrite({ communityId: input.communityId, meetingId: input.meetingId }, (tx) => {
    requireRoleIn(input, CONVENER);
    const meeting = meetingRow(tx, input.communityId, input.meetingId);
    if (!meetingMay(meeting.status, "cancel")) throw meetingRefused("wrongStatus");
    tx.delete(motions).where(eq(motions.meetingId, meeting.id)).run();
    tx.update(meetings).set({ status: nextMeetingStatus(meeting.status, "cancel"), endedAt: now() }).where(eq(meetings.id, meeting.id)).run();
    appendLedger(tx, { communityId: input.communityId, type: "meeting.cancelled", actorId: input.userId, subject: `meeting:${meeting.id}`, payload: { reason: input.reason }, at: now() });
    notifyUsers(tx, {
      userIds: meetingNoticeRecipients(tx, input.communityId, meeting.body),
      communityId: input.communityId,
      kind: "meeting.cancelled",
      payload: { meetingId: meeting.id, number: meeting.number, title: meeting.title, reason: input.reason },
      exceptUserId: input.userId,
    });
    return {};
  });
}
