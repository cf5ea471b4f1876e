import { and, eq, inArray } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { memberships } from "../../db/schema";
import { sitsOnRoster, type RosterSeat } from "../workflow/meetings";
import { FLOOR_ARTICLES, LEGAL_FLOORS, meetsRatio, packForKind, RULE_PACKS, type ArticleKey, type Ratio, type RulePack } from "../workflow/rule-packs";
import type { Role } from "../workflow/roles";
import { communityKind } from "./assembly-roll.server";
import { requireRules } from "./rules.server";

// Who sits where at the representatives' meeting: 组成人员 (the committee's members and the
// representatives), the representatives alone, and the conveners. meeting.server.ts re-exports it.

export const CONVENER: Role = "convener";
export const REPRESENTATIVE: Role = "representative";
export const COMMITTEE_MEMBER: Role = "committeeMember";

/** The roles that hold a seat among 组成人员: 居(村)委会成员 and representatives (居委会组织法 Art. 28, 村委会组织法 Art. 29). */
export const ROSTER_ROLES: readonly Role[] = [COMMITTEE_MEMBER, REPRESENTATIVE];
export { sitsOnRoster };

/** The community's representatives (who may ask for a meeting: 1/5 of REPRESENTATIVES, not of the roster). */
export function representativeIds(tx: Tx, communityId: number): number[] {
  return tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.role, REPRESENTATIVE)))
    .all()
    .map((r) => r.userId);
}

export interface RosterSeatRow {
  userId: number;
  seat: RosterSeat;
}

/**
 * 组成人员: the committee's members ∪ the representatives, each once. One who holds both roles sits
 * as a committee member (the law counts the committee's members first; the representatives' share is
 * of the rest). Sorted by user id.
 */
export function rosterSeats(tx: Tx, communityId: number): RosterSeatRow[] {
  const rows = tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), inArray(memberships.role, [...ROSTER_ROLES])))
    .all();
  const seats = new Map<number, RosterSeat>();
  for (const r of rows) if (r.role === COMMITTEE_MEMBER || !seats.has(r.userId)) seats.set(r.userId, r.role as RosterSeat);
  return [...seats].map(([userId, seat]) => ({ userId, seat })).sort((a, b) => a.userId - b.userId);
}

/** Everyone who holds a seat (told of meetings scheduled and called off). */
export function rosterIds(tx: Tx, communityId: number): number[] {
  return rosterSeats(tx, communityId).map((s) => s.userId);
}

/** The roster's make-up: 组成人员 N = committee members + representatives, and whether representatives are the share the law asks (≥ 4/5). */
export function rosterMakeUp(seats: readonly { seat: RosterSeat }[], share: Ratio = LEGAL_FLOORS.representativesShare) {
  const committeeMembers = seats.filter((s) => s.seat === COMMITTEE_MEMBER).length;
  const representatives = seats.length - committeeMembers;
  return { members: seats.length, committeeMembers, representatives, representativesShareMet: seats.length === 0 || meetsRatio(representatives, seats.length, share) };
}

export type RosterMakeUp = ReturnType<typeof rosterMakeUp> & { pack: RulePack["id"]; shareArticle: ArticleKey };

/**
 * The make-up a meeting's roster has (the seats taken at its start) or, before it starts, would
 * have now; with the pack that names the committee (居委会 / 村委会) and the article that asks
 * representatives to be at least four fifths of it (居委会组织法 Art. 28, 村委会组织法 Art. 29).
 */
export function getRosterMakeUp({ communityId, seats }: { communityId: number; seats?: readonly { seat: RosterSeat }[] }): RosterMakeUp {
  const db = getDb();
  const pack = RULE_PACKS[requireRules(communityId, db).pack as RulePack["id"]] ?? packForKind(communityKind(db, communityId));
  return { ...rosterMakeUp(seats ?? rosterSeats(db, communityId)), pack: pack.id, shareArticle: FLOOR_ARTICLES[pack.id].representativesShare };
}

export function listConvenerIds(tx: Tx, communityId: number): number[] {
  return tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.role, CONVENER)))
    .all()
    .map((r) => r.userId);
}

