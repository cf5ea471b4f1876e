// The meeting records checked against the ledger: ballots, motions (status, counts, the voted text),
// attendance and resolutions. Each check reads its rows and entries in one statement each.
import type { Db } from "../../db/client.server";
import { canonicalJson } from "./canonical-json";
import { compareByKey, entriesOf, idOf, latestBySubject, sha256Hex, timeOf, type EntryRow, type Note } from "./ledger-records-entries.server";

export function meetingRecordProblems(db: Db, communityId: number, note: Note) {
  ballotProblems(db, communityId, note);
  motionProblems(db, communityId, note);
  attendanceProblems(db, communityId, note);
  resolutionProblems(db, communityId, note);
  meetingProblems(db, communityId, note);
}

/**
 * A meeting that sat is ended (散会) or inquorate (流会) exactly as its closing entry says, and opened
 * early exactly when its `meeting.started` entry says `early: true`.
 */
function meetingProblems(db: Db, communityId: number, note: Note) {
  const rows = db.$client
    .prepare("SELECT id, status, started_early AS startedEarly FROM meetings WHERE community_id = ? AND started_at IS NOT NULL")
    .all(communityId) as { id: number; status: string; startedEarly: number }[];
  const entries = entriesOf(db, communityId, ["meeting.started", "meeting.ended", "meeting.inquorate"]);
  const started = latestBySubject(entries.filter((e) => e.type === "meeting.started"));
  const ended = latestBySubject(entries.filter((e) => e.type !== "meeting.started"));
  for (const m of rows) {
    const subject = `meeting:${m.id}`;
    const s = started.get(subject);
    if (s && (JSON.parse(s.payload) as { early?: boolean }).early === true !== (m.startedEarly === 1)) note({ check: "meeting", why: "differs", seq: s.seq, record: subject });
    const e = ended.get(subject);
    const want = e ? (e.type === "meeting.inquorate" ? "inquorate" : "ended") : "inSession";
    if (m.status !== want) note({ check: "meeting", why: "differs", seq: e?.seq ?? s?.seq ?? null, record: subject });
  }
}

/** Each ballot row against its own `ballot.cast` entry; every such entry must still have its row. */
function ballotProblems(db: Db, communityId: number, note: Note) {
  const client = db.$client;
  const ballots = client
    .prepare(
      `SELECT b.motion_id AS motionId, b.user_id AS userId, b.choice, b.recorded_by AS recordedBy, b.ledger_seq AS seq,
              e.type, e.subject, e.payload
         FROM ballots b
         JOIN motions m ON m.id = b.motion_id
         LEFT JOIN ledger_entries e ON e.community_id = m.community_id AND e.seq = b.ledger_seq
        WHERE m.community_id = ?`,
    )
    .iterate(communityId) as IterableIterator<{ motionId: number; userId: number; choice: string | null; recordedBy: number | null; seq: number; type: string | null; subject: string | null; payload: string | null }>;
  for (const b of ballots) {
    const expected = canonicalJson({ motion: b.motionId, voter: b.userId, ...(b.choice !== null ? { choice: b.choice } : {}), ...(b.recordedBy !== null ? { recordedBy: b.recordedBy } : {}) });
    if (b.type !== "ballot.cast" || b.subject !== `motion:${b.motionId}` || b.payload !== expected) note({ check: "ballot", why: "differs", seq: b.seq, record: `motion:${b.motionId} voter:${b.userId}` });
  }
  const orphans = client
    .prepare(
      `SELECT e.seq, e.subject FROM ledger_entries e
        WHERE e.community_id = ? AND e.type = 'ballot.cast'
          AND NOT EXISTS (SELECT 1 FROM ballots b JOIN motions m ON m.id = b.motion_id WHERE m.community_id = e.community_id AND b.ledger_seq = e.seq)`,
    )
    .all(communityId) as { seq: number; subject: string }[];
  for (const o of orphans) note({ check: "ballot", why: "missing", seq: o.seq, record: o.subject });
}

interface MotionRow {
  id: number;
  text: string;
  sha256: string;
  status: string;
  yes: number;
  no: number;
  abstain: number;
  present: number | null;
  passed: number | null;
  basis: string | null;
}

/**
 * A motion's text must hash to the SHA-256 its `motion.tabled` (and `motion.opened`) entry recorded;
 * its status must be the one its latest entry implies, and a closed motion's counts those of
 * `motion.closed`. A tabled motion may only be gone if it was withdrawn or its meeting cancelled.
 */
