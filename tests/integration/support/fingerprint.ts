// "Nothing changed" as one value: a hash of every table's rows in the test file's own SQLite file.
import { createHash } from "node:crypto";
import { getDb } from "../../../db/client.server";

// Bookkeeping that any request may touch without changing anything a person did: sign-in sessions
// (last seen), the devices they were opened from and the login slow-down's counters.
const BOOKKEEPING = new Set(["sessions", "known_devices", "login_failures"]);

function tables(): string[] {
  return getDb()
    .$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
    .pluck()
    .all() as string[];
}

const encode = (row: unknown) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString("base64") : typeof value === "bigint" ? String(value) : value));

/**
 * The last hash per connection, with the two counters that move whenever the file may have changed:
 * `total_changes()` counts every row this connection inserted, updated or deleted (the tests' writes
 * and the in-process server's: they share one connection, db/client.server.ts), triggers included;
 * `PRAGMA data_version` moves when any other connection commits (a CLI, a test's own handle). While
 * neither moved, nothing was written and the hash is the same: reading every row (~30 ms on the
 * demo data) is skipped. The hostile-input and action walks take it ~1,300 times per file.
 */
const last = new WeakMap<object, { changes: number; version: number; hash: string }>();

/** sha-256 over every row of every table but the bookkeeping ones (rows sorted: some tables have no rowid). */
export function dbFingerprint(): string {
  const client = getDb().$client;
  const changes = client.prepare("SELECT total_changes()").pluck().get() as number;
  const version = client.prepare("PRAGMA data_version").pluck().get() as number;
  const known = last.get(client);
  if (known && known.changes === changes && known.version === version) return known.hash;
  const digest = fullFingerprint(client);
  last.set(client, { changes, version, hash: digest });
  return digest;
}

function fullFingerprint(client: ReturnType<typeof getDb>["$client"]): string {
  const hash = createHash("sha256");
  for (const table of tables()) {
    if (BOOKKEEPING.has(table)) continue;
    hash.update(`\0table ${table}\0`);
    const rows = (client.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[]).map(encode).sort();
    for (const row of rows) hash.update(row + "\n");
  }
  return hash.digest("hex");
}

