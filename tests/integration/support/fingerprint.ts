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

/** sha-256 over every row of every table but the bookkeeping ones (rows sorted: some tables have no rowid). */
export function dbFingerprint(): string {
  const client = getDb().$client;
  const hash = createHash("sha256");
  for (const table of tables()) {
    if (BOOKKEEPING.has(table)) continue;
    hash.update(`\0table ${table}\0`);
    const rows = (client.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[]).map(encode).sort();
    for (const row of rows) hash.update(row + "\n");
  }
  return hash.digest("hex");
}

