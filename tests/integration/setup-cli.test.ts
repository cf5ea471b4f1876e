// `npm run setup` (issue 18): a real street on an empty database, no demo data. Run as the command
// runs (a process of its own, no terminal), then the real server on its database: the admin signs
// in with the chosen password, the pages carry no demo banner. Refusals are one line, exit 1, and
// leave the database as it was.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { openSqlite } from "../../db/sqlite";
import { afterAll, describe, expect, it } from "vitest";
import { SERVER_STARTS_TIMEOUT, startServerProcess } from "./support/server-process";

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "setup-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ARGS = ["--street", "huadu", "--street-name", "花都街道", "--community", "xinhua:新华社区:urban", "--community", "dongfeng:东风村:village:Dongfeng Village", "--admin", "admin1"];

async function setup(file: string, args: string[], env: Record<string, string> = { SETUP_ADMIN_PASSWORD: "chosen-pass-1" }) {
  const { SETUP_ADMIN_PASSWORD: _unused, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "server/cli/setup.ts", ...args], { env: { ...inherited, DATABASE_PATH: file, DEMO_SEED: "0", ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function expectRefused(result: { code: number; stderr: string }, says: string) {
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(says);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

function rows(file: string, sql: string): unknown[] {
  const db = openSqlite(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/** The real server on `file`, its output kept (the banner it prints on a demo or an empty database). */
function start(file: string): Promise<{ url: string; output: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], { env: { ...process.env, PORT: "0", DATABASE_PATH: file, DEMO_SEED: "0", LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const stop = () => new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once("exit", () => done()), child.kill("SIGTERM"))));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout.on("data", () => {
      const url = /running at (http:\/\/localhost:\d+)/.exec(output)?.[1];
      // Wait for the whole banner (it is written in one piece after the line with the URL).
      if (!url || !/\n\s*\n/.test(output.slice(output.indexOf("running at")))) return;
      clearTimeout(timer);
      resolve({ url, output: () => output, stop });
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

describe("npm run setup", () => {
  it("sets up the street, its communities and the first admin on an empty database; the admin signs in; no demo banner", { timeout: SERVER_STARTS_TIMEOUT }, async () => {
    const file = path.join(dir, "real", "yishiting.db");
    const result = await setup(file, [...ARGS, "--department", "城管中队:24", "--department", "住建办:48"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("/c/xinhua");
    expect(result.stdout).toContain("npm start");
    expect(rows(file, "SELECT slug, name_zh AS nameZh, name_en AS nameEn FROM streets")).toEqual([{ slug: "huadu", nameZh: "花都街道", nameEn: "花都街道" }]);
    expect(rows(file, "SELECT c.slug, c.kind, c.name_en AS nameEn, r.pack FROM communities c JOIN rules r ON r.community_id = c.id ORDER BY c.id")).toEqual([
      { slug: "xinhua", kind: "urban", nameEn: "新华社区", pack: "residents-representatives" },
      { slug: "dongfeng", kind: "village", nameEn: "Dongfeng Village", pack: "villagers-representatives" },
    ]);
    expect(rows(file, "SELECT u.username FROM users u JOIN street_admins a ON a.user_id = u.id")).toEqual([{ username: "admin1" }]);
    // Issue 19: the street's departments with their response limits.
    expect(rows(file, "SELECT name_zh AS nameZh, name_en AS nameEn, response_hours AS hours FROM departments ORDER BY id")).toEqual([
      { nameZh: "城管中队", nameEn: "城管中队", hours: 24 },
      { nameZh: "住建办", nameEn: "住建办", hours: 48 },
    ]);
    expect(rows(file, "SELECT count(*) AS n FROM users")).toEqual([{ n: 1 }]);
    expect(rows(file, "SELECT type FROM ledger_entries e JOIN communities c ON c.id = e.community_id WHERE c.slug = 'dongfeng' ORDER BY seq")).toEqual([
      { type: "community.created" },
      { type: "rules.adopted" },
      { type: "catalogue.adopted" },
    ]);

    const server = await startServerProcess({ databasePath: file });
    try {
      const login = await fetch(`${server.url}/login`, { method: "POST", redirect: "manual", headers: { Origin: server.url }, body: new URLSearchParams({ username: "admin1", password: "chosen-pass-1" }) });
      expect(login.status).toBe(302);
      expect(login.headers.get("location")).toBe("/s/huadu");
      const cookie = login.headers.getSetCookie().find((c) => c.startsWith("yst_session="))!.split(";")[0];
      const dashboard = await fetch(`${server.url}/s/huadu`, { headers: { Cookie: cookie } });
      expect(dashboard.status).toBe(200);
      const html = await dashboard.text();
      expect(html).toContain("新华社区");
      expect(html).not.toContain("演示数据");
      expect(await (await fetch(`${server.url}/`)).text()).not.toContain("演示数据");
      const wrong = await fetch(`${server.url}/login`, { method: "POST", redirect: "manual", headers: { Origin: server.url }, body: new URLSearchParams({ username: "street1", password: "demo1234" }) });
      expect(wrong.status).not.toBe(302);
    } finally {
      await server.stop();
    }
  });

  it("says one line and exits 1 without a password and no terminal to ask on", async () => {
    const file = path.join(dir, "no-password.db");
    const result = await setup(file, ARGS, {});
    expectRefused(result, "missing SETUP_ADMIN_PASSWORD");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(fs.existsSync(file) ? rows(file, "SELECT name FROM sqlite_master WHERE name = 'streets'") : []).toEqual([]);
  });

  it("refuses a bad slug, a bad kind, a short password and a community given twice", async () => {
    const file = path.join(dir, "bad.db");
    expectRefused(await setup(file, ARGS.map((a) => (a === "huadu" ? "Hua Du" : a))), 'street "Hua Du" is not a valid slug');
    expectRefused(await setup(file, ARGS.map((a) => (a === "xinhua:新华社区:urban" ? "xinhua:新华社区:town" : a))), 'kind "town" is neither urban');
    expectRefused(await setup(file, [...ARGS, "--community", "xinhua:新华二社区:urban"]), "community xinhua is given twice");
    expectRefused(await setup(file, ARGS, { SETUP_ADMIN_PASSWORD: "short" }), "shorter than 8 characters");
    expectRefused(await setup(file, [...ARGS, "--admin-password", "x"]), 'unknown argument "--admin-password"');
    expectRefused(await setup(file, [...ARGS, "--department", "城管中队:0"]), 'response limit "0" is not a whole number of hours');
    expect(fs.existsSync(file)).toBe(false);
  });

  it("refuses a database that holds anything (the demo's), and leaves it as it was", async () => {
    const file = path.join(dir, "demo.db");
    fs.copyFileSync(process.env.DATABASE_PATH!, file);
    const count = () => rows(file, "SELECT (SELECT count(*) FROM streets) AS s, (SELECT count(*) FROM users) AS u, (SELECT count(*) FROM ledger_entries) AS l, (SELECT count(*) FROM communities) AS c");
    const before = count();
    const result = await setup(file, ARGS);
    expectRefused(result, "is not empty");
    expect(count()).toEqual(before);
    expect(rows(file, "SELECT slug FROM streets WHERE slug = 'huadu'")).toEqual([]);
  });

  it("npm start on an empty database without the demo says to run setup, and lists no demo accounts", { timeout: SERVER_STARTS_TIMEOUT }, async () => {
    const server = await start(path.join(dir, "empty", "yishiting.db"));
    await server.stop();
    expect(server.output()).toContain("npm run setup");
    expect(server.output()).not.toContain("demo1234");
  });
});
