import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client.server";
import { MIGRATIONS_FOLDER } from "./config";

/** Applies the committed drizzle-kit migrations (SQL only; server/migrate.ts adds what SQL cannot write). */
export function runSqlMigrations(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
