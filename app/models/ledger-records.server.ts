import type { Db } from "../../db/client.server";
import { canonicalJson } from "./canonical-json";

/**
 * The rows that must agree with the ledger entry that recorded them. The chain proves the entries
 * were not touched; this proves the working tables were not either: a ballot edited by hand no longer
 * matches its `ballot.cast` entry, a motion's counts no longer match its `motion.closed` entry.
 * Returns the lowest sequence number whose row disagrees, or null.
 */
export function firstDisagreeingRecord(db: Db, communityId: number): number | null {
  const client = db.$client;
  let first: number | null = null;
  const note = (seq: number) => {
    if (first === null || seq < first) first = seq;
  };

  const ballots = client
    .prepare(
      `SELECT b.motion_id AS motionId, b.user_id AS userId, b.choice, b.recorded_by AS recordedBy, b.ledger_seq AS seq,
              e.type, e.subject, e.payload
         FROM ballots b
         JOIN motions m ON m.id = b.motion_id
         LEFT JOIN ledger_entries e ON e.community_id = m.community_id AND e.seq = b.ledger_seq
        WHERE m.community_id = ?`,
    )
    .iterate(communityId) as IterableIterator<{ motionId: number; userId: number; choice: string | null; recordedBy: number | null; seq: number; type: string | null; subject: string | null; payload: string | null }>;
  for (const b of ballots) {
    const expected = canonicalJson({ motion: b.motionId, voter: b.userId, ...(b.choice !== null ? { choice: b.choice } : {}), ...(b.recordedBy !== null ? { recordedBy: b.recordedBy } : {}) });
    if (b.type !== "ballot.cast" || b.subject !== `motion:${b.motionId}` || b.payload !== expected) note(b.seq);
  }

  // Every ballot entry must still have its row (a deleted ballot is as broken as an edited one).
  const orphans = client
    .prepare(
      `SELECT e.seq FROM ledger_entries e
        WHERE e.community_id = ? AND e.type = 'ballot.cast'
          AND NOT EXISTS (SELECT 1 FROM ballots b JOIN motions m ON m.id = b.motion_id WHERE m.community_id = e.community_id AND b.ledger_seq = e.seq)`,
    )
    .all(communityId) as { seq: number }[];
  for (const o of orphans) note(o.seq);

  const closed = client
    .prepare(
      `SELECT m.id, m.yes, m.no, m.abstain, m.present, m.passed, e.seq, e.payload
         FROM motions m
         JOIN ledger_entries e ON e.community_id = m.community_id AND e.type = 'motion.closed' AND e.subject = 'motion:' || m.id
        WHERE m.community_id = ?`,
    )
    .iterate(communityId) as IterableIterator<{ id: number; yes: number; no: number; abstain: number; present: number | null; passed: number | null; seq: number; payload: string }>;
  for (const m of closed) {
    const p = JSON.parse(m.payload) as { yes?: number; no?: number; abstain?: number; present?: number; passed?: boolean };
    if (p.yes !== m.yes || p.no !== m.no || p.abstain !== m.abstain || p.present !== m.present || p.passed !== (m.passed === 1)) note(m.seq);
  }
  return first;
}
