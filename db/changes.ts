import type Database from "better-sqlite3";

/**
 * What each write touched, told by the database itself: every table gets temporary triggers (this
 * connection only, never stored in the file) that call back into the process with the table's name
 * and the community the row belongs to, for every row inserted, updated or deleted, whichever code
 * wrote it. The community is the row's `community_id`, or found through its foreign keys (a co-sign
 * through its topic, a rating through its window); null when the row belongs to no community (users,
 * sessions, streets) or its parent is already gone. better-sqlite3 has no update hook; triggers are
 * SQLite's own way to the same (docs/decisions/033-scoped-cache.md).
 */
export type ChangeListener = (table: string, community: number | null) => void;

const FUNCTION = "yst_changed";
// Kept on the connection itself: the server's source modules and the Remix build each have their own
// copy of this module, and a second registration of the SQL function would replace the first.
const LISTENERS = Symbol.for("yishiting.changeListeners");
type Watched = Database.Database & { [LISTENERS]?: Set<ChangeListener> };

interface ForeignKey {
  from: string;
  table: string;
  to: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The tables to watch: the app's own, not SQLite's, drizzle's journal, or a full-text index's shadow tables. */
function tablesOf(sqlite: Database.Database): string[] {
  const rows = sqlite.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string; sql: string | null }>;
  const virtual = rows.filter((r) => /^CREATE VIRTUAL/i.test(r.sql ?? "")).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((name) => !name.startsWith("sqlite_") && !name.startsWith("__drizzle") && !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

/** An SQL expression for the community of the row `ref` (NEW, OLD or the table's own name in a subquery), or null. */
function communityExpression(sqlite: Database.Database, table: string, ref: string, seen: Set<string> = new Set()): string | null {
  if (seen.has(table)) return null;
  const columns = (sqlite.prepare(`PRAGMA table_info(${quote(table)})`).all() as Array<{ name: string }>).map((c) => c.name);
  if (table === "communities") return `${ref}.id`;
  if (columns.includes("community_id")) return `${ref}.community_id`;
  const keys = sqlite.prepare(`PRAGMA foreign_key_list(${quote(table)})`).all() as ForeignKey[];
  for (const key of keys) {
    const parent = communityExpression(sqlite, key.table, quote(key.table), new Set([...seen, table]));
    if (parent) return `(SELECT ${parent} FROM ${quote(key.table)} WHERE ${quote(key.table)}.${quote(key.to)} = ${ref}.${quote(key.from)})`;
  }
  return null;
}

function installTriggers(sqlite: Database.Database, listeners: Set<ChangeListener>): void {
  sqlite.function(FUNCTION, { deterministic: false, directOnly: false }, (table: unknown, community: unknown) => {
    const id = typeof community === "number" ? community : typeof community === "bigint" ? Number(community) : null;
    for (const listener of listeners) listener(String(table), id);
    return null;
  });
  for (const table of tablesOf(sqlite)) {
    for (const [event, ref] of [["INSERT", "NEW"], ["UPDATE", "NEW"], ["DELETE", "OLD"]] as const) {
      const community = communityExpression(sqlite, table, ref) ?? "NULL";
      const name = quote(`yst_changed_${table}_${event.toLowerCase()}`);
      sqlite.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${name} AFTER ${event} ON main.${quote(table)} BEGIN SELECT ${FUNCTION}('${table}', ${community}); END`);
    }
  }
}

/**
 * Calls `listener` for every row any code writes through this connection, inside the write (before
 * it commits). Writes by other connections are not seen: compare `PRAGMA data_version` for those.
 */
export function watchChanges(sqlite: Database.Database, listener: ChangeListener): void {
  const connection = sqlite as Watched;
  let listeners = connection[LISTENERS];
  if (!listeners) {
    listeners = new Set();
    connection[LISTENERS] = listeners;
    installTriggers(sqlite, listeners);
  }
  listeners.add(listener);
}
