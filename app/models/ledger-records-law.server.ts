// The records of issue 14 checked against the ledger: the party organisation's reviews and the owners' decisions.
import type { Db } from "../../db/client.server";
import { compareByKey, entriesOf, timeOf, type Note } from "./ledger-records-entries.server";

export function lawRecordProblems(db: Db, communityId: number, note: Note) {
  partyReviewProblems(db, communityId, note);
  ownerDecisionProblems(db, communityId, note);
}

type Fields = Record<string, string | number | boolean>;
const sameFields = (want: Fields, row: Fields) => Object.keys(want).every((k) => want[k] === row[k]);

/** Each review is what its `party.reviewed` entry recorded: the topic, the day, the body, the outcome, the note, who and when. */
function partyReviewProblems(db: Db, communityId: number, note: Note) {
  const expected = new Map<string, { seq: number; fields: Fields }>();
  for (const e of entriesOf(db, communityId, ["party.reviewed"])) {
    const p = JSON.parse(e.payload) as { review?: number; topic?: number; reviewedOn?: string; body?: string; outcome?: string; note?: string };
    expected.set(`partyReview:${p.review}`, {
      seq: e.seq,
      fields: { topicId: p.topic ?? -1, reviewedOn: p.reviewedOn ?? "", body: p.body ?? "", outcome: p.outcome ?? "", note: p.note ?? "", recordedBy: e.actorId ?? -1, createdAt: timeOf(e) },
    });
  }
  const rows = db.$client
    .prepare("SELECT id, topic_id AS topicId, reviewed_on AS reviewedOn, body, outcome, note, recorded_by AS recordedBy, created_at AS createdAt FROM party_reviews WHERE community_id = ?")
    .all(communityId) as ({ id: number } & Fields)[];
  compareByKey(note, "partyReview", expected, rows, (r) => `partyReview:${r.id}`, (want, r) => sameFields(want.fields, r));
}

/** Each owners' decision is what its `owners.decided` entry recorded: every figure, the date, the verdict, who and when. */
function ownerDecisionProblems(db: Db, communityId: number, note: Note) {
  const expected = new Map<string, { seq: number; fields: Fields }>();
  for (const e of entriesOf(db, communityId, ["owners.decided"])) {
    const p = JSON.parse(e.payload) as Record<string, number | string | boolean | undefined>;
    expected.set(`ownerDecision:${p.decision}`, {
      seq: e.seq,
      fields: {
        topicId: Number(p.topic ?? -1),
        ownersTotal: Number(p.ownersTotal ?? -1),
        areaTotal: Number(p.areaTotal ?? -1),
        participants: Number(p.participants ?? -1),
        participantsArea: Number(p.participantsArea ?? -1),
        consenting: Number(p.consenting ?? -1),
        consentingArea: Number(p.consentingArea ?? -1),
        heldOn: String(p.heldOn ?? ""),
        passed: p.passed === true ? 1 : 0,
        recordedBy: e.actorId ?? -1,
        createdAt: timeOf(e),
      },
    });
  }
  const rows = db.$client
    .prepare(
      `SELECT id, topic_id AS topicId, owners_total AS ownersTotal, area_total AS areaTotal, participants, participants_area AS participantsArea, consenting,
              consenting_area AS consentingArea, held_on AS heldOn, passed, recorded_by AS recordedBy, created_at AS createdAt FROM owner_decisions WHERE community_id = ?`,
    )
    .all(communityId) as ({ id: number } & Fields)[];
  compareByKey(note, "ownerDecision", expected, rows, (r) => `ownerDecision:${r.id}`, (want, r) => sameFields(want.fields, r));
}
