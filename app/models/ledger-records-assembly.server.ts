// The assembly's records checked against the ledger (issue 17, part 2): the roll taken at the start
// has the size `meeting.started` recorded, each seat is checked in (when, by whom, which member)
// exactly as its `assembly.checkedIn` entry says, and a counted motion names the tellers its
// `motion.closed` entry named. Reported as the attendance and motion checks.
import type { Db } from "../../db/client.server";
import { compareByKey, entriesOf, idOf, latestBySubject, timeOf, type EntryRow, type Note } from "./ledger-records-entries.server";

export function assemblyRecordProblems(db: Db, communityId: number, note: Note) {
  // One read of the ledger for both checks: each read is a pass over the community's entries.
  const entries = entriesOf(db, communityId, ["meeting.started", "assembly.checkedIn", "motion.closed"]);
  rollProblems(db, communityId, entries, note);
  tellerProblems(db, communityId, entries, note);
}

function rollProblems(db: Db, communityId: number, entries: EntryRow[], note: Note) {
  const client = db.$client;
  const rows = client
    .prepare(
      `SELECT r.id, r.meeting_id AS meetingId, r.member_id AS memberId, r.checked_in_at AS checkedInAt, r.checked_in_by AS checkedInBy
         FROM assembly_roll r JOIN meetings m ON m.id = r.meeting_id WHERE m.community_id = ?`,
    )
    .all(communityId) as { id: number; meetingId: number; memberId: number | null; checkedInAt: number | null; checkedInBy: number | null }[];
  // The roll's size per meeting, as its opening recorded it.
  const sizes = new Map<number, number>();
  for (const r of rows) sizes.set(r.meetingId, (sizes.get(r.meetingId) ?? 0) + 1);
  for (const [subject, e] of latestBySubject(entries.filter((x) => x.type === "meeting.started"))) {
    const p = JSON.parse(e.payload) as { body?: string; members?: number };
    if (p.body === "assembly" && (sizes.get(idOf(subject)) ?? 0) !== p.members) note({ check: "attendance", why: "differs", seq: e.seq, record: subject });
  }
  const expected = new Map<string, { seq: number; memberId: number | null; by: number | null; at: number }>();
  for (const e of entries.filter((x) => x.type === "assembly.checkedIn")) {
    const p = JSON.parse(e.payload) as { roll: number; member: number | null };
    expected.set(`${e.subject} roll:${p.roll}`, { seq: e.seq, memberId: p.member, by: e.actorId, at: timeOf(e) });
  }
  compareByKey(
    note,
    "attendance",
    expected,
    rows.filter((r) => r.checkedInAt !== null),
    (r) => `meeting:${r.meetingId} roll:${r.id}`,
    (want, r) => want.memberId === r.memberId && want.by === r.checkedInBy && want.at === r.checkedInAt,
  );
}

function tellerProblems(db: Db, communityId: number, entries: EntryRow[], note: Note) {
  const rows = db.$client.prepare("SELECT id, counted_by AS countedBy FROM motions WHERE community_id = ? AND status = 'closed'").all(communityId) as { id: number; countedBy: string | null }[];
  const closed = latestBySubject(entries.filter((e) => e.type === "motion.closed"));
  for (const m of rows) {
    const e = closed.get(`motion:${m.id}`);
    if (!e) continue; // the motion check reports a closed motion without its entry
    const p = JSON.parse(e.payload) as { countedBy?: string };
    if ((p.countedBy ?? null) !== m.countedBy) note({ check: "motion", why: "differs", seq: e.seq, record: `motion:${m.id}` });
  }
}
