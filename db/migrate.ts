import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client.server";
import { MIGRATIONS_FOLDER } from "./config";
import { upgradeLaw } from "./upgrade-law";

/**
 * Applies the committed drizzle-kit migrations, then moves communities whose rules predate the revised
 * organic laws to the revised pack (with a ledger entry each, which SQL cannot write); safe to run on
 * every start.
 */
export function runMigrations(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  upgradeLaw(db);
}
