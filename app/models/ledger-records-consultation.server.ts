// The records of issue 15 checked against the ledger: the committee's reason for skipping consultation.
import type { Db } from "../../db/client.server";
import { compareByKey, entriesOf, latestBySubject, type Note } from "./ledger-records-entries.server";

/** A topic's consultationWaiver is the reason its `consultation.waived` entry recorded; a reason no entry recorded is unrecorded. */
export function consultationRecordProblems(db: Db, communityId: number, note: Note) {
  const expected = new Map<string, { seq: number; reason: string }>();
  for (const [subject, e] of latestBySubject(entriesOf(db, communityId, ["consultation.waived"]))) {
    expected.set(subject, { seq: e.seq, reason: String((JSON.parse(e.payload) as { reason?: unknown }).reason ?? "") });
  }
  const rows = db.$client
    .prepare("SELECT id, consultation_waiver AS reason FROM topics WHERE community_id = ? AND consultation_waiver IS NOT NULL")
    .all(communityId) as { id: number; reason: string }[];
  compareByKey(note, "consultationWaiver", expected, rows, (r) => `topic:${r.id}`, (want, r) => want.reason === r.reason);
}
