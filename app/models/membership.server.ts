import { and, asc, eq } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { communities, memberships, users } from "../../db/schema";
import { displayNameKey } from "../forms/display-name";
import { packForKind } from "../workflow/rule-packs";
import type { Role } from "../workflow/roles";
import { refusals } from "./domain-error.server";
import { leaveRosters } from "./meeting-attendance.server";
import { ROSTER_ROLES } from "./meeting.server";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { write } from "./write.server";

/**
 * Whether someone else who holds a role in the community goes by the same name (compared by
 * `displayNameKey`: case, width and invisible characters do not tell two names apart). Read in the
 * caller's transaction, before it writes, so two people joining at once cannot both take a name.
 */
export function displayNameTaken(tx: Tx, { communityId, displayName, exceptUserId = null }: { communityId: number; displayName: string; exceptUserId?: number | null }): boolean {
  const key = displayNameKey(displayName);
  return tx
    .select({ userId: users.id, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.communityId, communityId))
    .all()
    .some((m) => m.userId !== exceptUserId && displayNameKey(m.displayName) === key);
}

/**
 * Roles one person may not hold together in a community: a committee member (居/村委会成员) cannot sit
 * on the supervisory committee that watches them (居委会组织法第三十六条, 村委会组织法第三十七条).
 */
const EXCLUSIVE: Partial<Record<Role, Role>> = { committeeMember: "supervisor", supervisor: "committeeMember" };

/** The refusal, named by the law of the community's kind (a key under `join` / `members` in the translations). */
export type ExclusiveProblem = "supervisorExclusiveResidents" | "supervisorExclusiveVillagers";

/** Why granting `role` would break the law's exclusivity, or null. Read in the caller's transaction, before it writes. */
export function exclusiveRoleConflict(tx: Tx, { communityId, userId, role }: { communityId: number; userId: number; role: Role }): ExclusiveProblem | null {
  const other = EXCLUSIVE[role];
  if (!other) return null;
  const held = tx
    .select({ kind: communities.kind })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId), eq(memberships.role, other)))
    .get();
  if (!held) return null;
  // The article is the pack's own (packForKind(kind).supervisionArticle); the translation quotes it.
  return packForKind(held.kind).body === "villagersRepresentatives" ? "supervisorExclusiveVillagers" : "supervisorExclusiveResidents";
}

/** A grant the law forbids, thrown (a DomainError of "membership") so the caller's write stores nothing (seed data included). */
const refused = refusals<ExclusiveProblem>("membership");

/**
 * Grants a role in a community and records it in the community's ledger (inside the caller's
 * transaction). A role the person may not hold beside one they have is refused (a DomainError).
 */
export function grantMembership(
  tx: Tx,
  { communityId, userId, role, grantedBy, via }: { communityId: number; userId: number; role: Role; grantedBy: number | null; via: string },
): boolean {
  const conflict = exclusiveRoleConflict(tx, { communityId, userId, role });
  if (conflict) throw refused(conflict);
  const result = tx
    .insert(memberships)
    .values({ communityId, userId, role, grantedBy, createdAt: now() })
    .onConflictDoNothing()
    .run();
  if (result.changes === 0) return false;
  appendLedger(tx, {
    communityId,
    type: "membership.granted",
    actorId: grantedBy,
    subject: `user:${userId}`,
    payload: { userId, role, via },
  });
  return true;
}

/**
 * Revokes one role of a person in a community of the street, with a ledger entry; open editing
 * connections of that person re-check their access once the change has committed. One who no longer
 * holds a seat among 组成人员 (representative or committee member) leaves the roster of the meetings in
 * session, and their screens are told.
 */
export function revokeMembership({
  streetId,
  communitySlug,
  userId,
  role,
  actorId,
}: {
  streetId: number;
  communitySlug: string;
  userId: number;
  role: Role;
  actorId: number;
}): { communityId: number } | null {
  return write((tx, publish) => {
    const community = tx
      .select({ id: communities.id })
      .from(communities)
      .where(and(eq(communities.slug, communitySlug), eq(communities.streetId, streetId)))
      .get();
    if (!community) return null;
    const removed = tx
      .delete(memberships)
      .where(and(eq(memberships.communityId, community.id), eq(memberships.userId, userId), eq(memberships.role, role)))
      .run();
    if (removed.changes === 0) return null;
    appendLedger(tx, { communityId: community.id, type: "membership.revoked", actorId, subject: `user:${userId}`, payload: { userId, role } });
    const meetingIds = ROSTER_ROLES.includes(role) && !holdsRosterRole(tx, community.id, userId) ? leaveRosters(tx, { communityId: community.id, userId, actorId }) : [];
    publish({ name: "rolesChanged", payload: { communityId: community.id, userId } });
    for (const meetingId of meetingIds) publish({ name: "meetingChanged", payload: { communityId: community.id, meetingId } });
    return { communityId: community.id };
  });
}

/** Whether the person still holds a role that gives a seat among 组成人员. */
function holdsRosterRole(tx: Tx, communityId: number, userId: number): boolean {
  return tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)))
    .all()
    .some((m) => ROSTER_ROLES.includes(m.role));
}

/** Everyone holding a role in the street's communities, by community and name. */
export function listStreetMembers({ streetId }: { streetId: number }) {
  return getDb()
    .select({
      communitySlug: communities.slug,
      communityNameZh: communities.nameZh,
      communityNameEn: communities.nameEn,
      communityKind: communities.kind,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(communities.streetId, streetId))
    .orderBy(asc(communities.id), asc(users.username), asc(memberships.role))
    .limit(2000)
    .all();
}
