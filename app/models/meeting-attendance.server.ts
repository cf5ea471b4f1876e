// 签到 (roll call): checking in to a meeting, by oneself or by the convener from the roster; the rest
// of a meeting's life is in meeting.server.ts.
import { and, eq, sql } from "drizzle-orm";
import { meetingAttendance } from "../../db/schema";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { CONVENER, countPresent, MeetingError, meetingRow, meetingWrite, REPRESENTATIVE, requireRoleIn, type MeetingActor, type MeetingResult } from "./meeting.server";
import { MEETING_ALLOWS } from "../workflow/meetings";

/**
 * 签到: a representative checks in on their phone, or the convener (as secretary) checks one in from
 * the roster (`forUserId`), which is recorded as checked in by them.
 */
export function checkIn(input: MeetingActor & { meetingId: number; forUserId?: number | null }): MeetingResult<{ present: number }> {
  return meetingWrite({ communityId: input.communityId, meetingId: input.meetingId }, (tx) => {
    const onBehalf = input.forUserId != null && input.forUserId !== input.userId;
    requireRoleIn(input, onBehalf ? CONVENER : REPRESENTATIVE);
    const meeting = meetingRow(tx, input.communityId, input.meetingId);
    if (!MEETING_ALLOWS[meeting.status].checkIn) throw new MeetingError("wrongStatus");
    const userId = onBehalf ? input.forUserId! : input.userId;
    const row = tx.select().from(meetingAttendance).where(and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.userId, userId))).get();
    if (!row) throw new MeetingError("notOnRoster");
    if (row.checkedInAt) throw new MeetingError("alreadyCheckedIn");
    const at = now();
    const done = tx
      .update(meetingAttendance)
      .set({ checkedInAt: at, checkedInBy: onBehalf ? input.userId : null })
      .where(and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.userId, userId), sql`${meetingAttendance.checkedInAt} is null`))
      .run();
    if (done.changes !== 1) throw new MeetingError("alreadyCheckedIn");
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
