import { eq, ne } from "drizzle-orm";
import { now } from "../app/models/clock.server";
import { appendLedger } from "../app/models/ledger.server";
import { legalStanding, revisedNumbers, LEGAL_FIELDS, type LegalNumbers } from "../app/workflow/legal-floors";
import { LAW_REVISION, packForKind, ratioText } from "../app/workflow/rule-packs";
import { inTransaction, type Db } from "../db/client.server";
import { communities, rules } from "../db/schema";

/** The law's numbers as the ledger records them (">=2/3", ">1/2", ">=1/5", 15). */
function recorded(n: LegalNumbers) {
  return {
    quorum: ratioText({ num: n.quorumNum, den: n.quorumDen, inclusive: n.quorumInclusive }),
    pass: ratioText({ num: n.passNum, den: n.passDen, inclusive: n.passInclusive }),
    meetingRequest: ratioText({ num: n.meetingRequestNum, den: n.meetingRequestDen, inclusive: true }),
    publicityDays: n.publicityDays,
  };
}

/**
 * Moves every community whose rules predate the revised organic laws (LAW_REVISION) to its kind's
 * revised pack: the law's numbers (a local number already stricter than the law stays), the pack and
 * its basis, the revision. One transaction and ONE `rules.lawRevised` ledger entry per community, with
 * the old and new numbers; nothing else changes. Runs at every start right after the migrations (a SQL
 * migration cannot write the hash-chained ledger); a community already upgraded is left alone.
 */
export function upgradeLaw(db: Db): string[] {
  const stale = db
    .select({ communityId: rules.communityId })
    .from(rules)
    .where(ne(rules.lawRevision, LAW_REVISION))
    .all();
  const upgraded: string[] = [];
  for (const { communityId } of stale) {
    inTransaction(db, (tx) => {
      const row = tx
        .select({ rules, slug: communities.slug, kind: communities.kind })
        .from(rules)
        .innerJoin(communities, eq(communities.id, rules.communityId))
        .where(eq(rules.communityId, communityId))
        .get();
      // Another process may have upgraded it between the list and this transaction.
      if (!row || row.rules.lawRevision === LAW_REVISION) return;
      const pack = packForKind(row.kind);
      const before = row.rules;
      const numbers = revisedNumbers(before, pack);
      const standing = legalStanding(before);
      const at = now();
      tx.update(rules)
        .set({ pack: pack.id, ...numbers, basisZh: pack.basisZh, basisEn: pack.basisEn, lawRevision: LAW_REVISION, updatedAt: at })
        .where(eq(rules.communityId, communityId))
        .run();
      appendLedger(tx, {
        communityId,
        type: "rules.lawRevised",
        actorId: null,
        subject: `rules:${row.slug}`,
        payload: {
          lawRevision: LAW_REVISION,
          previousRevision: before.lawRevision,
          pack: { before: before.pack, after: pack.id },
          before: recorded(before),
          after: recorded(numbers),
          keptStricter: LEGAL_FIELDS.filter((f) => standing[f] === "stricter"),
        },
        at,
      });
      upgraded.push(row.slug);
    });
  }
  return upgraded;
}
