// npm run backup -- <file>: an online, consistent copy of the database (SQLite's backup API), safe while the app runs.
import path from "node:path";
import { closeDb, getDb } from "../../db/client.server";

const target = process.argv[2];
if (!target) {
  process.stderr.write("usage: npm run backup -- <file>\n");
  process.exit(2);
}
const file = path.resolve(target);
await getDb().$client.backup(file);
closeDb();
process.stdout.write(`backup written to ${file}\n`);
