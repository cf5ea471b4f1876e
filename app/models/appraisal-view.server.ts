import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { appraisalSubjects, appraisalVoters, appraisals, meetingAttendance, meetings, users } from "../../db/schema";
import { localDate } from "../i18n/time-zone";
import { assemblyRulesFor, type AppraisalRating } from "../workflow/assembly";
import { twiceIncompetent } from "../workflow/appraisal";
import type { Role } from "../workflow/roles";
import { assemblyPresent, SUPERVISOR } from "./appraisal.server";
import { now } from "./clock.server";
import { getTimeZone } from "./time-zone.server";

/** What the appraisal page and the board show of the 民主评议: results are public once closed; an open one shows no counts of a secret ballot. */
export interface AppraisalSubjectView {
  userId: number;
  name: string;
  competent: number;
  basicallyCompetent: number;
  incompetent: number;
  verdict: AppraisalRating | null;
}

export interface ClosedAppraisalView {
  id: number;
  year: number;
  body: "representatives" | "assembly";
  closedAt: Date;
  voters: number;
  subjects: AppraisalSubjectView[];
}

function subjectsOf(ids: readonly number[]) {
  if (ids.length === 0) return [];
  return getDb()
    .select({ appraisalId: appraisalSubjects.appraisalId, userId: appraisalSubjects.userId, name: users.displayName, competent: appraisalSubjects.competent, basicallyCompetent: appraisalSubjects.basicallyCompetent, incompetent: appraisalSubjects.incompetent, verdict: appraisalSubjects.verdict })
    .from(appraisalSubjects)
    .innerJoin(users, eq(users.id, appraisalSubjects.userId))
    .where(inArray(appraisalSubjects.appraisalId, [...ids]))
    .orderBy(asc(appraisalSubjects.userId))
    .all();
}

/** Closed appraisals of the community, newest year first, with each member's counts and verdict (public: committee members are public officials). */
export function listClosedAppraisals({ communityId, limit = 10 }: { communityId: number; limit?: number }): ClosedAppraisalView[] {
  const db = getDb();
  const rows = db
    .select({ id: appraisals.id, year: appraisals.year, body: meetings.body, closedAt: appraisals.closedAt })
    .from(appraisals)
    .innerJoin(meetings, eq(meetings.id, appraisals.meetingId))
    .where(and(eq(appraisals.communityId, communityId), eq(appraisals.status, "closed")))
    .orderBy(desc(appraisals.year))
    .limit(limit)
    .all();
  const subjects = subjectsOf(rows.map((r) => r.id));
  const voters = rows.length ? db.select({ appraisalId: appraisalVoters.appraisalId }).from(appraisalVoters).where(inArray(appraisalVoters.appraisalId, rows.map((r) => r.id))).all() : [];
  return rows.map((r) => ({
    ...r,
    closedAt: r.closedAt!,
    voters: voters.filter((v) => v.appraisalId === r.id).length,
    subjects: subjects.filter((s) => s.appraisalId === r.id).map(({ appraisalId: _, ...s }) => s),
  }));
}

/** Members rated 不称职 in two consecutive closed appraisals of this community, by name. */
export function flaggedMembers(closed: readonly ClosedAppraisalView[]) {
  const names = new Map(closed.flatMap((a) => a.subjects.map((s) => [s.userId, s.name] as const)));
  return twiceIncompetent(closed.map((a) => ({ year: a.year, verdicts: new Map(a.subjects.map((s) => [s.userId, s.verdict])) }))).map((f) => ({ ...f, name: names.get(f.userId) ?? "" }));
}

/**
 * The appraisal page: this year's appraisal (open or closed) with what this person may do there, the
 * meetings in session a supervisor may open it at, the closed ones' results and the flagged members.
 */
export function getAppraisalPage({ communityId, kind, userId, roles }: { communityId: number; kind: "urban" | "village"; userId: number; roles: readonly Role[] }) {
  const db = getDb();
  const year = Number(localDate(now(), getTimeZone(communityId)).slice(0, 4));
  const supervises = roles.includes(SUPERVISOR);
  const row = db
    .select({ id: appraisals.id, year: appraisals.year, status: appraisals.status, chairedBy: appraisals.chairedBy, chair: users.displayName, meetingId: meetings.id, meetingNumber: meetings.number, meetingTitle: meetings.title, body: meetings.body, meetingStatus: meetings.status })
    .from(appraisals)
    .innerJoin(meetings, eq(meetings.id, appraisals.meetingId))
    .innerJoin(users, eq(users.id, appraisals.chairedBy))
    .where(and(eq(appraisals.communityId, communityId), eq(appraisals.year, year)))
    .get();
  let current = null;
  if (row) {
    const open = row.status === "open";
    const subjects = subjectsOf([row.id]).map(({ appraisalId: _, ...s }) => s);
    const voted = !!db.select({ u: appraisalVoters.userId }).from(appraisalVoters).where(and(eq(appraisalVoters.appraisalId, row.id), eq(appraisalVoters.userId, userId))).get();
    const voters = db.select({ u: appraisalVoters.userId }).from(appraisalVoters).where(eq(appraisalVoters.appraisalId, row.id)).all().length;
    const seat = db.select({ checkedInAt: meetingAttendance.checkedInAt, leftAt: meetingAttendance.leftAt }).from(meetingAttendance).where(and(eq(meetingAttendance.meetingId, row.meetingId), eq(meetingAttendance.userId, userId))).get();
    const sitting = open && row.meetingStatus === "inSession";
    const chairs = supervises && row.chairedBy === userId;
    current = {
      ...row,
      // A secret ballot's counts stay hidden until the appraisal closes; an assembly's paper counts are shown to its chair.
      subjects: open && !(chairs && row.body === "assembly") ? subjects.map((s) => ({ ...s, competent: 0, basicallyCompetent: 0, incompetent: 0 })) : subjects,
      countsShown: !open || (chairs && row.body === "assembly"),
      voters,
      voted,
      present: row.body === "assembly" ? assemblyPresent(db, row.meetingId) : null,
      mayVote: sitting && row.body === "representatives" && !voted && !!seat?.checkedInAt && seat.leftAt === null,
      mayTally: sitting && chairs && row.body === "assembly",
      mayClose: open && chairs,
    };
  }
  const sittings =
    supervises && !row
      ? db
          .select({ id: meetings.id, number: meetings.number, title: meetings.title, body: meetings.body })
          .from(meetings)
          .where(and(eq(meetings.communityId, communityId), eq(meetings.status, "inSession"), isNotNull(meetings.startedAt)))
          .orderBy(asc(meetings.number))
          .all()
      : [];
  const closed = listClosedAppraisals({ communityId });
  return { year, article: assemblyRulesFor(kind).articles.appraisal, current, sittings, supervises, closed, flagged: flaggedMembers(closed) };
}
