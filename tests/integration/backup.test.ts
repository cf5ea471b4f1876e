// Backup under write load: while the real server (its own process) takes a steady stream of proposals
// and co-signs, each with its ledger entry, `npm run backup -- <file>` copies the same database. The
// copy must pass SQLite's integrity check, its ledger must verify, and its head must be a head the
// source really had (same hash at the same seq). Restored (the server started on the copy), it serves
// pages and `npm run ledger:verify` reports that same head.
import { execFile } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { openSqlite } from "../../db/sqlite";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, openDatabase } from "../../db/client.server";
import { verifyLedger } from "~/models/ledger.server";
import { communityId } from "./support/db";
import { addMembers, type Person } from "./support/meeting";
import { postForm, SERVER_STARTS_TIMEOUT, startServerProcess, type ServerProcess } from "./support/server-process";

const run = promisify(execFile);
const WRITERS = 4;

let servers: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
});

/** Proposals and co-signs from `people`, `WRITERS` at a time, until `stop()`; counts what was acknowledged. */
function writeLoad(url: string, people: Person[]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: WRITERS });
  const counts = { acknowledged: 0, failed: 0 };
  let stopped = false;
  let turn = 0;
  const next = () => people[turn++ % people.length];
  async function writer() {
    while (!stopped) {
      const proposer = next();
      const proposed = await postForm(url, "/c/mingyue/topics/new", proposer.cookie, { title: `备份压力议题 ${turn}`, description: "备份时持续写入。", category: "facilities", location: "3号楼" }, agent);
      if (proposed.status !== 302 || !proposed.location) {
        counts.failed += 1;
        continue;
      }
      counts.acknowledged += 1;
      const topicPath = new URL(proposed.location, url).pathname;
      for (let i = 0; i < 2 && !stopped; i++) {
        const cosigned = await postForm(url, topicPath, next().cookie, { intent: "cosign" }, agent);
        if (cosigned.status === 302) counts.acknowledged += 1;
        else counts.failed += 1;
      }
    }
  }
  const writers = Promise.all(Array.from({ length: WRITERS }, writer));
  return {
    counts,
    stop: async () => {
      stopped = true;
      await writers;
      agent.destroy();
    },
  };
}

/** `npm run <script> -- args` with DATABASE_PATH as given; its stdout. */
async function npmRun(script: string, args: string[], databasePath: string): Promise<string> {
  const { stdout } = await run("npm", ["run", "--silent", script, "--", ...args], { env: { ...process.env, DATABASE_PATH: databasePath } });
  return stdout;
}

const headOf = (output: string, slug: string) => new RegExp(`${slug}: (\\d+) entries, head ([0-9a-f]{64})`).exec(output);

describe("npm run backup under write load", () => {
  it("makes a consistent copy whose ledger head the source really had, and a restore serves it", async () => {
    const source = process.env.DATABASE_PATH!;
    const copyFile = path.join(path.dirname(source), `${path.basename(source, ".db")}-backup.db`);
    const people = addMembers(30, { roles: ["resident"] });
    const mingyue = communityId("mingyue");

    const server = await startServerProcess();
    servers.push(server);
    const load = writeLoad(server.url, people);
    let duringBackup: number;
    let output: string;
    try {
      // The load is running before the copy starts, and keeps running while it is taken.
      while (load.counts.acknowledged < 10) await new Promise((r) => setTimeout(r, 20));
      const before = load.counts.acknowledged;
      output = await npmRun("backup", [copyFile], source);
      duringBackup = load.counts.acknowledged - before;
    } finally {
      await load.stop();
    }
    expect(load.counts.failed, "every write of the load was acknowledged").toBe(0);
    expect(duringBackup, "writes acknowledged while the backup ran").toBeGreaterThan(0);

    // The CLI names the copy's head; the copy holds on its own.
    const printed = headOf(output, "mingyue");
    expect(printed, output).not.toBeNull();
    const [, count, headHash] = printed!;
    const copy = openSqlite(copyFile, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      copy.close();
    }
    const copyDb = openDatabase(copyFile);
    try {
      expect(verifyLedger({ communityId: mingyue }, copyDb)).toEqual({ ok: true, count: Number(count), headHash });
    } finally {
      copyDb.$client.close();
    }
    // A head the source really had: the same hash at that seq, and the source went on past it.
    const sourceHash = getDb().$client.prepare("SELECT hash FROM ledger_entries WHERE community_id = ? AND seq = ?").pluck().get(mingyue, Number(count));
    expect(sourceHash).toBe(headHash);
    const sourceHead = getDb().$client.prepare("SELECT max(seq) FROM ledger_entries WHERE community_id = ?").pluck().get(mingyue) as number;
    expect(sourceHead, "the copy was taken between writes, not after the last").toBeGreaterThan(Number(count));
    expect(verifyLedger({ communityId: mingyue }, getDb())).toMatchObject({ ok: true });

    // Restore: the server runs on the copy, serves the board, and ledger:verify names the same head.
    const restored = await startServerProcess({ databasePath: copyFile });
    servers.push(restored);
    expect((await fetch(`${restored.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${restored.url}/c/mingyue/board`)).status).toBe(200);
    const verified = await npmRun("ledger:verify", ["--community", "mingyue"], copyFile);
    expect(verified).toContain(`ledger of mingyue intact: ${count} entries, head ${headHash}`);
  }, SERVER_STARTS_TIMEOUT);
});
