import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { departmentInvites, departments, streets, users } from "../../db/schema";
import { hashPassword } from "../auth/password.server";
import { cleanDisplayName } from "../forms/display-name";
import { DAY_MS, now } from "./clock.server";
import { departmentAdminRefused, attemptDepartments, departmentOf, type DepartmentAdminProblem } from "./department-admin.server";
import { addDepartmentContactIn, departmentIdsOf } from "./department.server";
import type { Result } from "./domain-error.server";
import { generateCode, hashCode } from "./invite.server";
import { write } from "./write.server";

// Inviting a new contact person to a department (issue 19): a code shown once, of which only the
// SHA-256 and its last four characters are kept, good for one use within 14 days, revocable.

export const DEPARTMENT_INVITE_DAYS = 14;

export function createDepartmentInvite({ streetId, departmentId, note, createdBy }: { streetId: number; departmentId: number; note: string; createdBy: number }): Result<DepartmentAdminProblem, { id: number; code: string; expiresAt: Date }> {
  const code = generateCode();
  return attemptDepartments(() =>
    write((tx) => {
      const department = departmentOf(tx, streetId, departmentId);
      if (department.archivedAt) throw departmentAdminRefused("archived");
      const at = now();
      const expiresAt = new Date(at.getTime() + DEPARTMENT_INVITE_DAYS * DAY_MS);
      const id = tx
        .insert(departmentInvites)
        .values({ departmentId, codeHash: hashCode(code), codeHint: code.slice(-4), note, expiresAt, createdBy, createdAt: at })
        .returning({ id: departmentInvites.id })
        .get().id;
      return { id, code, expiresAt };
    }),
  );
}

/** The street's department invites, newest first (hint, expiry, used, revoked; never the code). */
export function listDepartmentInvites({ streetId }: { streetId: number }) {
  return getDb()
    .select({
      id: departmentInvites.id,
      departmentId: departmentInvites.departmentId,
      departmentNameZh: departments.nameZh,
      departmentNameEn: departments.nameEn,
      codeHint: departmentInvites.codeHint,
      note: departmentInvites.note,
      expiresAt: departmentInvites.expiresAt,
      usedAt: departmentInvites.usedAt,
      usedBy: users.displayName,
      revokedAt: departmentInvites.revokedAt,
    })
    .from(departmentInvites)
    .innerJoin(departments, eq(departments.id, departmentInvites.departmentId))
    .leftJoin(users, eq(users.id, departmentInvites.usedBy))
    .where(eq(departments.streetId, streetId))
    .orderBy(desc(departmentInvites.id))
    .limit(100)
    .all();
}

/** Revokes an unused invite of this street's departments. */
export function revokeDepartmentInvite({ streetId, inviteId }: { streetId: number; inviteId: number }): Result<DepartmentAdminProblem> {
  return attemptDepartments(() =>
    write((tx) => {
      const invite = tx
        .select({ id: departmentInvites.id, usedAt: departmentInvites.usedAt, revokedAt: departmentInvites.revokedAt })
        .from(departmentInvites)
        .innerJoin(departments, eq(departments.id, departmentInvites.departmentId))
        .where(and(eq(departmentInvites.id, inviteId), eq(departments.streetId, streetId)))
        .get();
      if (!invite) throw departmentAdminRefused("notFound");
      if (invite.usedAt || invite.revokedAt) throw departmentAdminRefused("inviteGone");
      tx.update(departmentInvites).set({ revokedAt: now() }).where(eq(departmentInvites.id, inviteId)).run();
      return {};
    }),
  );
}

export type DepartmentInviteProblem = "invalid" | "expired" | "usedUp";

/**
 * A department invite by its code: null when the code is none of them (it may be a community's),
 * else the invite or why it cannot be used, in the words community invites use.
 */
export function checkDepartmentInvite(code: string, at = now()) {
  const invite = getDb()
    .select({
      id: departmentInvites.id,
      departmentId: departmentInvites.departmentId,
      expiresAt: departmentInvites.expiresAt,
      usedAt: departmentInvites.usedAt,
      revokedAt: departmentInvites.revokedAt,
      archivedAt: departments.archivedAt,
      nameZh: departments.nameZh,
      nameEn: departments.nameEn,
      streetId: streets.id,
      streetSlug: streets.slug,
      streetNameZh: streets.nameZh,
      streetNameEn: streets.nameEn,
    })
    .from(departmentInvites)
    .innerJoin(departments, eq(departments.id, departmentInvites.departmentId))
    .innerJoin(streets, eq(streets.id, departments.streetId))
    .where(eq(departmentInvites.codeHash, hashCode(code)))
    .get();
  if (!invite) return null;
  // An archived department takes nobody in: its invites read as no invite at all.
  if (invite.revokedAt || invite.archivedAt) return { problem: "invalid" as const };
  if (invite.usedAt) return { problem: "usedUp" as const };
  if (invite.expiresAt <= at) return { problem: "expired" as const };
  return { invite };
}

type RedeemProblem = DepartmentInviteProblem | "usernameTaken" | "alreadyContact";
export type DepartmentRedeemResult = Result<RedeemProblem, { userId: number; streetSlug: string }>;

/** Uses a department invite: for a new account, or for the signed-in person. Every refusal comes before the first write. */
export async function redeemDepartmentInvite(
  input: { code: string } & ({ newUser: { username: string; displayName: string; password: string } } | { userId: number }),
): Promise<DepartmentRedeemResult> {
  const passwordHash = "newUser" in input ? await hashPassword(input.newUser.password) : null;
  return write((tx): DepartmentRedeemResult => {
    const at = now();
    const checked = checkDepartmentInvite(input.code, at);
    if (!checked) return { ok: false, problem: "invalid" };
    if (!checked.invite) return { ok: false, problem: checked.problem };
    const { invite } = checked;
    const username = "newUser" in input ? input.newUser.username.toLowerCase() : null;
    if (username && tx.select({ id: users.id }).from(users).where(eq(users.username, username)).get()) return { ok: false, problem: "usernameTaken" };
    if ("userId" in input && departmentIdsOf({ userId: input.userId, streetId: invite.streetId }, tx).includes(invite.departmentId)) return { ok: false, problem: "alreadyContact" };
    // One use: only an invite still unused, unrevoked and unexpired is taken, so two at once cannot both join.
    const taken = tx
      .update(departmentInvites)
      .set({ usedAt: at })
      .where(and(eq(departmentInvites.id, invite.id), isNull(departmentInvites.usedAt), isNull(departmentInvites.revokedAt), gt(departmentInvites.expiresAt, at)))
      .run().changes;
    if (taken === 0) return { ok: false, problem: "usedUp" };
    const userId =
      "newUser" in input
        ? tx
            .insert(users)
            .values({ username: username!, displayName: cleanDisplayName(input.newUser.displayName), passwordHash: passwordHash!, createdAt: at })
            .returning({ id: users.id })
            .get().id
        : input.userId;
    tx.update(departmentInvites).set({ usedBy: userId }).where(eq(departmentInvites.id, invite.id)).run();
    addDepartmentContactIn(tx, { departmentId: invite.departmentId, userId, addedBy: null });
    return { ok: true, userId, streetSlug: invite.streetSlug };
  });
}
