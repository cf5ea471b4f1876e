import { getDb, type Db } from "../../db/client.server";
import { now } from "./clock.server";
import { appendWitness, readWitnessLog, witnessedHeads, witnessPathFor, type Head, type WitnessedHead } from "./witness-log.server";

/** The witness log of the database `db` is open on. */
export function witnessFileOf(db: Db): string {
  return witnessPathFor(db.$client.name);
}

// Each community's last entry, found through the (community_id, seq) index: one statement for all.
const HEADS_SQL = `SELECT c.id AS communityId, c.slug AS community, e.seq, e.hash
  FROM communities c JOIN ledger_entries e ON e.community_id = c.id
 WHERE e.seq = (SELECT max(seq) FROM ledger_entries WHERE community_id = c.id)`;

/**
 * Witnesses the head of every community (or of those in `communityIds`) whose head is not the one it
 * last witnessed: at start-up, after a resolution is published, takes effect or is revoked, and hourly.
 * Call it after the commit: a head witnessed from a transaction that then rolled back would later read
 * as a rewrite. Returns the heads written.
 */
export function witnessHeads({ communityIds, db = getDb(), at = now() }: { communityIds?: readonly number[]; db?: Db; at?: Date } = {}): Head[] {
  const file = witnessFileOf(db);
  const log = readWitnessLog(file);
  const wanted = communityIds ? new Set(communityIds) : null;
  const heads = (db.$client.prepare(HEADS_SQL).all() as Head[]).filter((h) => {
    if (wanted && !wanted.has(h.communityId)) return false;
    const last = log.heads.get(h.communityId)?.at(-1);
    return !last || last.seq !== h.seq || last.hash !== h.hash;
  });
  appendWitness(file, heads, at);
  return heads;
}

/** The latest witnessed head of a community, for the board, the verify page and the feed. */
export function latestWitnessedHeads({ communityId, limit, db = getDb() }: { communityId: number; limit: number; db?: Db }): WitnessedHead[] {
  return witnessedHeads(witnessFileOf(db), communityId).slice(-limit).reverse();
}

export type WitnessBreak =
  | { reason: "rewritten"; seq: number; head: WitnessedHead }
  | { reason: "truncated"; seq: number; head: WitnessedHead }
  | { reason: "witnessLog"; line: number };

/**
 * Checks a chain, entry by entry as verifyLedger streams it, against every head witnessed for the
 * community: `see` each entry in order, then `end` once. The first witnessed (seq, hash) the chain no
 * longer has is a rewrite; a witnessed seq past the chain's end is a truncation.
 */
export function witnessCheck(db: Db, communityId: number) {
  const log = readWitnessLog(witnessFileOf(db));
  const bySeq = new Map<number, WitnessedHead[]>();
  let last: WitnessedHead | null = null;
  for (const h of log.heads.get(communityId) ?? []) {
    bySeq.set(h.seq, [...(bySeq.get(h.seq) ?? []), h]);
    if (!last || h.seq > last.seq) last = h;
  }
  return {
    /** An edited witness log is named before anything else: what it says after the edit is not evidence. */
    logBroken: (): WitnessBreak | null => (log.brokenLine !== null ? { reason: "witnessLog", line: log.brokenLine } : null),
    see(seq: number, hash: string): WitnessBreak | null {
      const other = bySeq.get(seq)?.find((h) => h.hash !== hash);
      return other ? { reason: "rewritten", seq, head: other } : null;
    },
    end(lastSeq: number): WitnessBreak | null {
      return last && last.seq > lastSeq ? { reason: "truncated", seq: lastSeq, head: last } : null;
    },
  };
}
