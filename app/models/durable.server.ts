import { getDb } from "../../db/client.server";
import type { Tx } from "./ledger.server";

/**
 * Runs one transaction with `synchronous = FULL`: its commit is on disk (the WAL is fsynced) before
 * the function returns, so an acknowledged ballot survives a power cut, not only a crash of the
 * process. SQLite refuses to change the setting inside a transaction, so it is switched around it;
 * better-sqlite3 is synchronous, so no other transaction of this connection runs in between.
 */
export function durably<T>(fn: (tx: Tx) => T): T {
  const db = getDb();
  db.$client.pragma("synchronous = FULL");
  try {
    return db.transaction(fn);
  } finally {
    db.$client.pragma("synchronous = NORMAL");
  }
}
