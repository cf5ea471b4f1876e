// Runs before every test file (vitest re-runs setup files for each file, also without isolation).
// Files share a worker process and its loaded modules (vitest.config.ts: isolate false, decision 042),
// so each file starts from an explicit reset of what a process holds:
// - its own copy of the seeded database (a real SQLite file), and the process's connection moved to it;
// - the environment as the worker started (a file's `process.env.X = …` does not reach the next file);
// - the shared clock back at real time.
// Everything else the app keeps in memory either lives per connection (prepared statements, the
// cache, which forgets everything when the connection changes) or per server (each file starts its own).
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, expect, vi } from "vitest";
import { closeDb, useDatabaseFile } from "../../db/client.server";
import { resetClock } from "../../app/models/clock.server";
import { BASE_DB, TEST_DB_DIR } from "./paths";

const envKey = Symbol.for("yishiting.test.env");
const holder = globalThis as typeof globalThis & { [envKey]?: Record<string, string | undefined> };
const startEnv = (holder[envKey] ??= { ...process.env });
// vitest's own variables (VITEST_WORKER_ID…) are its business: left as it sets them.
const ours = (key: string) => !key.startsWith("VITEST");
for (const key of Object.keys(process.env)) if (ours(key) && !(key in startEnv)) delete process.env[key];
for (const [key, value] of Object.entries(startEnv)) if (ours(key)) process.env[key] = value;

const file = path.join(TEST_DB_DIR, `test-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
fs.copyFileSync(BASE_DB, file);
closeDb();
useDatabaseFile(file);
process.env.LOG_LEVEL ??= "silent";
resetClock();

// console.error means something went wrong somewhere (Remix logs unexpected 500s there): fail the test.
let errorSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errorSpy = vi.spyOn(console, "error");
});
afterEach(() => {
  const calls = errorSpy.mock.calls;
  errorSpy.mockRestore();
  expect(calls, "console.error was called").toEqual([]);
});
