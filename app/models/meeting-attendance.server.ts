// 签到 (roll call): checking in to a meeting, by oneself or by the convener from the roster, and
// leaving the roster when the role is revoked; the rest of a meeting's life is in meeting.server.ts.
import { and, eq, exists, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { ballots, meetingAttendance, meetingObservers, meetings } from "../../db/schema";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { CONVENER, countPresent, meetingRefused, meetingRow, meetingWrite, requireRoleIn, sitsOnRoster, type MeetingActor, type MeetingResult } from "./meeting.server";
import { meetingMay } from "../workflow/meeting-lifecycle";

/**
 * 签到: one of 组成人员 (a representative or a committee member) checks in on their phone, or the convener (as secretary) registers one who
 * is in the room without a phone from the roster (`forUserId`), which is recorded as checked in by
 * them (and is what later lets the convener record that person's hand vote).
 */
export function checkIn(input: MeetingActor & { meetingId: number; forUserId?: number | null }): MeetingResult<{ present: number }> {
  return meetingWrite({ communityId: input.communityId, meetingId: input.meetingId }, (tx) => {
    const onBehalf = input.forUserId != null && input.forUserId !== input.userId;
    if (onBehalf) requireRoleIn(input, CONVENER);
    else if (!sitsOnRoster(input.roles)) throw meetingRefused("wrongRole");
    const meeting = meetingRow(tx, input.communityId, input.meetingId);
    if (!meetingMay(meeting.status, "checkIn")) throw meetingRefused("wrongStatus");
    const userId = onBehalf ? input.forUserId! : input.userId;
    const row = tx.select().from(meetingAttendance).where(and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.userId, userId))).get();
    if (!row) throw meetingRefused("notOnRoster");
    if (row.leftAt) throw meetingRefused("leftRoster");
    if (row.checkedInAt) throw meetingRefused("alreadyCheckedIn");
    const at = now();
    const done = tx
      .update(meetingAttendance)
      .set({ checkedInAt: at, checkedInBy: onBehalf ? input.userId : null })
      .where(and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.userId, userId), sql`${meetingAttendance.checkedInAt} is null`))
      .run();
    if (done.changes !== 1) throw meetingRefused("alreadyCheckedIn");
    const present = countPresent(tx, meeting.id);
    appendLedger(tx, {
      communityId: input.communityId,
      type: "attendance.checkedIn",
      actorId: input.userId,
      subject: `meeting:${meeting.id}`,
      payload: { representative: userId, ...(onBehalf ? { by: input.userId } : {}), present, members: meeting.members ?? 0 },
      at,
    });
    return { present };
  });
}

/**
 * 列席: a member of the supervisory committee registers as attending a meeting in session (居委会组织法
 * Art. 36, 村委会组织法 Art. 37: they may attend, not vote). Never on the roster, never counted in the
 * quorum or a tally; the roll and the minutes name them as 列席.
 */
export function attendAsObserver(input: MeetingActor & { meetingId: number }): MeetingResult {
  return meetingWrite({ communityId: input.communityId, meetingId: input.meetingId }, (tx) => {
    requireRoleIn(input, "supervisor");
    const meeting = meetingRow(tx, input.communityId, input.meetingId);
    if (!meetingMay(meeting.status, "observe")) throw meetingRefused("wrongStatus");
    const at = now();
    const done = tx.insert(meetingObservers).values({ meetingId: meeting.id, userId: input.userId, capacity: "supervisor", checkedInAt: at }).onConflictDoNothing().run();
    if (done.changes !== 1) throw meetingRefused("alreadyCheckedIn");
    appendLedger(tx, { communityId: input.communityId, type: "attendance.observed", actorId: input.userId, subject: `meeting:${meeting.id}`, payload: { observer: input.userId, capacity: "supervisor" }, at });
    return {};
  });
}

/**
 * One whose last seat-giving role (representative or committee member) was revoked leaves the roster of every meeting of the community in
 * session (inside the revocation's transaction): from now on they are not one of its members, not
 * present, cannot be checked in and cannot vote or be voted for. Their attendance row stays (the
 * minutes show that they came and when they left) and so do the ballots they cast before: those were
 * valid when cast (docs/decisions/019-hand-votes.md). Meetings not yet started take their roster from
 * the roles at the start; ended ones are history. Returns the meetings whose roster changed.
 */
export function leaveRosters(tx: Tx, { communityId, userId, actorId }: { communityId: number; userId: number; actorId: number }): number[] {
  const seats = tx
    .select({ meetingId: meetings.id, members: meetings.members })
    .from(meetingAttendance)
    .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
    .where(and(eq(meetings.communityId, communityId), eq(meetings.status, "inSession"), eq(meetingAttendance.userId, userId), isNull(meetingAttendance.leftAt)))
    .all();
  const at = now();
  for (const seat of seats) {
    tx.update(meetingAttendance)
      .set({ leftAt: at })
      .where(and(eq(meetingAttendance.meetingId, seat.meetingId), eq(meetingAttendance.userId, userId)))
      .run();
    const members = (seat.members ?? 1) - 1;
    tx.update(meetings).set({ members }).where(eq(meetings.id, seat.meetingId)).run();
    appendLedger(tx, {
      communityId,
      type: "attendance.left",
      actorId,
      subject: `meeting:${seat.meetingId}`,
      payload: { representative: userId, present: countPresent(tx, seat.meetingId), members },
      at,
    });
  }
  return seats.map((s) => s.meetingId);
}

/**
 * Those present for a motion when its vote closes: checked in and still on the roster, plus anyone
 * who left the roster after casting a ballot on this motion. That ballot stands (it was valid when
 * cast), so its voter is counted present for it too: otherwise the ballots could outnumber those
 * present, and the share that passes it would be reckoned against too few.
 */
export function presentForMotion(tx: Tx, meetingId: number, motionId: number): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(meetingAttendance)
      .where(
        and(
          eq(meetingAttendance.meetingId, meetingId),
          isNotNull(meetingAttendance.checkedInAt),
          or(isNull(meetingAttendance.leftAt), exists(tx.select({ one: sql`1` }).from(ballots).where(and(eq(ballots.motionId, motionId), eq(ballots.userId, meetingAttendance.userId))))),
        ),
      )
      .get()?.n ?? 0
  );
}
