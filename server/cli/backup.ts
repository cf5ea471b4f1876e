// npm run backup -- <file>: an online, consistent copy of the database (SQLite's backup API), safe while
// the app runs. The copy is then checked on its own (integrity check, every community's ledger) and
// each ledger's head is printed, so a restore can be checked against it (`npm run ledger:verify`).
import path from "node:path";
import { verifyLedger } from "../../app/models/ledger.server";
import { closeDb, getDb, openDatabase, type Db } from "../../db/client.server";

const target = process.argv[2];
if (!target) {
  process.stderr.write("usage: npm run backup -- <file>\n");
  process.exit(2);
}
const file = path.resolve(target);

// All pages in one step, inside one read transaction: the copy is the database as of one commit.
// Page by page (the default, 100 per step), a write from the running app between two steps restarts
// the copy, and under steady writes it may never finish.
const ALL_PAGES = 0x7fffffff;
await getDb().$client.backup(file, { progress: () => ALL_PAGES });
closeDb();

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
