// Each test file runs in its own process with its own copy of the seeded database (a real SQLite file).
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, expect, vi } from "vitest";
import { BASE_DB, TEST_DB_DIR } from "./paths";

const file = path.join(TEST_DB_DIR, `test-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
fs.copyFileSync(BASE_DB, file);
process.env.DATABASE_PATH = file;
process.env.LOG_LEVEL ??= "silent";

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
