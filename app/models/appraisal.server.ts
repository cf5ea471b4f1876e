import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { appraisalSubjects, appraisalVoters, appraisals, assemblyRoll, meetingAttendance, meetings, memberships } from "../../db/schema";
import { localDate } from "../i18n/time-zone";
import { APPRAISAL_RATINGS, type AppraisalRating } from "../workflow/assembly";
import { ballotsCast, verdictOf, type AppraisalCounts } from "../workflow/appraisal";
import type { Role } from "../workflow/roles";
import { now } from "./clock.server";
import { attempt, refusals, type Result } from "./domain-error.server";
import { appendLedger } from "./ledger.server";
import { publish } from "./publication.server";
import { getTimeZone } from "./time-zone.server";
import { write } from "./write.server";

/**
 * 民主评议 (村委会组织法 Art. 38; 居委会组织法 Art. 37): once a year the supervisory committee chairs
 * the review of each committee member at a sitting of the representatives' meeting or the assembly.
 * At a representatives' meeting each present member of its roster casts one secret ballot rating every
 * subject: only that they voted is stored (appraisal_voters), the ratings go straight into the
 * subjects' counts, as a secret motion's ballots do (ballot.server.ts). At an assembly (its people
 * mostly have no account) the chair records the counted paper ballots per subject. Closing gives each
 * subject a verdict (app/workflow/appraisal.ts, local practice) and publishes the results.
 */
export type AppraisalProblem =
  | "notFound"
  | "wrongRole"
  | "notChair"
  | "notInSession"
  | "alreadyThisYear"
  | "noSubjects"
  | "closed"
  | "paperCounts"
  | "secretBallots"
  | "notOnRoster"
  | "notCheckedIn"
  | "alreadyVoted"
  | "incomplete"
  | "overPresent"
  | "notConfirmed"
  | "noBallots";

const refused = refusals<AppraisalProblem>("appraisal");

export const SUPERVISOR: Role = "supervisor";

export interface AppraisalActor {
  communityId: number;
  userId: number;
  roles: readonly Role[];
}

function appraisalRow(tx: Tx, communityId: number, appraisalId: number) {
  const row = tx.select().from(appraisals).where(and(eq(appraisals.id, appraisalId), eq(appraisals.communityId, communityId))).get();
  if (!row) throw refused("notFound");
  return row;
}

function sittingOf(tx: Tx, communityId: number, meetingId: number) {
  const row = tx.select({ id: meetings.id, body: meetings.body, status: meetings.status }).from(meetings).where(and(eq(meetings.id, meetingId), eq(meetings.communityId, communityId))).get();
  if (!row) throw refused("notFound");
  return row;
}

function subjectIds(tx: Tx, appraisalId: number): number[] {
  return tx.select({ userId: appraisalSubjects.userId }).from(appraisalSubjects).where(eq(appraisalSubjects.appraisalId, appraisalId)).orderBy(asc(appraisalSubjects.userId)).all().map((r) => r.userId);
}

/** How many are present at an assembly: the roll's seats checked in at the door. */
export function assemblyPresent(tx: Tx, meetingId: number): number {
  return tx.select({ n: sql<number>`count(*)` }).from(assemblyRoll).where(and(eq(assemblyRoll.meetingId, meetingId), isNotNull(assemblyRoll.checkedInAt))).get()?.n ?? 0;
}

/** The ledger payload of an opening; the record checks rebuild it from the rows. */
export function openedPayload(a: { id: number; meetingId: number; year: number; chairedBy: number }, subjects: readonly number[]) {
  return { appraisal: a.id, meeting: a.meetingId, year: a.year, chair: a.chairedBy, subjects: [...subjects] };
}

/**
 * 主持民主评议: a supervisor opens this year's appraisal (one per community and year, in its zone) at a
 * meeting of the community now in session; the subjects are the committee's members (committeeMember)
 * at this moment, and the supervisor chairs it.
 */
