// The records of issue 17's powers checked against the ledger: the resolution a topic names to undo,
// the assembly's authorisations and the register members who signed a request on paper.
import type { Db } from "../../db/client.server";
import { compareByKey, entriesOf, idOf, latestBySubject, type Note } from "./ledger-records-entries.server";

export function powersRecordProblems(db: Db, communityId: number, note: Note) {
  undoProblems(db, communityId, note);
  authorisationProblems(db, communityId, note);
  petitionerProblems(db, communityId, note);
}

/** A topic names the resolution (and revoke or change) its latest `topic.undoNamed` entry says; a topic naming one no entry recorded is unrecorded. */
function undoProblems(db: Db, communityId: number, note: Note) {
  const expected = new Map<string, { seq: number; resolution: number | null; kind: string | null }>();
  for (const [subject, e] of latestBySubject(entriesOf(db, communityId, ["topic.undoNamed"]))) {
    const p = JSON.parse(e.payload) as { resolution?: number | null; kind?: string | null };
    expected.set(subject, { seq: e.seq, resolution: p.resolution ?? null, kind: p.kind ?? null });
  }
  const rows = db.$client
    .prepare("SELECT id, undoes_resolution_id AS resolution, undo_kind AS kind FROM topics WHERE community_id = ? AND (undoes_resolution_id IS NOT NULL OR undo_kind IS NOT NULL)")
    .all(communityId) as { id: number; resolution: number | null; kind: string | null }[];
  // Topics that named one and later cleared it have no row here: an entry saying "none" expects none.
  for (const [key, want] of expected) if (want.resolution === null && !rows.some((r) => `topic:${r.id}` === key)) expected.delete(key);
  compareByKey(note, "undo", expected, rows, (r) => `topic:${r.id}`, (want, r) => want.resolution === r.resolution && want.kind === r.kind);
}

/** Each authorisation is what `authorisation.recorded` said (scope, days, meeting, who), revoked exactly when an `authorisation.revoked` entry says so. */
function authorisationProblems(db: Db, communityId: number, note: Note) {
  const entries = entriesOf(db, communityId, ["authorisation.recorded", "authorisation.revoked"]);
  const revoked = new Set(entries.filter((e) => e.type === "authorisation.revoked").map((e) => e.subject));
  const expected = new Map<string, { seq: number; scope: string; grantedOn: string; expiresOn: string | null; meetingId: number | null; recordedBy: number | null; revoked: boolean }>();
  for (const e of entries.filter((x) => x.type === "authorisation.recorded")) {
    const p = JSON.parse(e.payload) as { scope?: string; grantedOn?: string; expiresOn?: string | null; meeting?: number | null };
    expected.set(e.subject, { seq: e.seq, scope: p.scope ?? "", grantedOn: p.grantedOn ?? "", expiresOn: p.expiresOn ?? null, meetingId: p.meeting ?? null, recordedBy: e.actorId, revoked: revoked.has(e.subject) });
  }
  const rows = db.$client
    .prepare("SELECT id, scope, granted_on AS grantedOn, expires_on AS expiresOn, meeting_id AS meetingId, recorded_by AS recordedBy, revoked_at AS revokedAt FROM assembly_authorisations WHERE community_id = ?")
    .all(communityId) as { id: number; scope: string; grantedOn: string; expiresOn: string | null; meetingId: number | null; recordedBy: number; revokedAt: number | null }[];
  compareByKey(
    note,
    "authorisation",
    expected,
    rows,
    (r) => `authorisation:${r.id}`,
    (w, r) => w.scope === r.scope && w.grantedOn === r.grantedOn && w.expiresOn === r.expiresOn && w.meetingId === r.meetingId && w.recordedBy === r.recordedBy && w.revoked === (r.revokedAt !== null),
  );
}

/** Each paper signer of a request is one a `meetingRequest.petitioned` entry of that request recorded. */
function petitionerProblems(db: Db, communityId: number, note: Note) {
  const expected = new Map<string, { seq: number }>();
  for (const e of entriesOf(db, communityId, ["meetingRequest.petitioned"])) {
    const p = JSON.parse(e.payload) as { members?: number[] };
    for (const member of p.members ?? []) expected.set(`meetingRequest:${idOf(e.subject)} member:${member}`, { seq: e.seq });
  }
  const rows = db.$client
    .prepare(
      `SELECT p.request_id AS requestId, p.member_id AS memberId FROM meeting_request_petitioners p
         JOIN meeting_requests r ON r.id = p.request_id WHERE r.community_id = ?`,
    )
    .all(communityId) as { requestId: number; memberId: number }[];
  compareByKey(note, "petitioner", expected, rows, (r) => `meetingRequest:${r.requestId} member:${r.memberId}`, () => true);
}
