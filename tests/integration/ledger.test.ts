import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { getDb, inTransaction } from "../../db/client.server";
import { appendLedger, GENESIS_HASH, hashEntry, listLedgerEntries, verifyLedger } from "~/models/ledger.server";
import { communityId, createCommunity } from "./support/db";

function tamper(sql: string, ...params: unknown[]) {
  // A hand edit: someone with the database file drops the append-only guard and changes a row.
  const sqlite = getDb().$client;
  sqlite.exec("DROP TRIGGER IF EXISTS ledger_entries_no_update; DROP TRIGGER IF EXISTS ledger_entries_no_delete;");
  sqlite.prepare(sql).run(...params);
}

function runVerifyCli(slug: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "server/cli/ledger-verify.ts", "--community", slug], { env: process.env, encoding: "utf8" });
}

describe("ledger", () => {
  it("chains every community's entries from the genesis hash", () => {
    const id = communityId("mingyue");
    const rows = getDb().$client.prepare("SELECT * FROM ledger_entries WHERE community_id = ? ORDER BY seq").all(id) as Array<Record<string, string | number>>;
    expect(rows.length).toBeGreaterThan(20);
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(verifyLedger({ communityId: id })).toMatchObject({ ok: true, count: rows.length, headHash: rows.at(-1)!.hash });
  });

  it("appends inside the caller's transaction and moves the head", () => {
    const id = communityId("shiliu");
    const before = verifyLedger({ communityId: id });
    const { seq, hash } = inTransaction(getDb(), (tx) =>
      appendLedger(tx, { communityId: id, type: "test.event", actorId: null, subject: "test:1", payload: { b: 2, a: "一" } }),
    );
    const after = verifyLedger({ communityId: id });
    expect(before.ok && after.ok).toBe(true);
    expect(after).toMatchObject({ count: before.count + 1, headHash: hash });
    const row = getDb().$client.prepare("SELECT payload FROM ledger_entries WHERE community_id = ? AND seq = ?").get(id, seq) as { payload: string };
    expect(row.payload).toBe('{"a":"一","b":2}');
  });

  it("rolls the entry back with the transaction that failed", () => {
    const id = communityId("shiliu");
    const before = verifyLedger({ communityId: id });
    expect(() =>
      inTransaction(getDb(), (tx) => {
        appendLedger(tx, { communityId: id, type: "test.event", actorId: null, subject: "x", payload: {} });
        throw new Error("the change it records failed");
      }),
    ).toThrow();
    expect(verifyLedger({ communityId: id })).toEqual(before);
  });

  it("refuses updates and deletes from the application", () => {
    const sqlite = getDb().$client;
    expect(() => sqlite.prepare("UPDATE ledger_entries SET payload = '{}' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("DELETE FROM ledger_entries WHERE seq = 1").run()).toThrow(/append-only/);
  });

  it("names the first entry whose content was edited by hand", () => {
    const { id } = createCommunity();
    tamper("UPDATE ledger_entries SET payload = ? WHERE community_id = ? AND seq = 5", '{"role":"committee"}', id);
    expect(verifyLedger({ communityId: id })).toMatchObject({ ok: false, brokenSeq: 5, reason: "hash", count: 4 });
  });

  it("notices a rehashed edit through the broken link to the next entry", () => {
    const { id } = createCommunity();
    const row = getDb().$client.prepare("SELECT * FROM ledger_entries WHERE community_id = ? AND seq = 3").get(id) as Record<string, never>;
    const forged = { communityId: id, seq: 3, type: row.type, actorId: row.actor_id, subject: row.subject, payload: '{"forged":true}', createdAt: row.created_at, prevHash: row.prev_hash };
    tamper("UPDATE ledger_entries SET payload = ?, hash = ? WHERE community_id = ? AND seq = 3", forged.payload, hashEntry(forged), id);
    expect(verifyLedger({ communityId: id })).toMatchObject({ ok: false, brokenSeq: 4, reason: "link" });
  });

  it("notices a deleted entry", () => {
    const { id } = createCommunity();
    tamper("DELETE FROM ledger_entries WHERE community_id = ? AND seq = 2", id);
    expect(verifyLedger({ communityId: id })).toMatchObject({ ok: false, brokenSeq: 3, reason: "sequence" });
  });
});

describe("the ledger page's entries", () => {
  it("come newest first, a page at a time, from a cursor or from the head", () => {
    const id = communityId("mingyue");
    const seqs = (getDb().$client.prepare("SELECT seq FROM ledger_entries WHERE community_id = ? ORDER BY seq DESC").pluck().all(id) as number[]).slice(0, 8);
    expect(seqs.length).toBeGreaterThan(5);
    expect(listLedgerEntries({ communityId: id, limit: 3 }).map((e) => e.seq)).toEqual(seqs.slice(0, 3));
    expect(listLedgerEntries({ communityId: id, limit: 3, beforeSeq: seqs[2] }).map((e) => e.seq)).toEqual(seqs.slice(3, 6));
    expect(listLedgerEntries({ communityId: id, limit: 3, beforeSeq: 1 })).toEqual([]);
  });
});

describe("npm run ledger:verify", () => {
  it("exits 0 with the head hash when intact, and 1 naming the broken entry otherwise", () => {
    const { id, slug } = createCommunity();
    const ok = runVerifyCli(slug);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/intact: \d+ entries, head [0-9a-f]{64}/);

    tamper("UPDATE ledger_entries SET subject = 'user:999' WHERE community_id = ? AND seq = 7", id);
    const broken = runVerifyCli(slug);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain("BROKEN at entry 7");
  });

  it("exits 2 for an unknown community", () => {
    const res = runVerifyCli("nowhere");
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("no community");
    expect(() => execFileSync(process.execPath, ["--import", "tsx", "server/cli/ledger-verify.ts"], { stdio: "pipe" })).toThrow();
  });
});