export function openAppraisal(input: AppraisalActor & { meetingId: number }): Result<AppraisalProblem, { id: number }> {
  return attempt("appraisal", () =>
    write((tx) => {
      if (!input.roles.includes(SUPERVISOR)) throw refused("wrongRole");
      const meeting = sittingOf(tx, input.communityId, input.meetingId);
      if (meeting.status !== "inSession") throw refused("notInSession");
      const at = now();
      const year = Number(localDate(at, getTimeZone(input.communityId)).slice(0, 4));
      if (tx.select({ id: appraisals.id }).from(appraisals).where(and(eq(appraisals.communityId, input.communityId), eq(appraisals.year, year))).get()) throw refused("alreadyThisYear");
      const subjects = tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.communityId, input.communityId), eq(memberships.role, "committeeMember")))
        .orderBy(asc(memberships.userId))
        .all()
        .map((r) => r.userId);
      if (subjects.length === 0) throw refused("noSubjects");
      const row = tx.insert(appraisals).values({ communityId: input.communityId, year, meetingId: meeting.id, chairedBy: input.userId, openedAt: at }).returning().get();
      for (const userId of subjects) tx.insert(appraisalSubjects).values({ appraisalId: row.id, userId }).run();
      appendLedger(tx, { communityId: input.communityId, type: "appraisal.opened", actorId: input.userId, subject: `appraisal:${row.id}`, payload: openedPayload(row, subjects), at });
      return { id: row.id };
    }),
  );
}

/** An open appraisal of this community whose meeting is still sitting. */
function liveAppraisal(tx: Tx, communityId: number, appraisalId: number) {
  const appraisal = appraisalRow(tx, communityId, appraisalId);
  if (appraisal.status !== "open") throw refused("closed");
  const meeting = sittingOf(tx, communityId, appraisal.meetingId);
  if (meeting.status !== "inSession") throw refused("notInSession");
  return { appraisal, meeting };
}

/** Every subject rated exactly once, nobody else: the ballot's choices by subject, or a refusal. */
function completeRatings(subjects: readonly number[], ratings: Readonly<Record<number, AppraisalRating>>): Map<number, AppraisalRating> {
  const keys = Object.keys(ratings).map(Number);
  if (keys.length !== subjects.length || !subjects.every((s) => APPRAISAL_RATINGS.includes(ratings[s]))) throw refused("incomplete");
  return new Map(subjects.map((s) => [s, ratings[s]]));
}

const COLUMN = { competent: appraisalSubjects.competent, basicallyCompetent: appraisalSubjects.basicallyCompetent, incompetent: appraisalSubjects.incompetent } as const;

/**
 * 投票 (secret): a member of the representatives' meeting's roster, checked in and not gone, casts one
 * ballot rating every subject. The voter is recorded, never their choices: each rating is added to
 * the subject's count in the same transaction, and the ledger entry names the voter only.
 */
export function castAppraisalBallot(input: AppraisalActor & { appraisalId: number; ratings: Readonly<Record<number, AppraisalRating>> }): Result<AppraisalProblem> {
  return attempt("appraisal", () =>
    write(
      (tx) => {
        const { appraisal, meeting } = liveAppraisal(tx, input.communityId, input.appraisalId);
        if (meeting.body === "assembly") throw refused("paperCounts");
        const seat = tx
          .select({ checkedInAt: meetingAttendance.checkedInAt, leftAt: meetingAttendance.leftAt })
          .from(meetingAttendance)
          .where(and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.userId, input.userId)))
          .get();
        if (!seat || seat.leftAt !== null) throw refused("notOnRoster");
        if (!seat.checkedInAt) throw refused("notCheckedIn");
        if (tx.select({ u: appraisalVoters.userId }).from(appraisalVoters).where(and(eq(appraisalVoters.appraisalId, appraisal.id), eq(appraisalVoters.userId, input.userId))).get()) throw refused("alreadyVoted");
        const choices = completeRatings(subjectIds(tx, appraisal.id), input.ratings);
        const at = now();
        tx.insert(appraisalVoters).values({ appraisalId: appraisal.id, userId: input.userId, castAt: at }).run();
        for (const [userId, rating] of choices) {
          tx.update(appraisalSubjects)
            .set({ [rating]: sql`${COLUMN[rating]} + 1` })
            .where(and(eq(appraisalSubjects.appraisalId, appraisal.id), eq(appraisalSubjects.userId, userId)))
            .run();
        }
        appendLedger(tx, { communityId: input.communityId, type: "appraisal.ballot", actorId: input.userId, subject: `appraisal:${appraisal.id}`, payload: { appraisal: appraisal.id, voter: input.userId }, at });
        return {};
      },
      { durable: true },
    ),
  );
}

export type Tallies = Readonly<Record<number, AppraisalCounts>>;

