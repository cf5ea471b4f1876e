import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { count } from "drizzle-orm";
import { hashPassword } from "../../app/auth/password.server";
import { createCommunityIn, createStreetIn } from "../../app/models/community-admin.server";
import { createDepartmentIn } from "../../app/models/department.server";
import { write } from "../../app/models/write.server";
import { closeDb, getDb, type Db } from "../../db/client.server";
import { databasePath } from "../../db/config";
import { streetAdmins, streets, users } from "../../db/schema";
import { runMigrations } from "../migrate";
import { checkAdminName, checkName, checkPassword, checkSlug, checkUsername, DEFAULT_ADMIN_NAME, missingOf, parseCommunity, parseSetupArgs, USAGE, type SetupGiven } from "./setup-args";

/**
 * `npm run setup`: a real street on an empty database, no demo data (contracts.md). Creates the street,
 * its communities (each with its kind's rule pack and the starter catalogue, ledgered as the models
 * write them) and the first street admin. Refuses a database that holds anything, and touches nothing.
 */
function fail(message: string): never {
  process.stderr.write(`yishiting setup: ${message}\n`);
  closeDb();
  process.exit(1);
}

/** What the database holds already (before migrating: an empty file has no tables yet). */
function contents(db: Db): { streets: number; users: number } {
  const tables = new Set(db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  const rows = (table: string) => (tables.has(table) ? (db.$client.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number) : 0);
  return { streets: rows("streets"), users: rows("users") };
}

/** Asks on the terminal; a hidden answer (the password) is not echoed. */
function terminal() {
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, done) {
      if (!muted) process.stdout.write(chunk, encoding);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return {
    async ask(question: string, hidden = false): Promise<string> {
      output.write(question);
      muted = hidden;
      try {
        return await rl.question("");
      } finally {
        if (hidden) process.stdout.write("\n");
        muted = false;
      }
    },
    close: () => rl.close(),
  };
}

type Ask = ReturnType<typeof terminal>["ask"];

/** Asks until the answer passes `check`. */
async function askUntil<T>(ask: Ask, question: string, check: (answer: string) => T | { error: string }, hidden = false): Promise<T> {
  for (;;) {
    const checked = check(await ask(question, hidden));
    if (typeof checked !== "object" || checked === null || !("error" in checked)) return checked as T;
    process.stdout.write(`  ${checked.error}\n`);
  }
}

async function promptMissing(given: SetupGiven, password: string | undefined): Promise<string> {
  const io = terminal();
  try {
    given.street ??= await askUntil(io.ask, "Street slug (e.g. huadu): ", (a) => checkSlug(a, "street"));
    given.streetName ??= await askUntil(io.ask, "Street name (e.g. 花都街道): ", (a) => checkName(a, "the street's name"));
    while (given.communities.length === 0) {
      process.stdout.write("Communities, one a line as slug:name:kind (kind urban or village, e.g. xinhua:新华社区:urban); an empty line ends.\n");
      for (;;) {
        const line = (await io.ask("  community: ")).trim();
        if (!line) break;
        const community = parseCommunity(line);
        if ("error" in community) process.stdout.write(`  ${community.error}\n`);
        else if (given.communities.some((c) => c.slug === community.slug)) process.stdout.write(`  community ${community.slug} is given twice\n`);
        else given.communities.push(community);
      }
    }
    given.admin ??= await askUntil(io.ask, "The street admin's username: ", checkUsername);
    given.adminName ??= await askUntil(io.ask, `The admin's display name [${DEFAULT_ADMIN_NAME}]: `, (a) => checkAdminName(a.trim() || DEFAULT_ADMIN_NAME));
    if (password) return password;
    for (;;) {
      const chosen = await askUntil(io.ask, "The admin's password (at least 8 characters): ", checkPassword, true);
      if ((await io.ask("Again: ", true)) === chosen) return chosen;
      process.stdout.write("  the two passwords differ\n");
    }
  } finally {
    io.close();
  }
}

const { given, errors } = parseSetupArgs(process.argv.slice(2));
if (given.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (errors.length) fail(`${errors.join("; ")}\n${USAGE}`);
let password = process.env.SETUP_ADMIN_PASSWORD;
if (password) {
  const checked = checkPassword(password);
  if (typeof checked !== "string") fail(`SETUP_ADMIN_PASSWORD: ${checked.error}`);
}

const db = getDb();
const held = contents(db);
if (held.streets > 0 || held.users > 0) {
  fail(`the database at ${databasePath()} is not empty (${held.streets} street(s), ${held.users} account(s)); setup only starts an empty database, and changed nothing`);
}
const missing = missingOf(given, password);
if (missing.length) {
  if (!process.stdin.isTTY) fail(`missing ${missing.join(", ")} (not asked: no terminal). ${USAGE.split("\n")[0]}`);
  password = await promptMissing(given, password);
}
const hash = await hashPassword(password!);
runMigrations(db);

const plan = { ...given, adminName: given.adminName ?? DEFAULT_ADMIN_NAME };
const made = write((tx) => {
  // Another process (npm start seeding the demo) may have won the race since the look above.
  if (tx.select({ n: count() }).from(streets).get()!.n > 0 || tx.select({ n: count() }).from(users).get()!.n > 0) return null;
  const streetId = createStreetIn(tx, { slug: plan.street!, nameZh: plan.streetName!, nameEn: plan.streetNameEn ?? plan.streetName! });
  const adminId = tx.insert(users).values({ username: plan.admin!, displayName: plan.adminName, passwordHash: hash }).returning({ id: users.id }).get().id;
  tx.insert(streetAdmins).values({ streetId, userId: adminId }).run();
  for (const department of plan.departments) createDepartmentIn(tx, { streetId, department });
  return plan.communities.map((community) => ({ ...community, ...createCommunityIn(tx, { streetId, actorId: adminId, community: { ...community, timeZone: plan.timeZone } }) }));
});
if (!made) fail(`the database at ${databasePath()} received data while setup ran; nothing was added`);

const kindWord = { urban: "社区 urban", village: "村 village" } as const;
process.stdout.write(
  [
    "",
    `  议事厅 Yishiting: street ${plan.street} ${plan.streetName} set up in ${databasePath()}`,
    ...made.map((c) => `    /c/${c.slug.padEnd(16)} ${c.nameZh} (${kindWord[c.kind]}, rules: ${c.pack}, time zone ${plan.timeZone ?? "Asia/Shanghai"})`),
    ...plan.departments.map((d) => `    department ${d.nameZh} (response limit ${d.responseHours} h)`),
    `  street admin: ${plan.admin} (${plan.adminName}), with the password you chose`,
    "",
    "  Next: npm start (DEMO_SEED is not needed: the database is not empty), then open the site,",
    `  sign in as ${plan.admin} and go to /s/${plan.street}: add communities, invite people, import rosters.`,
    "",
  ].join("\n"),
);
closeDb();
