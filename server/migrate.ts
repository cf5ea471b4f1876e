import type { Db } from "../db/client.server";
import { runSqlMigrations } from "../db/migrate";
import { upgradeLaw } from "./upgrade-law";

/**
 * Applies the committed drizzle-kit migrations, then moves communities whose rules predate the revised
 * organic laws to the revised pack (with a ledger entry each, which SQL cannot write); safe to run on
 * every start.
 */
export function runMigrations(db: Db): void {
  runSqlMigrations(db);
  upgradeLaw(db);
}
