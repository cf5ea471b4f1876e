// One clock: co-signs and their withdrawal, notifications (made and read), invites (issued, expiring)
// all read the server's clock (app/models/clock.server.ts), so with the test clock moved forward the
// ledger never steps back to the real time between two entries.
import { and, eq, gt } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { invites, ledgerEntries, notifications } from "../../db/schema";
import { DAY_MS, now, resetClock, shiftClock } from "~/models/clock.server";
import { checkInvite } from "~/models/invite.server";
import { createTopic } from "~/models/topic-create.server";
import { categoryId } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";

const http = useServer();
const cookies: Record<string, string> = {};
const as = async (username: string) => (cookies[username] ??= await http.login(username));
afterAll(() => resetClock());

const SHIFT = 30 * DAY_MS;

function ledgerTimes() {
  return getDb()
    .select({ seq: ledgerEntries.seq, type: ledgerEntries.type, createdAt: ledgerEntries.createdAt })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.communityId, communityId("mingyue")))
    .orderBy(ledgerEntries.seq)
    .all();
}

describe("one clock", () => {
  it("stamps co-signs, their withdrawal, notifications and invites with the server's clock: the ledger never goes backwards", async () => {
    for (const u of ["resident2", "resident3", "committee1", "committee2", "street1"]) await as(u);
    const seqBefore = ledgerTimes().at(-1)!.seq;
    shiftClock(SHIFT);
    const moved = now().getTime();
    const { id: topicId } = createTopic({ communityId: communityId("mingyue"), proposerId: userId("resident1"), title: "一个时钟:附议与撤回", description: "", location: "", categoryId: null, source: "resident" });
    const topic = `/c/mingyue/topics/${topicId}`;
    expect((await http.fetch(topic, { cookie: await as("resident2"), form: { intent: "cosign" } })).status).toBe(302);
    expect((await http.fetch(topic, { cookie: await as("resident2"), form: { intent: "withdrawCosign" } })).status).toBe(302);
    expect((await http.fetch(topic, { cookie: await as("resident3"), form: { intent: "cosign" } })).status).toBe(302);
    // Accepting a committee member's topic tells its proposer: a notification, read later.
    const filed = createTopic({ communityId: communityId("mingyue"), proposerId: userId("committee1"), title: "一个时钟:受理", description: "", location: "", categoryId: categoryId("mingyue", "facilities"), source: "committee" });
    const accepted = await http.fetch(`/c/mingyue/topics/${filed.id}`, { cookie: await as("committee2"), form: { intent: "move", action: "accept", reason: "", confirm: "on" } });
    expect(accepted.status).toBe(302);
    expect((await http.fetch("/notifications", { cookie: await as("committee1"), form: { intent: "markAllRead" } })).status).toBe(302);
    const issued = await http.fetch("/s/huacheng/invites", { cookie: await as("street1"), form: { intent: "create", community: "mingyue", role: "resident", maxUses: "1", expiresInDays: "7", note: "一个时钟" } });
    expect(issued.status).toBe(200);

    const entries = ledgerTimes().filter((e) => e.seq > seqBefore);
    expect(entries.map((e) => e.type)).toEqual(expect.arrayContaining(["topic.cosigned", "topic.cosignWithdrawn", "invite.issued"]));
    for (const e of entries) expect(Date.parse(e.createdAt), e.type).toBeGreaterThanOrEqual(moved);
    // (The seeded history is backdated by design: the order is checked from the last entry before this test.)
    const all = ledgerTimes().filter((e) => e.seq >= seqBefore);
    for (let i = 1; i < all.length; i++) expect(Date.parse(all[i].createdAt), `#${all[i].seq} ${all[i].type}`).toBeGreaterThanOrEqual(Date.parse(all[i - 1].createdAt));

    const told = getDb().select().from(notifications).where(and(eq(notifications.userId, userId("committee1")), eq(notifications.topicId, filed.id))).all().at(-1)!;
    expect(told.createdAt.getTime()).toBeGreaterThanOrEqual(moved);
    expect(told.readAt!.getTime()).toBeGreaterThanOrEqual(told.createdAt.getTime());

    const invite = getDb().select().from(invites).where(and(eq(invites.note, "一个时钟"), gt(invites.id, 0))).get()!;
    expect(invite.createdAt.getTime()).toBeGreaterThanOrEqual(moved);
    expect(invite.expiresAt.getTime() - invite.createdAt.getTime()).toBe(7 * DAY_MS);
  });

  it("expires an invite by the server's clock", async () => {
    const res = await http.fetch("/s/huacheng/invites", { cookie: await as("street1"), form: { intent: "create", community: "mingyue", role: "resident", maxUses: "1", expiresInDays: "1", note: "明天过期" } });
    const code = (await res.text()).match(/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/)?.[0];
    expect(code).toBeTruthy();
    expect(checkInvite(code!).problem).toBeUndefined();
    shiftClock(2 * DAY_MS);
    expect(checkInvite(code!).problem).toBe("expired");
  });
});
