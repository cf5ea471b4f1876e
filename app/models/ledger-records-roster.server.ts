// The roster (issue 18, part roster) checked against the ledger: each person an import put on a
// community's roster (their roster row, account and import), as its `roster.imported` entry records
// them (ids only: no names, phones or households, so those are not checked).
import type { Db } from "../../db/client.server";
import { compareByKey, entriesOf, type Note } from "./ledger-records-entries.server";

interface Want {
  seq: number;
  userId: number;
  importId: number;
}

export function rosterRecordProblems(db: Db, communityId: number, note: Note) {
  const wants = new Map<string, Want>();
  for (const e of entriesOf(db, communityId, ["roster.imported"])) {
    const p = JSON.parse(e.payload) as { importId?: number; rows?: Array<[number, number]> };
    for (const [id, userId] of p.rows ?? []) wants.set(`rosterPerson:${id}`, { seq: e.seq, userId, importId: p.importId ?? -1 });
  }
  const rows = db.$client
    .prepare("SELECT id, user_id AS userId, import_id AS importId FROM roster_people WHERE community_id = ? AND import_id IS NOT NULL")
    .all(communityId) as Array<{ id: number; userId: number; importId: number }>;
  compareByKey(note, "rosterPerson", wants, rows, (r) => `rosterPerson:${r.id}`, (want, r) => want.userId === r.userId && want.importId === r.importId);
}
