// `npm start`'s server, started twice on the same fresh database: migrations are idempotent and the
// demo seed happens only once.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openSqlite } from "../../db/sqlite";
import { describe, expect, it } from "vitest";

function start(databasePath: string): Promise<{ url: string; output: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
    env: { ...process.env, PORT: "0", DATABASE_PATH: databasePath, DEMO_SEED: "1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    child.stdout.on("data", () => {
      const match = output.match(/running at (http:\/\/localhost:\d+)/);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        output: () => output,
        stop: () => new Promise((done) => (child.once("exit", () => done()), child.kill("SIGTERM"))),
      });
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

describe("npm start", () => {
  it("migrates and seeds an empty database, prints the demo accounts, and starts again on the same file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-start-"));
    const file = path.join(dir, "nested", "app.db");
    const first = await start(file);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    expect(first.output()).toContain("(demo data seeded)");
    for (const name of ["street1", "resident1", "committee1", "convener1", "rep01 … rep15", "supervisor1", "executor1", "villager1", "vcommittee1"]) {
      expect(first.output()).toContain(name);
    }
    await first.stop();
    const count = () => {
      const db = openSqlite(file, { readonly: true });
      const n = (db.prepare("SELECT count(*) AS n FROM users").get() as { n: number }).n;
      db.close();
      return n;
    };
    const users = count();

    const second = await start(file);
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    expect(second.output()).not.toContain("(demo data seeded)");
    await second.stop();
    expect(count()).toBe(users);
    fs.rmSync(dir, { recursive: true, force: true });
    // Two server starts (tsx, migrations, the demo's password hashes): in CI beside the Node 24 run,
    // one core each (docs/testing.md#ci-time), so more than the default 20 s may pass.
  }, 60_000);
});
