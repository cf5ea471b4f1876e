import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite } from "../../db/sqlite";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

// CI runs the suites a second time on Node 24 with better-sqlite3's compiled half built for it
// (decision 041): a connection opened around db/sqlite.ts would load Node 20's and fail only there.
describe("the SQLite driver", () => {
  const saved = process.env.SQLITE_NATIVE_BINDING;
  afterEach(() => {
    if (saved === undefined) delete process.env.SQLITE_NATIVE_BINDING;
    else process.env.SQLITE_NATIVE_BINDING = saved;
  });

  it("is opened only through db/sqlite.ts (type imports are fine)", () => {
    const files = ["app", "db", "server", "tests", "bench"].flatMap(sources).filter((f) => /\.(c|m)?[jt]sx?$/.test(f));
    expect(files.length).toBeGreaterThan(100);
    const valueImport = /^\s*import\s+(?!type\b)[^;]*?from\s+["']better-sqlite3["']|require\(\s*["']better-sqlite3["']\s*\)|import\(\s*["']better-sqlite3["']\s*\)/m;
    const offenders = files.filter((f) => f !== path.join("db", "sqlite.ts") && valueImport.test(fs.readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("loads the compiled half SQLITE_NATIVE_BINDING names", () => {
    process.env.SQLITE_NATIVE_BINDING = path.resolve("no-such-dir/better_sqlite3.node");
    expect(() => openSqlite(":memory:")).toThrow(/no-such-dir/);
  });

  it("opens a database with the compiled half this run gives it (node_modules' one when unset)", () => {
    const db = openSqlite(":memory:");
    expect(db.prepare("SELECT 1 + 1 AS two").get()).toEqual({ two: 2 });
    db.close();
  });
});
