import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../../db/client.server";
import { hotSelect, orNull } from "../../db/hot-read";

import { ledgerEntries, users } from "../../db/schema";
import { now } from "./clock.server";
import { canonicalJson, type JsonValue } from "./canonical-json";
import { firstDisagreeingRecord, type RecordProblem } from "./ledger-records.server";
import { witnessCheck, type WitnessBreak } from "./ledger-witness.server";

export const GENESIS_HASH = "0".repeat(64);

export interface HashedFields {
  communityId: number;
  seq: number;
  type: string;
  actorId: number | null;
  subject: string;
  payload: string;
  createdAt: string;
  prevHash: string;
}

export function hashEntry(fields: HashedFields): string {
  const record: JsonValue = { ...fields };
  return createHash("sha256").update(canonicalJson(record)).digest("hex");
}

export interface AppendInput {
  communityId: number;
  type: string;
  actorId: number | null;
  subject: string;
  payload: { [key: string]: JsonValue };
  at?: Date;
}

/**
 * Appends one entry to the community's chain: the one ledger append. Call it inside the caller's
 * `write` so the entry and the change it records commit together (better-sqlite3 transactions are
 * serialised). Its two statements are prepared once per connection: ballots append in storms.
 */
export function appendLedger(tx: Tx, input: AppendInput) {
  const statements = ledgerStatements(tx.$client);
  const entry = entryAfter(statements.last.get(input.communityId) as { seq: number; hash: string } | undefined, input);
  statements.insert.run(entry);
  return { seq: entry.seq, hash: entry.hash };
}

const statementsOf = new WeakMap<Tx["$client"], ReturnType<typeof prepareLedgerStatements>>();

function ledgerStatements(client: Tx["$client"]) {
  let statements = statementsOf.get(client);
  if (!statements) {
    statements = prepareLedgerStatements(client);
    statementsOf.set(client, statements);
  }
  return statements;
}

function prepareLedgerStatements(client: Tx["$client"]) {
  return {
    last: client.prepare("SELECT seq, hash FROM ledger_entries WHERE community_id = ? ORDER BY seq DESC LIMIT 1"),
    insert: client.prepare(
      `INSERT INTO ledger_entries (community_id, seq, type, actor_id, subject, payload, created_at, prev_hash, hash)
       VALUES (@communityId, @seq, @type, @actorId, @subject, @payload, @createdAt, @prevHash, @hash)`,
    ),
  };
}

function entryAfter(last: { seq: number; hash: string } | undefined, input: AppendInput) {
  const fields: HashedFields = {
    communityId: input.communityId,
    seq: (last?.seq ?? 0) + 1,
    type: input.type,
    actorId: input.actorId,
    subject: input.subject,
    payload: canonicalJson(input.payload),
    createdAt: (input.at ?? now()).toISOString(),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  return { ...fields, hash: hashEntry(fields) };
}

export type LedgerBreak =
  | { reason: "hash" | "link" | "sequence"; brokenSeq: number }
  /** A working-table row no longer agrees with the ledger; `brokenSeq` is null for a row no entry describes. */
  | { reason: "record"; brokenSeq: number | null; record: RecordProblem }
  /** The chain no longer has, at `brokenSeq`, the hash witnessed outside the database at `witnessedAt`. */
  | { reason: "rewritten"; brokenSeq: number; witnessedAt: string }
  /** The chain ends at `brokenSeq`; the witness log saw it reach `witnessedSeq`. */
  | { reason: "truncated"; brokenSeq: number; witnessedSeq: number; witnessedAt: string }
  /** The witness log itself was edited at `line` (the lines after it are not trusted). */
  | { reason: "witnessLog"; brokenSeq: null; line: number };

export type LedgerVerdict = { ok: true; count: number; headHash: string } | ({ ok: false; count: number } & LedgerBreak);

/**
 * Recomputes the whole chain in order, compares it with every head witnessed outside the database,
 * then compares the working tables with the entries that describe them; names the first thing that
 * does not hold.
 */
export function verifyLedger({ communityId }: { communityId: number }, db: Db = getDb()): LedgerVerdict {
  const witness = witnessCheck(db, communityId);
  const logBroken = witness.logBroken();
  if (logBroken) return { ok: false, count: 0, ...witnessBreak(logBroken) };
  const rows = db.$client
    .prepare(
      `SELECT community_id AS communityId, seq, type, actor_id AS actorId, subject, payload,
              created_at AS createdAt, prev_hash AS prevHash, hash
         FROM ledger_entries WHERE community_id = ? ORDER BY seq`,
    )
    .iterate(communityId) as IterableIterator<HashedFields & { hash: string }>;
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const row of rows) {
    const { hash, ...fields } = row;
    const broken = (reason: "hash" | "link" | "sequence"): LedgerVerdict => ({ ok: false, count, brokenSeq: row.seq, reason });
    if (row.seq !== expectedSeq) return broken("sequence");
    if (row.prevHash !== expectedPrev) return broken("link");
    if (hashEntry(fields) !== hash) return broken("hash");
    const rewritten = witness.see(row.seq, hash);
    if (rewritten) return { ok: false, count, ...witnessBreak(rewritten) };
    expectedPrev = hash;
    expectedSeq += 1;
    count += 1;
  }
  const cut = witness.end(count);
  if (cut) return { ok: false, count, ...witnessBreak(cut) };
  const disagreeing = firstDisagreeingRecord(db, communityId);
  if (disagreeing !== null) return { ok: false, count: disagreeing.seq === null ? count : disagreeing.seq - 1, brokenSeq: disagreeing.seq, reason: "record", record: disagreeing };
  return { ok: true, count, headHash: expectedPrev };
}

function witnessBreak(b: WitnessBreak): LedgerBreak {
  if (b.reason === "witnessLog") return { reason: "witnessLog", brokenSeq: null, line: b.line };
  if (b.reason === "rewritten") return { reason: "rewritten", brokenSeq: b.seq, witnessedAt: b.head.at };
  return { reason: "truncated", brokenSeq: b.seq, witnessedSeq: b.head.seq, witnessedAt: b.head.at };
}

// The ledger page's query, a hot read (docs/decisions/014-raw-statements-for-hot-reads.md); "no
// cursor" is a cursor past every seq, so one statement serves both.
const ledgerPage = hotSelect({
  seq: ledgerEntries.seq,
  type: ledgerEntries.type,
  subject: ledgerEntries.subject,
  payload: ledgerEntries.payload,
  createdAt: ledgerEntries.createdAt,
  hash: ledgerEntries.hash,
  actorName: orNull(users.displayName),
}).from<{ communityId: number; beforeSeq: number; limit: number }>(
  sql`${ledgerEntries} left join ${users} on ${users.id} = ${ledgerEntries.actorId}
      where ${ledgerEntries.communityId} = ${sql.placeholder("communityId")} and ${ledgerEntries.seq} < ${sql.placeholder("beforeSeq")}
      order by ${ledgerEntries.seq} desc limit ${sql.placeholder("limit")}`,
);

export function listLedgerEntries({ communityId, limit, beforeSeq }: { communityId: number; limit: number; beforeSeq?: number }) {
  return ledgerPage.all({ communityId, limit, beforeSeq: beforeSeq ?? Number.MAX_SAFE_INTEGER });
}
