import type Database from "better-sqlite3";

// One row, rewritten by every health check. A write that is rolled back never leaves the page cache,
// so it says nothing about the disk; a committed one appends a frame to the WAL file, which fails on a
// full disk (SQLITE_FULL) as on a read-only file or folder (SQLITE_READONLY, SQLITE_CANTOPEN).
const TABLE = "CREATE TABLE IF NOT EXISTS health_check (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at INTEGER NOT NULL)";
const WRITE = "INSERT INTO health_check (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at";

const ready = new WeakMap<Database.Database, Database.Statement<[number]>>();

/**
 * Throws (SQLite's own error) unless the database answers and takes a committed write now. The table
 * is made on first use, outside the migrations: it holds nothing of the app's. ~20 µs a check.
 */
export function checkWritable(sqlite: Database.Database): void {
  let write = ready.get(sqlite);
  if (!write) {
    sqlite.exec(TABLE);
    write = sqlite.prepare<[number]>(WRITE);
    ready.set(sqlite, write);
  }
  write.run(Date.now());
}
