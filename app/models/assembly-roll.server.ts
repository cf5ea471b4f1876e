// The assembly's roll (assembly_roll): taken from the register's adults on the meeting's day when the
// session opens, and the figures its quorum counts.
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { assemblyRoll, communities } from "../../db/schema";
import type { AssemblyCount } from "../workflow/assembly";
import { assemblyQuorumRule, type CommunityKind } from "../workflow/assembly-meeting";
import { localDate } from "../i18n/time-zone";
import { evaluateQuorum, type QuorumResult } from "../workflow/tally";
import { registerAdults } from "./register.server";
import { getTimeZone } from "./time-zone.server";

export interface RollSeat {
  householdId: number;
  /** The adult (persons); null for a household's seat until someone checks in for it. */
  memberId: number | null;
  seat: "person" | "household";
}

/**
 * Who the roll holds: counting persons, one seat per adult; counting households, one seat per
 * household with at least one adult (who comes for it is chosen at the door).
 */
export function assemblyRollSource(tx: Tx, communityId: number, countBy: AssemblyCount, onDate: string): RollSeat[] {
  const adults = registerAdults(tx, communityId, onDate);
  if (countBy === "persons") return adults.map((a) => ({ householdId: a.householdId, memberId: a.id, seat: "person" }));
  const seen = new Set<number>();
  const seats: RollSeat[] = [];
  for (const a of adults) {
    if (seen.has(a.householdId)) continue;
    seen.add(a.householdId);
    seats.push({ householdId: a.householdId, memberId: null, seat: "household" });
  }
  return seats;
}

/** The meeting's day in the community's zone (YYYY-MM-DD): whose 18th birthday falls on it belongs. */
export function meetingDay(communityId: number, scheduledAt: Date): string {
  return localDate(scheduledAt, getTimeZone(communityId));
}

/** Takes the roll inside the session's opening transaction; returns its size. */
export function takeAssemblyRoll(tx: Tx, meeting: { id: number; communityId: number; countBy: AssemblyCount | null; scheduledAt: Date }): number {
  const seats = assemblyRollSource(tx, meeting.communityId, meeting.countBy ?? "persons", meetingDay(meeting.communityId, meeting.scheduledAt));
  // In chunks: SQLite caps the variables of one statement.
  for (let i = 0; i < seats.length; i += 200) tx.insert(assemblyRoll).values(seats.slice(i, i + 200).map((s) => ({ ...s, meetingId: meeting.id }))).run();
  return seats.length;
}

export function countAssemblyPresent(tx: Tx, meetingId: number): number {
  return tx.select({ n: sql<number>`count(*)` }).from(assemblyRoll).where(and(eq(assemblyRoll.meetingId, meetingId), isNotNull(assemblyRoll.checkedInAt))).get()?.n ?? 0;
}

export function communityKind(tx: Tx, communityId: number): CommunityKind {
  return tx.select({ kind: communities.kind }).from(communities).where(eq(communities.id, communityId)).get()?.kind === "village" ? "village" : "urban";
}

/** The assembly's quorum now: those checked in of the roll, by the count mode's share. */
export function assemblyQuorum(tx: Tx, meeting: { id: number; communityId: number; members: number | null; countBy: AssemblyCount | null }): QuorumResult {
  const rule = assemblyQuorumRule(communityKind(tx, meeting.communityId), meeting.countBy ?? "persons");
  return evaluateQuorum({ present: countAssemblyPresent(tx, meeting.id), members: meeting.members ?? 0, rule });
}
