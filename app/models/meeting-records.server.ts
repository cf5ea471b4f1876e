import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import Papa from "papaparse";
import { getDb } from "../../db/client.server";
import { ballots, meetings, motions, topics, users } from "../../db/schema";
import { isoInZone } from "../i18n/time-zone";
import { getMeetingView } from "./meeting-view.server";

const recorder = alias(users, "recorder");

/**
 * 会议记录: everything the printed minutes of a representatives' meeting hold — the meeting's view
 * (roll call, quorum, motions with their named ballots) plus who convened it and, for each closed
 * secret motion, the list of who voted (never how: the choice is not stored with the voter).
 */
export function getMeetingRecord({ communityId, meetingId }: { communityId: number; meetingId: number }) {
  const view = getMeetingView({ communityId, meetingId });
  if (!view) return null;
  const db = getDb();
  const convener = db.select({ name: users.displayName }).from(users).where(eq(users.id, view.meeting.createdBy)).get()?.name ?? "";
  const agenda = view.agenda.map(({ votedUserIds: _open, myBallot: _mine, ...motion }) => ({
    ...motion,
    voters:
      motion.secret && motion.status === "closed"
        ? db
            .select({ name: users.displayName })
            .from(ballots)
            .innerJoin(users, eq(users.id, ballots.userId))
            .where(eq(ballots.motionId, motion.id))
            .orderBy(asc(users.displayName))
            .all()
            .map((v) => v.name)
        : [],
  }));
  const left = view.left.map((p) => ({ ...p, leftAt: p.leftAt! }));
  return { meeting: view.meeting, convener, rules: view.rules, quorum: view.quorum, roster: view.roster, left, agenda, observers: view.observers, makeUp: view.makeUp, assembly: view.assembly };
}

export type MeetingRecord = NonNullable<ReturnType<typeof getMeetingRecord>>;

/** 第 N 次: the meeting's number in its community, or null when it is not this community's. */
export function getMeetingNumber({ communityId, meetingId }: { communityId: number; meetingId: number }): number | null {
  return getDb().select({ number: meetings.number }).from(meetings).where(and(eq(meetings.id, meetingId), eq(meetings.communityId, communityId))).get()?.number ?? null;
}

/**
 * Every ballot of the meeting's closed motions, in the order the ledger recorded them. Motions still
 * open are left out: their ballots stay unknown until the vote is closed. A secret motion's choice is
 * NULL in the database, so it is empty here too.
 */
export function listMeetingBallots({ communityId, meetingId }: { communityId: number; meetingId: number }) {
  return getDb()
    .select({
      meetingNumber: meetings.number,
      position: motions.position,
      topicNumber: topics.number,
      sha256: motions.sha256,
      username: users.username,
      displayName: users.displayName,
      choice: ballots.choice,
      recordedBy: recorder.username,
      castAt: ballots.castAt,
      ledgerSeq: ballots.ledgerSeq,
    })
    .from(ballots)
    .innerJoin(motions, eq(motions.id, ballots.motionId))
    .innerJoin(meetings, eq(meetings.id, motions.meetingId))
    .innerJoin(topics, eq(topics.id, motions.topicId))
    .innerJoin(users, eq(users.id, ballots.userId))
    .leftJoin(recorder, eq(recorder.id, ballots.recordedBy))
    .where(and(eq(meetings.id, meetingId), eq(meetings.communityId, communityId), eq(motions.communityId, communityId), eq(motions.status, "closed")))
    .orderBy(asc(motions.position), asc(ballots.ledgerSeq))
    .all();
}

export const BALLOT_CSV_COLUMNS = [
  "meeting_number",
  "motion_position",
  "topic_number",
  "motion_sha256",
  "username",
  "display_name",
  "choice",
  "recorded_by",
  "cast_at",
  "ledger_seq",
] as const;

/**
 * The ballots as CSV for a spreadsheet: a UTF-8 byte-order mark first (Excel in China reads the file
 * as GBK without it), CRLF lines, fields quoted where needed, and text that a spreadsheet would run
 * as a formula (=, +, -, @, tab, CR at the start) defused with a leading apostrophe. Times are in the
 * community's zone, with its offset ("2026-12-06T08:26:00+08:00"), as every page shows them.
 */
export function ballotsCsv(rows: ReturnType<typeof listMeetingBallots>, zone: string): string {
  const data = rows.map((r) => [r.meetingNumber, r.position, r.topicNumber, r.sha256, r.username, r.displayName, r.choice ?? "", r.recordedBy ?? "", isoInZone(r.castAt, zone), r.ledgerSeq]);
  return "\uFEFF" + Papa.unparse({ fields: [...BALLOT_CSV_COLUMNS], data }, { newline: "\r\n", escapeFormulae: true }) + "\r\n";
}

export const TALLY_CSV_COLUMNS = ["meeting_number", "body", "count_by", "motion_position", "topic_number", "motion_sha256", "present", "yes", "no", "abstain", "passed", "counted_by", "closed_at"] as const;

/**
 * An assembly's CSV (issue 17): it has no ballots, only the tally its tellers counted for each
 * closed motion, with who counted it; null for a representatives' meeting (its ballots are listed).
 */
export function assemblyTallyCsv({ communityId, meetingId }: { communityId: number; meetingId: number }, zone: string): string | null {
  const db = getDb();
  const meeting = db.select().from(meetings).where(and(eq(meetings.id, meetingId), eq(meetings.communityId, communityId))).get();
  if (!meeting || meeting.body !== "assembly") return null;
  const rows = db
    .select({ position: motions.position, topicNumber: topics.number, sha256: motions.sha256, present: motions.present, yes: motions.yes, no: motions.no, abstain: motions.abstain, passed: motions.passed, countedBy: motions.countedBy, closedAt: motions.closedAt })
    .from(motions)
    .innerJoin(topics, eq(topics.id, motions.topicId))
    .where(and(eq(motions.meetingId, meeting.id), eq(motions.communityId, communityId), eq(motions.status, "closed")))
    .orderBy(asc(motions.position))
    .all();
  const data = rows.map((r) => [meeting.number, "assembly", meeting.countBy ?? "", r.position, r.topicNumber, r.sha256, r.present ?? "", r.yes, r.no, r.abstain, r.passed ? "yes" : "no", r.countedBy ?? "", r.closedAt ? isoInZone(r.closedAt, zone) : ""]);
  return "\uFEFF" + Papa.unparse({ fields: [...TALLY_CSV_COLUMNS], data }, { newline: "\r\n", escapeFormulae: true }) + "\r\n";
}
