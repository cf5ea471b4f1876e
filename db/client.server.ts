import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";
import { databasePath } from "./config";
import { openSqlite } from "./sqlite";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * What a write works with: the database object itself, inside a transaction `inTransaction` opened
 * on its connection (a drizzle transaction object is built anew on every call, with its relational
 * query API for the whole schema). `$client` lets hot writes run statements prepared once.
 */
export type Tx = Pick<Db, "select" | "insert" | "update" | "delete" | "query" | "$client">;

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
  const sqlite = openSqlite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return drizzle({ client: sqlite, schema }) as Db;
}

/**
 * The process's connection, opened on first use at DATABASE_PATH. Every query asks, so this is one
 * property read: DATABASE_PATH is read when the connection opens, not per call (reading process.env
 * costs ~0.25 µs, a twentieth of a point read). To move to another file, useDatabaseFile().
 */
export function getDb(): Db {
  const held = (globalThis as GlobalWithDb)[globalKey];
  if (held) return held.db;
  const file = databasePath();
  const db = openDatabase(file);
  (globalThis as GlobalWithDb)[globalKey] = { path: file, db };
  return db;
}

/** Points this process at another database file (a test's copy, a tool's target): the next getDb() opens it. */
export function useDatabaseFile(file: string): void {
  process.env.DATABASE_PATH = file;
  const held = (globalThis as GlobalWithDb)[globalKey];
  if (held && held.path !== databasePath()) closeDb();
}

export function closeDb(): void {
  const g = globalThis as GlobalWithDb;
  g[globalKey]?.db.$client.close();
  delete g[globalKey];
}

const transactionOf = new WeakMap<Db, (fn: (tx: Tx) => unknown) => unknown>();

/**
 * Runs `fn` in one transaction of `db`'s connection: committed when it returns, rolled back when it
 * throws; inside another transaction it is a savepoint. better-sqlite3's transaction function is
 * made once per connection. The app writes through `write` (app/models/write.server.ts); this is for
 * tools given a database of their own.
 */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  let run = transactionOf.get(db);
  if (!run) {
    run = db.$client.transaction((f: (tx: Tx) => unknown) => f(db));
    transactionOf.set(db, run);
  }
  return run(fn) as T;
}
