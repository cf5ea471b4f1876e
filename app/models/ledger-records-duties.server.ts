// The records of issue 17's part "duties" checked against the ledger: the 民主评议 (appraisals, their
// subjects' counts and verdicts, and who cast a secret ballot).
import type { Db } from "../../db/client.server";
import { compareByKey, entriesOf, idOf, timeOf, type EntryRow, type Note } from "./ledger-records-entries.server";

type Counts = { competent: number; basicallyCompetent: number; incompetent: number };
type SubjectRow = { appraisalId: number; userId: number; verdict: string | null } & Counts;

export function dutiesRecordProblems(db: Db, communityId: number, note: Note) {
  const entries = entriesOf(db, communityId, ["appraisal.opened", "appraisal.ballot", "appraisal.tallied", "appraisal.closed"]);
  appraisalProblems(db, communityId, entries, note);
  voterProblems(db, communityId, entries, note);
}

const payloadOf = <T>(e: EntryRow) => JSON.parse(e.payload) as T;

/**
 * Each appraisal is what `appraisal.opened` recorded (meeting, year, chair, the members appraised), is
 * closed exactly when `appraisal.closed` says so, and each member's counts are: once closed, the
 * closing entry's counts and verdict; open at an assembly, the last recorded tally; open at a
 * representatives' meeting, one rating per recorded ballot (the choices are secret, their number is not).
 */
function appraisalProblems(db: Db, communityId: number, entries: readonly EntryRow[], note: Note) {
  const rows = db.$client
    .prepare("SELECT a.id, a.year, a.meeting_id AS meetingId, a.chaired_by AS chairedBy, a.status, a.opened_at AS openedAt, m.body FROM appraisals a JOIN meetings m ON m.id = a.meeting_id WHERE a.community_id = ?")
    .all(communityId) as { id: number; year: number; meetingId: number; chairedBy: number; status: string; openedAt: number; body: string }[];
  const subjects = db.$client
    .prepare(
      `SELECT s.appraisal_id AS appraisalId, s.user_id AS userId, s.competent, s.basically_competent AS basicallyCompetent, s.incompetent, s.verdict
         FROM appraisal_subjects s JOIN appraisals a ON a.id = s.appraisal_id WHERE a.community_id = ? ORDER BY s.user_id`,
    )
    .all(communityId) as SubjectRow[];
  const expected = new Map<string, { seq: number; entry: EntryRow }>();
  for (const e of entries) if (e.type === "appraisal.opened") expected.set(`appraisal:${idOf(e.subject)}`, { seq: e.seq, entry: e });
  const lastOf = (type: string, id: number) => [...entries].reverse().find((e) => e.type === type && idOf(e.subject) === id);
  const ballots = (id: number) => entries.filter((e) => e.type === "appraisal.ballot" && idOf(e.subject) === id).length;
  compareByKey(note, "appraisal", expected, rows, (r) => `appraisal:${r.id}`, (want, r) => {
    const opened = payloadOf<{ meeting: number; year: number; chair: number; subjects: number[] }>(want.entry);
    const mine = subjects.filter((s) => s.appraisalId === r.id);
    if (opened.meeting !== r.meetingId || opened.year !== r.year || opened.chair !== r.chairedBy || want.entry.actorId !== r.chairedBy || timeOf(want.entry) !== r.openedAt) return false;
    if (mine.map((s) => s.userId).join(",") !== [...opened.subjects].sort((a, b) => a - b).join(",")) return false;
    const closed = lastOf("appraisal.closed", r.id);
    if ((r.status === "closed") !== Boolean(closed)) return false;
    const same = (s: SubjectRow, c: Counts) => s.competent === c.competent && s.basicallyCompetent === c.basicallyCompetent && s.incompetent === c.incompetent;
    if (closed) {
      const results = payloadOf<{ results: ({ subject: number; verdict: string } & Counts)[] }>(closed).results;
      return mine.every((s) => {
        const r2 = results.find((x) => x.subject === s.userId);
        return r2 !== undefined && same(s, r2) && s.verdict === r2.verdict;
      });
    }
    if (mine.some((s) => s.verdict !== null)) return false;
    if (r.body === "assembly") {
      const tally = lastOf("appraisal.tallied", r.id);
      const counts = tally ? payloadOf<{ counts: ({ subject: number } & Counts)[] }>(tally).counts : [];
      return mine.every((s) => same(s, counts.find((c) => c.subject === s.userId) ?? { competent: 0, basicallyCompetent: 0, incompetent: 0 }));
    }
    const cast = ballots(r.id);
    return mine.every((s) => s.competent + s.basicallyCompetent + s.incompetent === cast);
  });
}

/** Each secret ballot's voter row is what its `appraisal.ballot` entry recorded: who and when (never a choice). */
function voterProblems(db: Db, communityId: number, entries: readonly EntryRow[], note: Note) {
  const expected = new Map<string, { seq: number; castAt: number }>();
  for (const e of entries) {
    if (e.type !== "appraisal.ballot") continue;
    const p = payloadOf<{ appraisal: number; voter: number }>(e);
    expected.set(`appraisalVoter:${p.appraisal}:${p.voter}`, { seq: e.seq, castAt: timeOf(e) });
  }
  const rows = db.$client
    .prepare("SELECT v.appraisal_id AS appraisalId, v.user_id AS userId, v.cast_at AS castAt FROM appraisal_voters v JOIN appraisals a ON a.id = v.appraisal_id WHERE a.community_id = ?")
    .all(communityId) as { appraisalId: number; userId: number; castAt: number }[];
  compareByKey(note, "appraisalVoter", expected, rows, (r) => `appraisalVoter:${r.appraisalId}:${r.userId}`, (want, r) => want.castAt === r.castAt);
}
