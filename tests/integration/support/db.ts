import { eq } from "drizzle-orm";
import { getDb, inTransaction } from "../../../db/client.server";
import { communities, streets, users } from "../../../db/schema";
import { appendLedger } from "~/models/ledger.server";

export function communityId(slug: string): number {
  const row = getDb().select({ id: communities.id }).from(communities).where(eq(communities.slug, slug)).get();
  if (!row) throw new Error(`no community ${slug}`);
  return row.id;
}

export function userId(username: string): number {
  const row = getDb().select({ id: users.id }).from(users).where(eq(users.username, username)).get();
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

let made = 0;
/** A fresh community of its own (with `entries` ledger entries) so a test can damage it freely. */
export function createCommunity({ entries = 8 }: { entries?: number } = {}): { id: number; slug: string } {
  const db = getDb();
  const streetId = db.select({ id: streets.id }).from(streets).get()!.id;
  const slug = `t${process.pid}-${++made}`;
  const id = inTransaction(db, (tx) => {
    const row = tx.insert(communities).values({ streetId, slug, nameZh: `测试社区${made}`, nameEn: `Test ${made}`, kind: "urban" }).returning({ id: communities.id }).get();
    for (let i = 1; i <= entries; i++) {
      appendLedger(tx, { communityId: row.id, type: "test.event", actorId: null, subject: `test:${i}`, payload: { i } });
    }
    return row.id;
  });
  return { id, slug };
}
