import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client.server";
import { MIGRATIONS_FOLDER } from "./config";

/** Applies the committed drizzle-kit migrations; safe to run on every start. */
export function runMigrations(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