/**
 * 计票 (paper, at an assembly): the chair records the counted ballots per subject, each subject's
 * total no more than those checked in at the door. Recording again replaces the counts (a recount),
 * each time with its ledger entry.
 */
export function recordAppraisalTally(input: AppraisalActor & { appraisalId: number; tallies: Tallies }): Result<AppraisalProblem> {
  return attempt("appraisal", () =>
    write((tx) => {
      const { appraisal, meeting } = liveAppraisal(tx, input.communityId, input.appraisalId);
      if (!input.roles.includes(SUPERVISOR) || appraisal.chairedBy !== input.userId) throw refused("notChair");
      if (meeting.body !== "assembly") throw refused("secretBallots");
      const subjects = subjectIds(tx, appraisal.id);
      const keys = Object.keys(input.tallies).map(Number);
      if (keys.length !== subjects.length || !subjects.every((s) => input.tallies[s])) throw refused("incomplete");
      const present = assemblyPresent(tx, meeting.id);
      if (subjects.some((s) => ballotsCast(input.tallies[s]) > present)) throw refused("overPresent");
      for (const userId of subjects) {
        const { competent, basicallyCompetent, incompetent } = input.tallies[userId];
        tx.update(appraisalSubjects).set({ competent, basicallyCompetent, incompetent }).where(and(eq(appraisalSubjects.appraisalId, appraisal.id), eq(appraisalSubjects.userId, userId))).run();
      }
      const counts = subjects.map((userId) => ({ subject: userId, ...pickCounts(input.tallies[userId]) }));
      appendLedger(tx, { communityId: input.communityId, type: "appraisal.tallied", actorId: input.userId, subject: `appraisal:${appraisal.id}`, payload: { appraisal: appraisal.id, present, counts }, at: now() });
      return {};
    }),
  );
}

const pickCounts = (c: AppraisalCounts): AppraisalCounts => ({ competent: c.competent, basicallyCompetent: c.basicallyCompetent, incompetent: c.incompetent });

/**
 * 公布结果: the chair closes the appraisal (confirmed): each subject's verdict from their counts, the
 * results on the board for the 公示 period (≥ 15 days), and a ledger entry with every count and verdict.
 * Refused while a subject has no ballot at all (an assembly whose counts were never recorded).
 */
export function closeAppraisal(input: AppraisalActor & { appraisalId: number; confirmed: boolean }): Result<AppraisalProblem, { publicationId: number }> {
  return attempt("appraisal", () =>
    write((tx) => {
      const appraisal = appraisalRow(tx, input.communityId, input.appraisalId);
      if (!input.roles.includes(SUPERVISOR) || appraisal.chairedBy !== input.userId) throw refused("notChair");
      if (appraisal.status !== "open") throw refused("closed");
      if (!input.confirmed) throw refused("notConfirmed");
      const subjects = tx.select().from(appraisalSubjects).where(eq(appraisalSubjects.appraisalId, appraisal.id)).orderBy(asc(appraisalSubjects.userId)).all();
      if (subjects.some((s) => ballotsCast(s) === 0)) throw refused("noBallots");
      const at = now();
      const results = subjects.map((s) => ({ subject: s.userId, ...pickCounts(s), verdict: verdictOf(s)! }));
      for (const r of results) tx.update(appraisalSubjects).set({ verdict: r.verdict }).where(and(eq(appraisalSubjects.appraisalId, appraisal.id), eq(appraisalSubjects.userId, r.subject))).run();
      tx.update(appraisals).set({ status: "closed", closedAt: at }).where(and(eq(appraisals.id, appraisal.id), eq(appraisals.status, "open"))).run();
      const voters = tx.select({ n: sql<number>`count(*)` }).from(appraisalVoters).where(eq(appraisalVoters.appraisalId, appraisal.id)).get()!.n;
      const publication = publish(tx, { communityId: input.communityId, topicId: null, kind: "appraisal", refId: appraisal.id, title: appraisalTitle(appraisal.year), at });
      appendLedger(tx, { communityId: input.communityId, type: "appraisal.closed", actorId: input.userId, subject: `appraisal:${appraisal.id}`, payload: { appraisal: appraisal.id, year: appraisal.year, voters, results, publication: publication.id }, at });
      return { publicationId: publication.id };
    }),
  );
}

/** The publication's title on the board (names the year; the board shows the counts and verdicts beside it). */
export const appraisalTitle = (year: number) => `${year}年度民主评议结果`;
