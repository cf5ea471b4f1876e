// npm run ledger:verify -- --community <slug>
// Exit 0 and print the head hash when the chain holds (against every head witnessed outside the
// database, and with every record it describes); exit 1 naming the first thing that does not.
import { parseArgs } from "node:util";
import { closeDb, getDb } from "../../db/client.server";
import { communityIdBySlug } from "./demo/seed";
import { verifyLedger, type LedgerVerdict } from "../../app/models/ledger.server";
import { witnessFileOf } from "../../app/models/ledger-witness.server";
import { witnessedHeads } from "../../app/models/witness-log.server";

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
const witnessFile = witnessFileOf(db);
const witnessed = witnessedHeads(witnessFile, communityId).length;
closeDb();

function brokenText(v: Extract<LedgerVerdict, { ok: false }>): string {
  switch (v.reason) {
    case "truncated":
      return `TRUNCATED: entries after ${v.brokenSeq} missing (the head witnessed at ${v.witnessedAt} was entry ${v.witnessedSeq})`;
    case "rewritten":
      return `REWRITTEN at seq ${v.brokenSeq} (its hash differs from the head witnessed at ${v.witnessedAt})`;
    case "witnessLog":
      return `WITNESS LOG EDITED at line ${v.line} of ${witnessFile}`;
    case "record":
      return v.brokenSeq === null
        ? `BROKEN: a ${v.record.check} record no entry describes (${v.record.record})`
        : `BROKEN at entry ${v.brokenSeq} (record: ${v.record.check} ${v.record.why}, ${v.record.record})`;
    default:
      return `BROKEN at entry ${v.brokenSeq} (${v.reason})`;
  }
}

if (verdict.ok) {
  process.stdout.write(`ledger of ${values.community} intact: ${verdict.count} entries, head ${verdict.headHash}; ${witnessed} witnessed heads held (${witnessFile})\n`);
  process.exit(0);
}
process.stdout.write(`ledger of ${values.community} ${brokenText(verdict)}; ${verdict.count} entries before it hold\n`);
process.exit(1);
