import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";
import { databasePath } from "./config";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

interface Holder {
  path: string;
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
  const file = databasePath();
  const held = g[globalKey];
  if (held && held.path === file) return held.db;
  if (held) held.db.$client.close();
  const db = openDatabase(file);
  g[globalKey] = { path: file, db };
  return db;
}

export function closeDb(): void {
  const g = globalThis as GlobalWithDb;
  g[globalKey]?.db.$client.close();
  delete g[globalKey];
}