function motionProblems(db: Db, communityId: number, note: Note) {
  const rows = db.$client
    .prepare("SELECT id, text, sha256, status, yes, no, abstain, present, passed, basis FROM motions WHERE community_id = ?")
    .all(communityId) as MotionRow[];
  const entries = entriesOf(db, communityId, ["motion.tabled", "motion.opened", "motion.closed", "motion.withdrawn", "meeting.cancelled", "meeting.ended", "meeting.inquorate"]);
  const of = (type: string) => latestBySubject(entries.filter((e) => e.type === type));
  const tabled = of("motion.tabled");
  const opened = of("motion.opened");
  const closed = of("motion.closed");
  const withdrawn = of("motion.withdrawn");
  const cancelled = of("meeting.cancelled");
  // Motions a meeting's end left unvoted: listed in its `meeting.ended` / `meeting.inquorate` entry.
  const lapsed = new Map<string, EntryRow>();
  for (const e of entries.filter((x) => x.type === "meeting.ended" || x.type === "meeting.inquorate")) {
    for (const id of (JSON.parse(e.payload) as { lapsed?: number[] }).lapsed ?? []) lapsed.set(`motion:${id}`, e);
  }
  const seen = new Set<string>();
  for (const m of rows) {
    const subject = `motion:${m.id}`;
    seen.add(subject);
    const t = tabled.get(subject);
    if (!t) {
      note({ check: "motionText", why: "unrecorded", seq: null, record: subject });
      continue;
    }
    if (sha256Hex(m.text) !== m.sha256 || JSON.parse(t.payload).sha256 !== m.sha256) note({ check: "motionText", why: "differs", seq: t.seq, record: subject });
    const o = opened.get(subject);
    if (o && JSON.parse(o.payload).sha256 !== m.sha256) note({ check: "motionText", why: "differs", seq: o.seq, record: subject });
    // The basis frozen when the vote opened hashes to what `motion.opened` recorded (entries before bases were frozen record none).
    const basisHash = o ? (JSON.parse(o.payload) as { basis?: string }).basis : undefined;
    if (o && (basisHash !== undefined || m.basis !== null) && (m.basis === null || sha256Hex(m.basis) !== basisHash)) note({ check: "motion", why: "differs", seq: o.seq, record: subject });
    const c = closed.get(subject);
    const l = lapsed.get(subject);
    const latest = c ?? l ?? o ?? t;
    if (m.status !== (c ? "closed" : l ? "lapsed" : o ? "voting" : "pending")) note({ check: "motion", why: "differs", seq: latest.seq, record: subject });
    if (c) {
      const p = JSON.parse(c.payload) as { yes?: number; no?: number; abstain?: number; present?: number; passed?: boolean };
      if (p.yes !== m.yes || p.no !== m.no || p.abstain !== m.abstain || p.present !== m.present || p.passed !== (m.passed === 1)) note({ check: "motion", why: "differs", seq: c.seq, record: subject });
    }
  }
  for (const [subject, t] of tabled) {
    if (seen.has(subject) || withdrawn.has(subject)) continue;
    if (cancelled.has(`meeting:${JSON.parse(t.payload).meeting}`)) continue;
    note({ check: "motionText", why: "missing", seq: t.seq, record: subject });
  }
}

/**
 * The roll of each started meeting is the roster its `meeting.started` entry recorded; a row is
 * checked in (when, and by whom) exactly as its `attendance.checkedIn` entry says.
 */
