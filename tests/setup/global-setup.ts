// Builds one migrated, seeded base database per test run; every test file gets its own copy.
import fs from "node:fs";
import { openDatabase } from "../../db/client.server";
import { runMigrations } from "../../server/migrate";
import { seedDemo } from "../../server/cli/demo/seed";
import { BASE_DB, TEST_DB_DIR } from "./paths";

export default async function setup() {
  fs.rmSync(TEST_DB_DIR, { recursive: true, force: true });
  fs.mkdirSync(TEST_DB_DIR, { recursive: true });
  const db = openDatabase(BASE_DB);
  runMigrations(db);
  await seedDemo(db);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.pragma("journal_mode = DELETE");
  db.$client.close();
  return () => fs.rmSync(TEST_DB_DIR, { recursive: true, force: true });
}
