// The records of issue 17's 四议两公开 checked against the ledger: each deliberation step is what its entry recorded.
import type { Db } from "../../db/client.server";
import { compareByKey, entriesOf, timeOf, type Note } from "./ledger-records-entries.server";

type Fields = Record<string, string | number>;

/** Each step is what its `fourTwo.stepRecorded` entry recorded: the topic, step, day, body, attendance, outcome, minutes, who and when. */
export function fourTwoRecordProblems(db: Db, communityId: number, note: Note) {
  const expected = new Map<string, { seq: number; fields: Fields }>();
  for (const e of entriesOf(db, communityId, ["fourTwo.stepRecorded"])) {
    const p = JSON.parse(e.payload) as Partial<Record<string, string | number>>;
    expected.set(`deliberationStep:${p.record}`, {
      seq: e.seq,
      fields: {
        topicId: Number(p.topic ?? -1),
        step: String(p.step ?? ""),
        heldOn: String(p.heldOn ?? ""),
        body: String(p.body ?? ""),
        attended: Number(p.attended ?? -1),
        expected: Number(p.expected ?? -1),
        outcome: String(p.outcome ?? ""),
        minutes: String(p.minutes ?? ""),
        recordedBy: e.actorId ?? -1,
        createdAt: timeOf(e),
      },
    });
  }
  const rows = db.$client
    .prepare(
      `SELECT id, topic_id AS topicId, step, held_on AS heldOn, body, attended, expected, outcome, minutes, recorded_by AS recordedBy, created_at AS createdAt
         FROM deliberation_steps WHERE community_id = ?`,
    )
    .all(communityId) as ({ id: number } & Fields)[];
  compareByKey(note, "deliberationStep", expected, rows, (r) => `deliberationStep:${r.id}`, (want, r) => Object.keys(want.fields).every((k) => want.fields[k] === r[k]));
}
