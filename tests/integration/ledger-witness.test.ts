// The heads witnessed outside the database: a chain cut short or rewritten consistently (every hash
// recomputed after dropping the append-only triggers) holds by itself, but not against them.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openSqlite } from "../../db/sqlite";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, inTransaction } from "../../db/client.server";
import { castBallot } from "~/models/ballot.server";
import { appendLedger, GENESIS_HASH, hashEntry, verifyLedger } from "~/models/ledger.server";
import { witnessFileOf, witnessHeads } from "~/models/ledger-witness.server";
import { startWitness } from "../../server/witness";
import { freePort, startChild } from "../../bench/server-child";
import { BASE_DB } from "../setup/paths";
import { communityId, createCommunity, userId } from "./support/db";
import { useServer } from "./support/http";
import { closeMotion, ledgerHead, openMotion, startedMeeting } from "./support/meeting";
import { SERVER_STARTS_TIMEOUT } from "./support/server-process";

const http = useServer();
const file = () => witnessFileOf(getDb());
const logLines = () => (fs.existsSync(file()) ? fs.readFileSync(file(), "utf8").trim().split("\n") : []).map((l) => JSON.parse(l) as { community: string; seq: number; hash: string; prev: string });

function dropGuards() {
  getDb().$client.exec("DROP TRIGGER IF EXISTS ledger_entries_no_update; DROP TRIGGER IF EXISTS ledger_entries_no_delete;");
}

function append(id: number, n: number) {
  inTransaction(getDb(), (tx) => {
    for (let i = 0; i < n; i++) appendLedger(tx, { communityId: id, type: "test.event", actorId: null, subject: "test:more", payload: { i } });
  });
}

/** As an attacker with the file would: change entry `from`'s payload and recompute every hash after it, so the chain holds. */
function rewriteFrom(id: number, from: number) {
  dropGuards();
  const client = getDb().$client;
  const rows = client.prepare("SELECT * FROM ledger_entries WHERE community_id = ? ORDER BY seq").all(id) as Array<Record<string, never>>;
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const fields = { communityId: id, seq: row.seq, type: row.type, actorId: row.actor_id, subject: row.subject, payload: row.seq === from ? '{"forged":true}' : row.payload, createdAt: row.created_at, prevHash: prev };
    const hash = hashEntry(fields);
    client.prepare("UPDATE ledger_entries SET payload = ?, prev_hash = ?, hash = ? WHERE community_id = ? AND seq = ?").run(fields.payload, prev, hash, id, row.seq);
    prev = hash;
  }
}

// Run asynchronously: the server in this process keeps serving meanwhile, as it would. (spawnSync froze
// it for seconds, and on Node 24 the next fetch could get a keep-alive socket the server was closing.)
const runVerifyCli = (slug: string) =>
  new Promise<{ status: number | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/ledger-verify.ts", "--community", slug], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.on("close", (status) => resolve({ status, stdout }));
  });

let stopWitness: (() => void) | null = null;
afterEach(() => {
  stopWitness?.();
  stopWitness = null;
});

