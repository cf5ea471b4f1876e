// npm run ledger:verify -- --community <slug>
// Exit 0 and print the head hash when the chain holds; exit 1 naming the first broken entry.
import { parseArgs } from "node:util";
import { closeDb, getDb } from "../../db/client.server";
import { communityIdBySlug } from "../../db/seed";
import { verifyLedger } from "../../app/models/ledger.server";

const { values } = parseArgs({ options: { community: { type: "string" } } });
if (!values.community) {
  process.stderr.write("usage: npm run ledger:verify -- --community <slug>\n");
  process.exit(2);
}
const db = getDb();
const communityId = communityIdBySlug(db, values.community);
if (communityId === undefined) {
  process.stderr.write(`no community "${values.community}"\n`);
  closeDb();
  process.exit(2);
}
const verdict = verifyLedger({ communityId }, db);
closeDb();
if (verdict.ok) {
  process.stdout.write(`ledger of ${values.community} intact: ${verdict.count} entries, head ${verdict.headHash}\n`);
  process.exit(0);
}
process.stdout.write(`ledger of ${values.community} BROKEN at entry ${verdict.brokenSeq} (${verdict.reason}); ${verdict.count} entries before it hold\n`);
process.exit(1);
