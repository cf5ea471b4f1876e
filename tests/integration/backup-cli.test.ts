// `npm run backup` refuses, with one line and a non-zero exit, when there is nothing to back up: no
// DATABASE_PATH and no database at the default path, a DATABASE_PATH that does not exist, a file that
// is not our database. It creates nothing — neither the source (opening a missing file used to make an
// empty database, whose backup then crashed with a stack trace) nor the copy.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function backup(target: string, env: Record<string, string | undefined>) {
  const { DATABASE_PATH: _unused, ...inherited } = process.env;
  try {
    await run(process.execPath, ["--import", "tsx", "server/cli/backup.ts", target], { env: { ...inherited, ...env } as NodeJS.ProcessEnv });
    return { code: 0, stderr: "" };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

function expectRefused(result: { code: number; stderr: string }, says: string) {
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain(says);
  // One readable line, no stack trace.
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
}

describe("npm run backup with nothing to back up", () => {
  it("without DATABASE_PATH and no database at the default path", async () => {
    const root = path.join(dir, "root");
    fs.mkdirSync(root);
    const target = path.join(dir, "copy-1.db");
    expectRefused(await backup(target, { YISHITING_ROOT: root }), "DATABASE_PATH is not set");
    expect(fs.readdirSync(root)).toEqual([]);
    expect(fs.existsSync(target)).toBe(false);
  });

  it("with a DATABASE_PATH that does not exist", async () => {
    const source = path.join(dir, "missing", "yishiting.db");
    const target = path.join(dir, "copy-2.db");
    expectRefused(await backup(target, { DATABASE_PATH: source }), `no database at ${source}`);
    expect(fs.existsSync(path.dirname(source))).toBe(false);
    expect(fs.existsSync(target)).toBe(false);
  });

  it("with a file that is not our database", async () => {
    const source = path.join(dir, "notes.txt");
    fs.writeFileSync(source, "not a database");
    const target = path.join(dir, "copy-3.db");
    expectRefused(await backup(target, { DATABASE_PATH: source }), "is not a Yishiting database");
    expect(fs.readFileSync(source, "utf8")).toBe("not a database");
    expect(fs.existsSync(target)).toBe(false);
  });

  it("onto the database itself", async () => {
    const source = process.env.DATABASE_PATH!;
    const size = fs.statSync(source).size;
    expectRefused(await backup(source, { DATABASE_PATH: source }), "would overwrite the database itself");
    expect(fs.statSync(source).size).toBe(size);
  });
});
