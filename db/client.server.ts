import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";
import { databasePath } from "./config";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

interface Holder {
  path: string;
  /** DATABASE_PATH as it was when opened: comparing it is the per-query fast path. */
  env: string | undefined;
  db: Db;
}

// The server (run by tsx) and the Remix build (bundled) each load this module; one connection per
// process is kept on globalThis so both share it.
const globalKey = Symbol.for("yishiting.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Holder };

export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return drizzle({ client: sqlite, schema }) as Db;
}

export function getDb(): Db {
  const g = globalThis as GlobalWithDb;
  const held = g[globalKey];
  // Every query asks: resolving the path each time cost ~2.5 µs, a third of a point read (bench/queries.ts).
  const env = process.env.DATABASE_PATH;
  if (held && held.env === env) return held.db;
  const file = databasePath();
  if (held && held.path === file) {
    held.env = env;
    return held.db;
  }
  if (held) held.db.$client.close();
  const db = openDatabase(file);
  g[globalKey] = { path: file, env, db };
  return db;
}

export function closeDb(): void {
  const g = globalThis as GlobalWithDb;
  g[globalKey]?.db.$client.close();
  delete g[globalKey];
}
