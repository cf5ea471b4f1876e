// 签到 at the assembly's door: staff (the convener or the committee) find a person or a household on
// the roll and check them in, many of them without a phone. The roll's names are for staff only: the
// ledger records roll and member ids, the screen and the board counts.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { assemblyRoll, householdMembers, households } from "../../db/schema";
import { meetingMay } from "../workflow/meeting-lifecycle";
import type { DoorSeat } from "../workflow/assembly-meeting";
import type { Role } from "../workflow/roles";
import { countAssemblyPresent, meetingDay } from "./assembly-roll.server";
import { registerAdults } from "./register.server";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { CONVENER, meetingRefused, meetingRow, meetingWrite, type MeetingActor, type MeetingResult } from "./meeting.server";

/** Who checks people in at the door: the convener's side and the committee. */
export const DOOR_ROLES: readonly Role[] = [CONVENER, "committee"];

export function mayKeepDoor(roles: readonly Role[]): boolean {
  return DOOR_ROLES.some((r) => roles.includes(r));
}

/**
 * 签到: checks one seat of the roll in. Counting households, `memberId` names the adult of the
 * household who came (default: its representative, else its first adult); one check-in per seat.
 */
export function checkInAtDoor(input: MeetingActor & { meetingId: number; rollId: number; memberId?: number | null }): MeetingResult<{ present: number }> {
  return meetingWrite({ communityId: input.communityId, meetingId: input.meetingId }, (tx) => {
    if (!mayKeepDoor(input.roles)) throw meetingRefused("wrongRole");
    const meeting = meetingRow(tx, input.communityId, input.meetingId);
    if (meeting.body !== "assembly") throw meetingRefused("notAssembly");
    if (!meetingMay(meeting.status, "checkIn")) throw meetingRefused("wrongStatus");
    const seat = tx.select().from(assemblyRoll).where(and(eq(assemblyRoll.id, input.rollId), eq(assemblyRoll.meetingId, meeting.id))).get();
    if (!seat) throw meetingRefused("notOnRoster");
    if (seat.checkedInAt) throw meetingRefused("alreadyCheckedIn");
    let memberId = seat.memberId;
    if (seat.seat === "household") {
      const adults = registerAdults(tx, input.communityId, meetingDay(input.communityId, meeting.scheduledAt)).filter((a) => a.householdId === seat.householdId);
      const chosen = input.memberId != null ? adults.find((a) => a.id === input.memberId) : adults.find((a) => a.representative) ?? adults[0];
      if (!chosen) throw meetingRefused("notHouseholdAdult");
      memberId = chosen.id;
    }
    const at = now();
    const done = tx
      .update(assemblyRoll)
      .set({ checkedInAt: at, checkedInBy: input.userId, memberId })
      .where(and(eq(assemblyRoll.id, seat.id), isNull(assemblyRoll.checkedInAt)))
      .run();
    if (done.changes !== 1) throw meetingRefused("alreadyCheckedIn");
    const present = countAssemblyPresent(tx, meeting.id);
    appendLedger(tx, {
      communityId: input.communityId,
      type: "assembly.checkedIn",
      actorId: input.userId,
      subject: `meeting:${meeting.id}`,
      payload: { roll: seat.id, member: memberId, present, members: meeting.members ?? 0 },
      at,
    });
    return { present };
  });
}

const LIMIT = 60;

/**
 * The roll as the door sees it, found by name, household code (户号) or group: at most 60 seats,
 * those not yet checked in first. For staff only (names of the register).
 */
export function searchDoorRoll({ communityId, meetingId, scheduledAt, q }: { communityId: number; meetingId: number; scheduledAt: Date; q: string }): { seats: DoorSeat[]; more: boolean } {
  const db = getDb();
  const like = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const matches = q.trim()
    ? sql`(${households.code} like ${like} escape '\\' or ${households.groupName} like ${like} escape '\\' or exists (select 1 from ${householdMembers} hm where hm.household_id = ${households.id} and hm.removed_at is null and hm.name like ${like} escape '\\'))`
    : sql`1`;
  const rows = db
    .select({ rollId: assemblyRoll.id, seat: assemblyRoll.seat, householdId: assemblyRoll.householdId, memberId: assemblyRoll.memberId, checkedInAt: assemblyRoll.checkedInAt, code: households.code, groupName: households.groupName, name: householdMembers.name })
    .from(assemblyRoll)
    .innerJoin(households, and(eq(households.id, assemblyRoll.householdId), eq(households.communityId, communityId)))
    .leftJoin(householdMembers, eq(householdMembers.id, assemblyRoll.memberId))
    .where(and(eq(assemblyRoll.meetingId, meetingId), matches))
    .orderBy(sql`${assemblyRoll.checkedInAt} is not null`, asc(households.code), asc(assemblyRoll.id))
    .limit(LIMIT + 1)
    .all();
  const householdIds = [...new Set(rows.filter((r) => r.seat === "household" && !r.checkedInAt).map((r) => r.householdId))];
  const adults = householdIds.length ? registerAdults(db, communityId, meetingDay(communityId, scheduledAt)).filter((a) => householdIds.includes(a.householdId)) : [];
  const seats = rows.slice(0, LIMIT).map((r) => ({
    rollId: r.rollId,
    seat: r.seat,
    householdCode: r.code,
    groupName: r.groupName,
    name: r.name,
    checkedIn: r.checkedInAt !== null,
    adults: adults
      .filter((a) => a.householdId === r.householdId && r.seat === "household" && !r.checkedInAt)
      .sort((a, b) => Number(b.representative) - Number(a.representative))
      .map((a) => ({ id: a.id, name: a.name, representative: a.representative })),
  }));
  return { seats, more: rows.length > LIMIT };
}
