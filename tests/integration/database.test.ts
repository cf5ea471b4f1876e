import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { runMigrations } from "../../server/migrate";
import { seedDemo } from "../../server/cli/demo/seed";
import { DEMO_ACCOUNTS } from "../../server/cli/demo/data";
import { STAGES } from "~/workflow/stages";

describe("database", () => {
  it("runs with WAL, foreign keys and a busy timeout", () => {
    const sqlite = getDb().$client;
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("applies migrations idempotently and seeds only an empty database", async () => {
    const count = () => (getDb().$client.prepare("SELECT count(*) AS n FROM users").get() as { n: number }).n;
    const before = count();
    runMigrations(getDb());
    expect(await seedDemo(getDb())).toBe(false);
    expect(count()).toBe(before);
    expect(before).toBe(DEMO_ACCOUNTS.length);
  });

  it("seeds topics in every stage of both communities", () => {
    const rows = getDb()
      .$client.prepare("SELECT c.slug, t.stage FROM topics t JOIN communities c ON c.id = t.community_id WHERE t.status = 'active'")
      .all() as Array<{ slug: string; stage: string }>;
    for (const slug of ["mingyue", "shiliu"]) {
      for (const stage of STAGES) expect(rows.some((r) => r.slug === slug && r.stage === stage), `${slug}/${stage}`).toBe(true);
    }
  });
});
