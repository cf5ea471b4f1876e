import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { invites, ledgerEntries, memberships, users } from "../../db/schema";
import { checkInvite, createInvite, normaliseInviteCode, redeemInvite, revokeInvite } from "~/models/invite.server";
import { verifyLedger } from "~/models/ledger.server";
import { communityId, userId } from "./support/db";

const newUser = (username: string) => ({ username, displayName: `新居民 ${username}`, password: "correct horse" });

function issue(overrides: Partial<Parameters<typeof createInvite>[0]> = {}) {
  return createInvite({
    communityId: communityId("mingyue"),
    role: "resident",
    maxUses: 1,
    expiresInDays: 7,
    note: "",
    createdBy: userId("street1"),
    ...overrides,
  });
}

function counts() {
  const db = getDb();
  return {
    users: db.select().from(users).all().length,
    memberships: db.select().from(memberships).all().length,
    ledger: db.select().from(ledgerEntries).all().length,
  };
}

describe("invites", () => {
  it("store only a hash of the code, and accept it however it is typed", () => {
    const { code, id } = issue();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const row = getDb().select().from(invites).where(eq(invites.id, id)).get()!;
    expect(JSON.stringify(row)).not.toContain(normaliseInviteCode(code));
    expect(checkInvite(code.toLowerCase().replaceAll("-", " ")).invite?.id).toBe(id);
  });

  it("create an account with the invite's community and role, and record it in the ledger", async () => {
    const { code } = issue({ role: "supervisor" });
    const result = await redeemInvite({ code, newUser: newUser("newcomer1") });
    expect(result).toMatchObject({ ok: true, communitySlug: "mingyue" });
    const roles = getDb().select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, (result as { userId: number }).userId)).all();
    expect(roles).toEqual([{ role: "supervisor" }]);
    const types = getDb().select({ type: ledgerEntries.type }).from(ledgerEntries).where(eq(ledgerEntries.communityId, communityId("mingyue"))).all().map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(["invite.issued", "invite.redeemed", "membership.granted"]));
    expect(verifyLedger({ communityId: communityId("mingyue") }).ok).toBe(true);
  });

  it("add the role to a signed-in person's account", async () => {
    const { code } = issue({ communityId: communityId("shiliu"), role: "representative" });
    const result = await redeemInvite({ code, userId: userId("villager1") });
    expect(result).toMatchObject({ ok: true, communitySlug: "shiliu" });
    const again = issue({ communityId: communityId("shiliu"), role: "representative" });
    expect(await redeemInvite({ code: again.code, userId: userId("villager1") })).toEqual({ ok: false, problem: "alreadyMember" });
  });

  it("can be used only as many times as allowed, even when redeemed at once", async () => {
    const { code, id } = issue({ maxUses: 2 });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => redeemInvite({ code, newUser: newUser(`rush${i}`) })));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.problem === "usedUp")).toBe(true);
    expect(getDb().select().from(invites).where(eq(invites.id, id)).get()!.uses).toBe(2);
  });

  it("refuse expired, revoked and unknown codes and change nothing", async () => {
    const expired = issue();
    getDb().update(invites).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(invites.id, expired.id)).run();
    const revoked = issue();
    const streetId = getDb().$client.prepare("SELECT street_id AS s FROM communities WHERE slug = 'mingyue'").get() as { s: number };
    expect(revokeInvite({ inviteId: revoked.id, streetId: streetId.s, actorId: userId("street1") })).toBe(true);
    const before = counts();
    expect(await redeemInvite({ code: expired.code, newUser: newUser("late1") })).toEqual({ ok: false, problem: "expired" });
    expect(await redeemInvite({ code: revoked.code, newUser: newUser("late2") })).toEqual({ ok: false, problem: "invalid" });
    expect(await redeemInvite({ code: "AAAA-BBBB-CCCC", newUser: newUser("late3") })).toEqual({ ok: false, problem: "invalid" });
    expect(counts()).toEqual(before);
  });

  it("refuse a taken username without using up the invite", async () => {
    const { code, id } = issue();
    const before = counts();
    expect(await redeemInvite({ code, newUser: newUser("resident1") })).toEqual({ ok: false, problem: "usernameTaken" });
    expect(counts()).toEqual(before);
    expect(getDb().select().from(invites).where(eq(invites.id, id)).get()!.uses).toBe(0);
  });

  it("cannot be revoked by the admin of another street", () => {
    const { id } = issue();
    expect(revokeInvite({ inviteId: id, streetId: 999_999, actorId: userId("street1") })).toBe(false);
    expect(getDb().select().from(invites).where(eq(invites.id, id)).get()!.revokedAt).toBeNull();
  });
});