function attendanceProblems(db: Db, communityId: number, note: Note) {
  const rows = db.$client
    .prepare(
      `SELECT a.meeting_id AS meetingId, a.user_id AS userId, a.checked_in_at AS checkedInAt, a.checked_in_by AS checkedInBy, a.seat
         FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.community_id = ?`,
    )
    .all(communityId) as { meetingId: number; userId: number; checkedInAt: number | null; checkedInBy: number | null; seat: string }[];
  const expected = new Map<string, { seq: number; checkedInAt: number | null; by: number | null; seat?: string }>();
  const seats = new Map<string, string>();
  for (const e of entriesOf(db, communityId, ["meeting.started", "attendance.checkedIn"])) {
    const p = JSON.parse(e.payload) as { roster?: number[]; committeeMembers?: number[]; representative?: number; by?: number };
    if (e.type === "meeting.started") {
      const committee = new Set(p.committeeMembers ?? []);
      for (const userId of p.roster ?? []) {
        const key = `meeting:${idOf(e.subject)} user:${userId}`;
        seats.set(key, committee.has(userId) ? "committeeMember" : "representative");
        expected.set(key, { seq: e.seq, checkedInAt: null, by: null });
      }
    } else {
      expected.set(`${e.subject} user:${p.representative}`, { seq: e.seq, checkedInAt: timeOf(e), by: p.by ?? null });
    }
  }
  compareByKey(note, "attendance", expected, rows, (a) => `meeting:${a.meetingId} user:${a.userId}`, (want, a) => want.checkedInAt === a.checkedInAt && want.by === a.checkedInBy && (seats.get(`meeting:${a.meetingId} user:${a.userId}`) ?? a.seat) === a.seat);
  // 列席: each observer row is what its `attendance.observed` entry recorded.
  const observers = db.$client
    .prepare(
      `SELECT o.meeting_id AS meetingId, o.user_id AS userId, o.capacity, o.checked_in_at AS checkedInAt
         FROM meeting_observers o JOIN meetings m ON m.id = o.meeting_id WHERE m.community_id = ?`,
    )
    .all(communityId) as { meetingId: number; userId: number; capacity: string; checkedInAt: number }[];
  const observed = new Map<string, { seq: number; capacity: string; at: number }>();
  for (const e of entriesOf(db, communityId, ["attendance.observed"])) {
    const p = JSON.parse(e.payload) as { observer?: number; capacity?: string };
    observed.set(`${e.subject} observer:${p.observer}`, { seq: e.seq, capacity: p.capacity ?? "", at: timeOf(e) });
  }
  compareByKey(note, "attendance", observed, observers, (o) => `meeting:${o.meetingId} observer:${o.userId}`, (want, o) => want.capacity === o.capacity && want.at === o.checkedInAt);
}

const RESOLUTION_STATUS_OF: Record<string, string> = {
  "resolution.published": "publicity",
  "resolution.effective": "effective",
  "resolution.suspended": "suspended",
  "resolution.correctionOrdered": "correctionOrdered",
  "resolution.revoked": "revoked",
  "resolution.changed": "changed",
};

/**
 * A resolution is what `resolution.published` recorded (number, motion, topic, text hash, end of 公示),
 * and its status is the one its latest resolution entry implies (with the moment it took effect).
 */
function resolutionProblems(db: Db, communityId: number, note: Note) {
  const rows = db.$client
    .prepare(
      `SELECT id, year, number, motion_id AS motionId, topic_id AS topicId, sha256, status, publicity_ends_at AS publicityEndsAt, effective_at AS effectiveAt
         FROM resolutions WHERE community_id = ?`,
    )
    .all(communityId) as { id: number; year: number; number: number; motionId: number; topicId: number; sha256: string; status: string; publicityEndsAt: number; effectiveAt: number | null }[];
  const entries = entriesOf(db, communityId, Object.keys(RESOLUTION_STATUS_OF));
  const published = latestBySubject(entries.filter((e) => e.type === "resolution.published"));
  const latest: Map<string, EntryRow> = latestBySubject(entries);
  for (const r of rows) {
    const subject = `resolution:${r.id}`;
    const pub = published.get(subject);
    published.delete(subject);
    if (!pub) {
      note({ check: "resolution", why: "unrecorded", seq: null, record: subject });
      continue;
    }
    const p = JSON.parse(pub.payload) as { year?: number; number?: number; motion?: number; topic?: number; sha256?: string; publicityEndsAt?: string };
    const same = p.year === r.year && p.number === r.number && p.motion === r.motionId && p.topic === r.topicId && p.sha256 === r.sha256 && Date.parse(p.publicityEndsAt ?? "") === r.publicityEndsAt;
    if (!same) note({ check: "resolution", why: "differs", seq: pub.seq, record: subject });
    const last = latest.get(subject)!;
    const effectiveAt = last.type === "resolution.effective" ? timeOf(last) : null;
    if (RESOLUTION_STATUS_OF[last.type] !== r.status || (r.status === "effective" && effectiveAt !== r.effectiveAt)) note({ check: "resolution", why: "differs", seq: last.seq, record: subject });
  }
  for (const [subject, pub] of published) note({ check: "resolution", why: "missing", seq: pub.seq, record: subject });
}
