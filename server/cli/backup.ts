// npm run backup -- <file>: an online, consistent copy of the database (SQLite's backup API), safe while
// the app runs. The copy is then checked on its own (integrity check, every community's ledger) and
// each ledger's head is printed, so a restore can be checked against it (`npm run ledger:verify`).
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { verifyLedger } from "../../app/models/ledger.server";
import { openDatabase, type Db } from "../../db/client.server";
import { openSqlite } from "../../db/sqlite";
import { databasePath } from "../../db/config";

function refuse(message: string, code = 1): never {
  process.stderr.write(`backup: ${message}\n`);
  process.exit(code);
}

const target = process.argv[2];
if (!target) refuse("usage: npm run backup -- <file>", 2);
const file = path.resolve(target);
// The source is never created: opening a missing file would make an empty database (and its folder)
// and back that up.
const source = databasePath();
const unset = process.env.DATABASE_PATH ? "" : " (DATABASE_PATH is not set; the default is ./data/yishiting.db)";
if (!fs.existsSync(source)) refuse(`no database at ${source}${unset}; nothing was written`);
if (path.resolve(source) === file) refuse(`the copy would overwrite the database itself (${source})`);
let db: Database.Database;
try {
  db = openSqlite(source, { fileMustExist: true });
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'communities'").get()) throw new Error("no communities table");
} catch {
  refuse(`${source} is not a Yishiting database${unset}; nothing was written`);
}

// All pages in one step, inside one read transaction: the copy is the database as of one commit.
// Page by page (the default, 100 per step), a write from the running app between two steps restarts
// the copy, and under steady writes it may never finish.
const ALL_PAGES = 0x7fffffff;
await db.backup(file, { progress: () => ALL_PAGES });
db.close();

/** Problems of the copy, and one line per community's ledger head. */
function checkCopy(copy: Db): { problems: string[]; heads: string[] } {
  const integrity = copy.$client.pragma("integrity_check", { simple: true });
  const problems = integrity === "ok" ? [] : [`integrity check: ${String(integrity)}`];
  const heads: string[] = [];
  const communities = copy.$client.prepare("SELECT id, slug FROM communities ORDER BY slug").all() as Array<{ id: number; slug: string }>;
  for (const { id, slug } of communities) {
    const verdict = verifyLedger({ communityId: id }, copy);
    if (verdict.ok) heads.push(`  ${slug}: ${verdict.count} entries, head ${verdict.headHash}`);
    else problems.push(`ledger of ${slug} broken at entry ${verdict.brokenSeq} (${verdict.reason})`);
  }
  return { problems, heads };
}

const copy = openDatabase(file);
const { problems, heads } = checkCopy(copy);
// The copy is a single file: no -wal beside it to lose when it is moved.
copy.$client.pragma("journal_mode = DELETE");
copy.$client.close();
if (problems.length > 0) {
  process.stderr.write(`backup written to ${file}, but it does not hold:\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
  process.exit(1);
}
process.stdout.write(`backup written to ${file} (integrity ok); ledger heads:\n${heads.join("\n")}\n`);