describe("the witness log", () => {
  it("is a file beside the database, never the database, one chained line per head that moved", () => {
    expect(file()).toBe(getDb().$client.name.replace(/\.db$/, ".witness.log"));
    const first = witnessHeads();
    expect(first.map((h) => h.community).sort()).toEqual(expect.arrayContaining(["mingyue", "shiliu"]));
    expect(witnessHeads()).toEqual([]);
    const { id } = createCommunity();
    expect(witnessHeads().map((h) => h.communityId)).toEqual([id]);
    const lines = logLines();
    expect(lines.at(-1)).toMatchObject({ seq: 8 });
    expect(lines[1].prev).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyLedger({ communityId: id })).toMatchObject({ ok: true, count: 8 });
  });

  it("names a truncation: the last entries deleted after their head was witnessed", () => {
    const { id } = createCommunity();
    witnessHeads({ communityIds: [id] });
    dropGuards();
    getDb().$client.prepare("DELETE FROM ledger_entries WHERE community_id = ? AND seq > 5").run(id);
    expect(verifyLedger({ communityId: id })).toMatchObject({ ok: false, reason: "truncated", brokenSeq: 5, witnessedSeq: 8, count: 5 });
  });

  it("names a rewrite at the first witnessed head the chain no longer has", () => {
    const { id } = createCommunity();
    witnessHeads({ communityIds: [id] });
    append(id, 4);
    witnessHeads({ communityIds: [id] });
    rewriteFrom(id, 10);
    expect(verifyLedger({ communityId: id })).toMatchObject({ ok: false, reason: "rewritten", brokenSeq: 12, count: 11 });
    rewriteFrom(id, 3);
    expect(verifyLedger({ communityId: id })).toMatchObject({ ok: false, reason: "rewritten", brokenSeq: 8, count: 7 });
  });

  it("names a line of the witness log that was edited (read afresh, as by the CLI)", { timeout: 60_000 }, async () => {
    const { id, slug } = createCommunity();
    witnessHeads();
    append(id, 1);
    witnessHeads();
    const original = fs.readFileSync(file(), "utf8");
    const text = original.split("\n");
    const edited = text.findIndex((l) => l.includes(`"communityId":${id},`) && l.includes('"seq":8'));
    text[edited] = text[edited].replace('"seq":8', '"seq":7');
    fs.writeFileSync(file(), text.join("\n"));
    try {
      const res = await runVerifyCli(slug);
      expect(res.status).toBe(1);
      expect(res.stdout).toContain(`WITNESS LOG EDITED at line ${edited + 1} of`);
    } finally {
      fs.writeFileSync(file(), original);
    }
    expect((await runVerifyCli(slug)).status).toBe(0);
  });

  it("witnesses the head after a resolution is published", () => {
    stopWitness = startWitness({ intervalMs: 3_600_000 }).stop;
    const before = logLines().length;
    // 14 of the 20 组成人员: two thirds.
    const reps = Array.from({ length: 14 }, (_, i) => ({ id: userId(`rep${String(i + 1).padStart(2, "0")}`) }));
    const meeting = startedMeeting({ present: reps });
    openMotion(meeting.id, meeting.motionIds[0]);
    for (const r of reps) castBallot({ communityId: communityId("mingyue"), userId: r.id, roles: ["representative"], meetingId: meeting.id, motionId: meeting.motionIds[0], choice: "yes" });
    expect(closeMotion(meeting.id, meeting.motionIds[0]).resolutionId).not.toBeNull();
    const last = logLines().at(-1)!;
    expect(logLines().length).toBeGreaterThan(before);
    expect(last).toMatchObject({ community: "mingyue", seq: ledgerHead("mingyue") });
  });
});

describe("npm start", () => {
  it("witnesses every community's head at start-up, beside its database", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-witness-"));
    const db = path.join(dir, "app.db");
    fs.copyFileSync(BASE_DB, db);
    const port = await freePort();
    const child = await startChild(port, { env: { DATABASE_PATH: db, LEDGER_WITNESS_PATH: "" } });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    const lines = fs.readFileSync(path.join(dir, "app.witness.log"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { community: string; seq: number });
    const heads = openSqlite(db, { readonly: true }).prepare("SELECT c.slug AS community, max(e.seq) AS seq FROM communities c JOIN ledger_entries e ON e.community_id = c.id GROUP BY c.id ORDER BY c.slug").all();
    expect(lines.map(({ community, seq }) => ({ community, seq })).sort((a, b) => a.community.localeCompare(b.community))).toEqual(heads);
    fs.rmSync(dir, { recursive: true, force: true });
  }, SERVER_STARTS_TIMEOUT);
});

describe("a cut or rewritten chain, everywhere it is verified", () => {
  it("npm run ledger:verify exits 1 naming it, the verify page shows it, the board and the feed show the witnessed heads", { timeout: 60_000 }, async () => {
    const { id, slug } = createCommunity();
    witnessHeads();
    expect((await runVerifyCli(slug)).status).toBe(0);
    const head = ledgerHead("mingyue");
    const page = await (await http.fetch("/c/mingyue/board")).text();
    expect(page).toContain('data-testid="board-witnessed"');
    expect(page).toMatch(new RegExp(`见证于 [^<]*:第 ${head} 条`));
    const feed = await (await http.fetch("/c/mingyue/board/feed.xml")).text();
    expect(feed).toContain(`台账链头见证:第 ${head} 条`);

    dropGuards();
    getDb().$client.prepare("DELETE FROM ledger_entries WHERE community_id = ? AND seq > 6").run(id);
    const cut = await runVerifyCli(slug);
    expect(cut.status).toBe(1);
    expect(cut.stdout).toContain("TRUNCATED: entries after 6 missing");
    const verify = await (await http.fetch(`/c/${slug}/board/verify`)).text();
    expect(verify).toContain('data-ok="false"');
    expect(verify).toContain("台账被截断:第 6 条之后的记录缺失");

    append(id, 2);
    rewriteFrom(id, 2);
    const rewritten = await runVerifyCli(slug);
    expect(rewritten.status).toBe(1);
    expect(rewritten.stdout).toContain("REWRITTEN at seq 8");
  });
});
