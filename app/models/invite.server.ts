import { createHash, randomInt } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { communities, invites, memberships, rules, users } from "../../db/schema";
import { hashPassword } from "../auth/password.server";
import type { Role } from "../workflow/roles";
import { DEFAULT_TIME_ZONE } from "../i18n/time-zone";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { cleanDisplayName } from "../forms/display-name";
import { displayNameTaken, exclusiveRoleConflict, grantMembership, type ExclusiveProblem } from "./membership.server";
import { write } from "./write.server";
import type { Result } from "./domain-error.server";

// Codes people can read aloud and type on a phone: no 0/O, 1/I/L.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const DAY = 24 * 60 * 60 * 1000;

export function normaliseInviteCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

export function hashCode(code: string): string {
  return createHash("sha256").update(normaliseInviteCode(code)).digest("hex");
}

export function generateCode(): string {
  // 12 characters of a 31-letter alphabet: about 59 bits.
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** Creates an invite; the code is returned once and only its hash is kept. */
export function createInvite({
  communityId,
  role,
  maxUses,
  expiresInDays,
  note,
  createdBy,
}: {
  communityId: number;
  role: Role;
  maxUses: number;
  expiresInDays: number;
  note: string;
  createdBy: number;
}) {
  const code = generateCode();
  const at = now();
  const expiresAt = new Date(at.getTime() + expiresInDays * DAY);
  const id = write((tx) => {
    const row = tx
      .insert(invites)
      .values({ communityId, role, maxUses, expiresAt, note, createdBy, codeHash: hashCode(code), codeHint: code.slice(-4), createdAt: at })
      .returning({ id: invites.id })
      .get();
    appendLedger(tx, {
      communityId,
      type: "invite.issued",
      actorId: createdBy,
      subject: `invite:${row.id}`,
      payload: { role, maxUses, expiresAt: expiresAt.toISOString() },
      at,
    });
    return row.id;
  });
  return { id, code, expiresAt };
}

export function listStreetInvites({ streetId }: { streetId: number }) {
  return getDb()
    .select({
      id: invites.id,
      role: invites.role,
      codeHint: invites.codeHint,
      note: invites.note,
      maxUses: invites.maxUses,
      uses: invites.uses,
      expiresAt: invites.expiresAt,
      revokedAt: invites.revokedAt,
      createdAt: invites.createdAt,
      communitySlug: communities.slug,
      communityNameZh: communities.nameZh,
      communityNameEn: communities.nameEn,
      communityKind: communities.kind,
      timeZone: sql<string>`coalesce(${rules.timeZone}, ${DEFAULT_TIME_ZONE})`,
    })
    .from(invites)
    .innerJoin(communities, eq(communities.id, invites.communityId))
    .leftJoin(rules, eq(rules.communityId, invites.communityId))
    .where(eq(communities.streetId, streetId))
    .orderBy(desc(invites.id))
    .limit(100)
    .all();
}

/** Revokes an invite of this street; one of another street is left alone (false). */
export function revokeInvite({ inviteId, streetId, actorId }: { inviteId: number; streetId: number; actorId: number }): boolean {
  return write((tx) => {
    const invite = tx
      .select({ id: invites.id, communityId: invites.communityId })
      .from(invites)
      .innerJoin(communities, eq(communities.id, invites.communityId))
      .where(and(eq(invites.id, inviteId), eq(communities.streetId, streetId), isNull(invites.revokedAt)))
      .get();
    if (!invite) return false;
    const at = now();
    tx.update(invites).set({ revokedAt: at }).where(eq(invites.id, invite.id)).run();
    appendLedger(tx, { communityId: invite.communityId, type: "invite.revoked", actorId, subject: `invite:${invite.id}`, payload: {}, at });
    return true;
  });
}

export type InviteProblem = "invalid" | "expired" | "usedUp";

/** Looks an invite up by its code, saying why it cannot be used. */
export function checkInvite(code: string, at = now()) {
  const invite = getDb()
    .select({
      id: invites.id,
      communityId: invites.communityId,
      role: invites.role,
      maxUses: invites.maxUses,
      uses: invites.uses,
      expiresAt: invites.expiresAt,
      revokedAt: invites.revokedAt,
      communitySlug: communities.slug,
      communityNameZh: communities.nameZh,
      communityNameEn: communities.nameEn,
      communityKind: communities.kind,
      // A personal invite (an invite letter's): joining with it claims this pending account (roster-claim.server.ts).
      userId: invites.userId,
      archivedAt: communities.archivedAt,
    })
    .from(invites)
    .innerJoin(communities, eq(communities.id, invites.communityId))
    .where(eq(invites.codeHash, hashCode(code)))
    .get();
  // An archived community takes nobody in (issue 18): its invites read as no invite at all.
  if (!invite || invite.revokedAt || invite.archivedAt) return { problem: "invalid" as const };
  if (invite.expiresAt <= at) return { problem: "expired" as const };
  if (invite.uses >= invite.maxUses) return { problem: "usedUp" as const };
  return { invite };
}

type RedeemResult = Result<InviteProblem | "personal" | "usernameTaken" | "alreadyMember" | "nameTaken" | "ownNameTaken" | ExclusiveProblem, { userId: number; communitySlug: string }>;

/**
 * Uses an invite: for a new account (username, display name, password) or for the signed-in user.
 * The use count only moves while the invite is valid, so concurrent redemptions cannot overshoot.
 */
export async function redeemInvite(
  input: { code: string } & ({ newUser: { username: string; displayName: string; password: string } } | { userId: number }),
): Promise<RedeemResult> {
  const passwordHash = "newUser" in input ? await hashPassword(input.newUser.password) : null;
  return write((tx): RedeemResult => {
    const at = now();
    // Every refusal happens before the first write, so a refused redemption changes nothing.
    const checked = checkInvite(input.code, at);
    if (!checked.invite) return { ok: false, problem: checked.problem };
    const { invite } = checked;
    // An invite letter's code claims its own pending account, never makes another one or joins someone else.
    if (invite.userId !== null) return { ok: false, problem: "personal" };
    const username = "newUser" in input ? input.newUser.username.toLowerCase() : null;
    if (username && tx.select({ id: users.id }).from(users).where(eq(users.username, username)).get()) {
      return { ok: false, problem: "usernameTaken" };
    }
    if ("userId" in input && getMemberRolesTx(tx, input.userId, invite.communityId).includes(invite.role)) {
      return { ok: false, problem: "alreadyMember" };
    }
    if ("userId" in input) {
      const conflict = exclusiveRoleConflict(tx, { communityId: invite.communityId, userId: input.userId, role: invite.role });
      if (conflict) return { ok: false, problem: conflict };
    }
    // A name another member of this community already goes by (named votes, minutes and the CSV show
    // names): refused for a new account, and for an existing one joining, whose name cannot change here.
    if ("newUser" in input && displayNameTaken(tx, { communityId: invite.communityId, displayName: input.newUser.displayName })) {
      return { ok: false, problem: "nameTaken" };
    }
    if ("userId" in input) {
      const own = tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, input.userId)).get();
      if (own && displayNameTaken(tx, { communityId: invite.communityId, displayName: own.displayName, exceptUserId: input.userId })) return { ok: false, problem: "ownNameTaken" };
    }
    if (!takeInviteUse(tx, invite.id, at)) return { ok: false, problem: "usedUp" };
    const userId =
      "newUser" in input
        ? tx
            .insert(users)
            .values({ username: username!, displayName: cleanDisplayName(input.newUser.displayName), passwordHash: passwordHash!, createdAt: at })
            .returning({ id: users.id })
            .get().id
        : input.userId;
    appendLedger(tx, { communityId: invite.communityId, type: "invite.redeemed", actorId: userId, subject: `invite:${invite.id}`, payload: { userId }, at });
    grantMembership(tx, { communityId: invite.communityId, userId, role: invite.role, grantedBy: null, via: `invite:${invite.id}` });
    return { ok: true, userId, communitySlug: invite.communitySlug };
  });
}

/** Counts one use of an invite while it is still valid at `at`; false when it no longer was (used up, expired or revoked meanwhile). */
export function takeInviteUse(tx: Tx, inviteId: number, at: Date): boolean {
  return (
    tx
      .update(invites)
      .set({ uses: sql`${invites.uses} + 1` })
      .where(and(eq(invites.id, inviteId), lt(invites.uses, invites.maxUses), gt(invites.expiresAt, at), isNull(invites.revokedAt)))
      .run().changes > 0
  );
}

function getMemberRolesTx(tx: Tx, userId: number, communityId: number) {
  return tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.communityId, communityId)))
    .all()
    .map((r) => r.role);
}
