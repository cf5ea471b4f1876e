// What the record checks share: the kinds of problem and reading a community's entries.
import { createHash } from "node:crypto";
import type { Db } from "../../db/client.server";
import type { HashedFields } from "./ledger.server";

/** The kinds of working-table rows the ledger describes, each compared with the entries that recorded it. */
export const RECORD_CHECKS = ["ballot", "motion", "motionText", "attendance", "resolution", "topicState", "frozenText", "cosign", "rating", "partyReview", "ownerDecision", "task", "meeting", "consultationWaiver", "household", "householdMember", "deliberationStep", "appraisal", "appraisalVoter", "undo", "authorisation", "petitioner", "rosterPerson", "assistedAct", "departmentCall"] as const;
export type RecordCheck = (typeof RECORD_CHECKS)[number];

/**
 * A row that disagrees with the ledger: `differs` — the row no longer says what entry `seq` recorded
 * (edited); `missing` — entry `seq` recorded a row that is gone (deleted); `unrecorded` — a row no
 * entry describes (added behind the ledger's back; `seq` is null). `record` names the row.
 */
export interface RecordProblem {
  check: RecordCheck;
  why: "differs" | "missing" | "unrecorded";
  seq: number | null;
  record: string;
}

export type Note = (problem: RecordProblem) => void;

/** An entry as the cross-checks read it: what is hashed, less the chain's own fields. */
export type EntryRow = Omit<HashedFields, "communityId" | "prevHash">;

/** A community's entries of the given types in order, in one statement (never one query per row). */
export function entriesOf(db: Db, communityId: number, types: readonly string[]): EntryRow[] {
  return db.$client
    .prepare(
      `SELECT seq, type, actor_id AS actorId, subject, payload, created_at AS createdAt
         FROM ledger_entries WHERE community_id = ? AND type IN (${types.map(() => "?").join(",")}) ORDER BY seq`,
    )
    .all(communityId, ...types) as EntryRow[];
}

/** The latest entry of each subject. */
export function latestBySubject(entries: readonly EntryRow[]): Map<string, EntryRow> {
  return new Map(entries.map((e) => [e.subject, e]));
}

export const idOf = (subject: string) => Number(subject.slice(subject.indexOf(":") + 1));
export const timeOf = (entry: EntryRow) => Date.parse(entry.createdAt);


/** As freeze.server.ts hashes a text (kept here so verifying does not load the drafting modules). */
export const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * Rows against what their entries say, matched by key: a row no entry describes is unrecorded, one
 * that disagrees differs (named by its entry), an entry whose row is gone is missing.
 */
export function compareByKey<Row, Want extends { seq: number }>(
  note: Note,
  check: RecordCheck,
  expected: Map<string, Want>,
  rows: Iterable<Row>,
  keyOf: (row: Row) => string,
  same: (want: Want, row: Row) => boolean,
): void {
  for (const row of rows) {
    const key = keyOf(row);
    const want = expected.get(key);
    expected.delete(key);
    if (!want) note({ check, why: "unrecorded", seq: null, record: key });
    else if (!same(want, row)) note({ check, why: "differs", seq: want.seq, record: key });
  }
  for (const [key, want] of expected) note({ check, why: "missing", seq: want.seq, record: key });
}
