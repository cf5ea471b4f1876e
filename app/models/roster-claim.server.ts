import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { users } from "../../db/schema";
import { hashPassword } from "../auth/password.server";
import { now } from "./clock.server";
import type { Result } from "./domain-error.server";
import { checkInvite, takeInviteUse, type InviteProblem } from "./invite.server";
import { appendLedger } from "./ledger.server";
import { write } from "./write.server";

/** The pending person an invite letter's code is for (shown on the join page to whoever holds the code), or null. */
export function personalInvite(code: string): { displayName: string; communityNameZh: string; communityNameEn: string } | null {
  const checked = checkInvite(code);
  const invite = checked.invite;
  const userId = invite?.userId;
  if (!invite || userId == null) return null;
  const person = getDb().select({ displayName: users.displayName }).from(users).where(and(eq(users.id, userId), eq(users.pending, true))).get();
  return person ? { displayName: person.displayName, communityNameZh: invite.communityNameZh, communityNameEn: invite.communityNameEn } : null;
}

export type ClaimResult = Result<InviteProblem | "notPersonal" | "usernameTaken", { userId: number; communitySlug: string }>;

/**
 * Joins with an invite letter's code: the pending account the roster made becomes the person's, with
 * the username and password they chose (the name, community and roles are the roster's). The invite
 * is used up in the same step, so a second use is refused as any used-up invite is.
 */
export async function claimPersonalInvite({ code, username, password }: { code: string; username: string; password: string }): Promise<ClaimResult> {
  const passwordHash = await hashPassword(password);
  return write((tx): ClaimResult => {
    const at = now();
    const checked = checkInvite(code, at);
    if (!checked.invite) return { ok: false, problem: checked.problem };
    const { invite } = checked;
    if (invite.userId === null) return { ok: false, problem: "notPersonal" };
    // Claimed already (with another letter of theirs): refused as a used-up code is.
    if (!tx.select({ id: users.id }).from(users).where(and(eq(users.id, invite.userId), eq(users.pending, true))).get()) return { ok: false, problem: "usedUp" };
    const name = username.toLowerCase();
    if (tx.select({ id: users.id }).from(users).where(eq(users.username, name)).get()) return { ok: false, problem: "usernameTaken" };
    if (!takeInviteUse(tx, invite.id, at)) return { ok: false, problem: "usedUp" };
    tx.update(users).set({ username: name, passwordHash, pending: false }).where(eq(users.id, invite.userId)).run();
    appendLedger(tx, { communityId: invite.communityId, type: "invite.redeemed", actorId: invite.userId, subject: `invite:${invite.id}`, payload: { userId: invite.userId, claimed: true }, at });
    return { ok: true, userId: invite.userId, communitySlug: invite.communitySlug };
  });
}
