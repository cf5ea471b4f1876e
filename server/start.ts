import { getDb, type Db } from "../db/client.server";
import { databasePath } from "../db/config";
import { checkWritable } from "../db/health";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./cli/demo/data";
import { runMigrations } from "./migrate";
import { isEmpty, seedDemo } from "./cli/demo/seed";
import { hasDemoData } from "../app/models/demo-data.server";
import { publicOrigin } from "../app/security/public-origin.server";
import { startServer } from "./app";
import { startScheduler } from "./scheduler";
import { startWitness } from "./witness";
import { senderFromEnv, startMailWorker } from "./mail-worker";
import { logger } from "./logger";

const port = Number(process.env.PORT ?? 3000);

/** The database, migrated and writable; otherwise one line saying why, and exit 1 (no stack trace). */
function openWritableDatabase(): Db {
  try {
    const db = getDb();
    runMigrations(db);
    checkWritable(db.$client);
    return db;
  } catch (error) {
    process.stderr.write(`yishiting: cannot use the database at ${databasePath()}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
const db = openWritableDatabase();
try {
  publicOrigin();
} catch (error) {
  process.stderr.write(`yishiting: ${(error as Error).message}\n`);
  process.exit(1);
}
const seeded = process.env.DEMO_SEED === "0" ? false : await seedDemo(db);
const running = await startServer({ port });
const scheduler = startScheduler();
// After the scheduler's first run, so heads moved by deadlines settled at start-up are witnessed too.
const witness = startWitness();
const mailWorker = startMailWorker({ sender: senderFromEnv() });

const roleList = (a: (typeof DEMO_ACCOUNTS)[number]) => (a.streetAdmin ? "street admin" : a.department ? `department contact (${a.department})` : a.roles.join(" + "));
const lines = [
  "",
  `  议事厅 Yishiting is running at ${running.url}`,
  `  database: ${databasePath()}${seeded ? " (demo data seeded)" : ""}`,
  "",
  `  Demo accounts (password "${DEMO_PASSWORD}", demo only):`,
  ...DEMO_ACCOUNTS.filter((a) => !/^rep(0[2-9]|1[0-5])$/.test(a.username)).map(
    (a) => `    ${(a.username === "rep01" ? "rep01 … rep15" : a.username).padEnd(14)} ${(a.community ?? "huacheng").padEnd(9)} ${roleList(a)}`,
  ),
  "",
];
// The demo accounts are listed only where they exist; an empty database without the demo needs setup.
if (seeded || hasDemoData()) process.stdout.write(lines.join("\n") + "\n");
else if (isEmpty(db)) {
  process.stdout.write(
    `\n  议事厅 Yishiting is running at ${running.url}\n  database: ${databasePath()} is empty (DEMO_SEED=0).\n` +
      "  Set up your street: npm run setup -- --street <slug> --street-name <name> --community <slug>:<name>:<urban|village> --admin <username>\n\n",
  );
} else logger.info({ url: running.url }, "listening");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    scheduler.stop();
    witness.stop();
    void mailWorker.stop();
    void running.close().then(() => {
      db.$client.close();
      process.exit(0);
    });
  });
}
