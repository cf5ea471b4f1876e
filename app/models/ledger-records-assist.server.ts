// 代录 (issue 18, part assist) checked against the ledger: who recorded what for whom, how, and its withdrawal.
import type { Db } from "../../db/client.server";
import { compareByKey, entriesOf, idOf, timeOf, type Note } from "./ledger-records-entries.server";

interface Told {
  seq: number;
  recordedBy: number | null;
  person: number;
  kind: string;
  channel: string;
  topicId: number;
  subjectId: number;
  at: number;
  withdrawn: boolean;
}

interface Row {
  id: number;
  personId: number;
  recordedBy: number;
  channel: string;
  kind: string;
  topicId: number;
  subjectId: number;
  createdAt: number;
  withdrawnAt: number | null;
}

/** Each assisted_acts row is what its `assist.recorded` entry says, withdrawn exactly when an `assist.withdrawn` entry says so (seenAt is not a record). */
export function assistRecordProblems(db: Db, communityId: number, note: Note) {
  const expected = new Map<string, Told>();
  for (const e of entriesOf(db, communityId, ["assist.recorded", "assist.withdrawn"])) {
    const p = JSON.parse(e.payload) as { act?: number; person?: number; kind?: string; channel?: string; subjectId?: number };
    const key = `assist:${p.act}`;
    if (e.type === "assist.recorded") {
      expected.set(key, { seq: e.seq, recordedBy: e.actorId, person: p.person ?? 0, kind: p.kind ?? "", channel: p.channel ?? "", topicId: idOf(e.subject), subjectId: p.subjectId ?? 0, at: timeOf(e), withdrawn: false });
    } else {
      const told = expected.get(key);
      if (told) expected.set(key, { ...told, withdrawn: true });
    }
  }
  const rows = db.$client
    .prepare(
      `SELECT id, person_id AS personId, recorded_by AS recordedBy, channel, kind, topic_id AS topicId, subject_id AS subjectId,
              created_at AS createdAt, withdrawn_at AS withdrawnAt FROM assisted_acts WHERE community_id = ?`,
    )
    .all(communityId) as Row[];
  compareByKey(
    note,
    "assistedAct",
    expected,
    rows,
    (r) => `assist:${r.id}`,
    (want, r) =>
      want.recordedBy === r.recordedBy &&
      want.person === r.personId &&
      want.kind === r.kind &&
      want.channel === r.channel &&
      want.topicId === r.topicId &&
      want.subjectId === r.subjectId &&
      want.at === r.createdAt &&
      want.withdrawn === (r.withdrawnAt !== null),
  );
}
