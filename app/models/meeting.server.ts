import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { prepared } from "../../db/prepared";
import { meetingAttendance, meetingRequests, meetings } from "../../db/schema";
import { nextRequestStatus, requestMay } from "../workflow/meeting-lifecycle";
import { noticeDays } from "../workflow/meetings";
import type { Role } from "../workflow/roles";
import { evaluateQuorum } from "../workflow/tally";
import type { AssemblyCount, MeetingBody } from "../workflow/assembly";
import { assemblyRules } from "../workflow/assembly-meeting";
import { assemblyQuorum, communityKind } from "./assembly-roll.server";
import { now } from "./clock.server";
import { attempt, attemptLater, refusals, type DomainError, type Refusal, type Result } from "./domain-error.server";
import { appendLedger } from "./ledger.server";
import { notifyUsers } from "./notification.server";
import { agendaTitles, meetingNoticeRecipients } from "../notify/meeting-notice.server";
import { requireRules } from "./rules.server";
import { write, type WriteFn } from "./write.server";
import { CONVENER } from "./meeting-roster.server";

/** A refused meeting action; `problem` is a key under `meetings.problems` in the translations. */
export type MeetingProblem =
  | "notFound"
  | "wrongRole"
  | "wrongStatus"
  | "shortNotice"
  | "inPast"
  | "requestNotPending"
  | "topicNotReady"
  | "alreadyTabled"
  | "emptyAgenda"
  // Opening before the announced time without the convener's confirmation (meeting-session.server.ts).
  | "earlyStart"
  | "notOnRoster"
  | "alreadyCheckedIn"
  | "quorumNotMet"
  | "anotherVoteOpen"
  | "voteNotOpen"
  | "votingClosed"
  | "notCheckedIn"
  | "notRepresentative"
  | "alreadyVoted"
  | "alreadySigned"
  | "motionOpen"
  | "leftRoster"
  | "handVoteSecret"
  | "handVoteSelfCheckedIn"
  // 重要事项 without the party organisation's review, or with one that did not agree (party-review.server.ts).
  | "partyReviewMissing"
  | "partyReviewNotAgreed"
  // 四议两公开 (villages): the three deliberations not all recorded in order and agreed (four-two.server.ts).
  | "fourTwoMissing"
  | "fourTwoNotAgreed"
  // 业主共同决定 (民法典 Art. 278): never on a meeting's agenda.
  | "ownersDecide"
  // Only an assembly: a topic undoing a resolution, an Art. 28 matter not delegated (powers-matters.server.ts).
  | "undoNeedsAssembly"
  | "assemblyMatter"
  // The assembly (issue 17): an assembly's motions are counted by hand, a representatives' meeting's by ballot.
  | "countedByHand"
  | "notAssembly"
  | "countByRequired"
  | "tallyExceedsPresent"
  | "tallyInvalid"
  | "notHouseholdAdult";

/** A refused meeting action (DomainError of "meeting"): `throw meetingRefused("alreadyVoted")`. */
export const meetingRefused = refusals<MeetingProblem>("meeting");

export type MeetingResult<T extends object = object> = Result<MeetingProblem, T>;

export interface MeetingActor {
  communityId: number;
  userId: number;
  roles: readonly Role[];
}

// Who sits where (组成人员, representatives, conveners): meeting-roster.server.ts.
export { COMMITTEE_MEMBER, CONVENER, getRosterMakeUp, listConvenerIds, REPRESENTATIVE, representativeIds, ROSTER_ROLES, rosterIds, rosterMakeUp, rosterSeats, sitsOnRoster } from "./meeting-roster.server";
export type { RosterMakeUp, RosterSeatRow } from "./meeting-roster.server";

/**
 * A durable write of a meeting, its refusal answered as a problem (`others` names another domain's
 * refusal in the meeting's terms); screens of the meeting are told after the commit.
 */
export function meetingWrite<T extends object>(meeting: { communityId: number; meetingId: number | null }, fn: WriteFn<T>, others?: (error: DomainError) => Refusal<MeetingProblem>): MeetingResult<T> {
  return attempt(
    "meeting",
    () =>
      write(
        (tx, publish) => {
          const value = fn(tx, publish);
          if (meeting.meetingId !== null) publish({ name: "meetingChanged", payload: { communityId: meeting.communityId, meetingId: meeting.meetingId } });
          return value;
        },
        { durable: true },
      ),
    others,
  );
}

/** `meetingWrite` for a write that may share its durable commit with others of the same moment (ballots). */
export function meetingWriteTogether<T extends object>(meeting: { communityId: number; meetingId: number }, fn: WriteFn<T>): Promise<MeetingResult<T>> {
  const changed = { name: "meetingChanged", payload: { communityId: meeting.communityId, meetingId: meeting.meetingId } } as const;
  return attemptLater("meeting", () =>
    write(
      (tx, publish) => {
        const value = fn(tx, publish);
        publish(changed);
        return value;
      },
      { durable: "together" },
    ),
  );
}

export function requireRoleIn(actor: MeetingActor, role: Role) {
  if (!actor.roles.includes(role)) throw meetingRefused("wrongRole");
}

// Every post to a meeting reads these first (500 ballots at once in a vote storm): building the
// drizzle query cost more than running it, so on this process's connection itself (a durable write's
// transaction runs on it) they are statements prepared once; any other transaction object asks itself.
const meetingById = prepared((db) =>
  db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, sql.placeholder("meetingId")), eq(meetings.communityId, sql.placeholder("communityId"))))
    .prepare(),
);

export function meetingRow(tx: Tx, communityId: number, meetingId: number) {
  const row =
    tx === getDb()
      ? meetingById().get({ communityId, meetingId })
      : tx
          .select()
          .from(meetings)
          .where(and(eq(meetings.id, meetingId), eq(meetings.communityId, communityId)))
          .get();
  if (!row) throw meetingRefused("notFound");
  return row;
}

export interface ScheduleInput extends MeetingActor {
  title: string;
  place: string;
  scheduledAt: Date;
  requestId: number | null;
  /** The convener saw the warning that the notice is shorter than the rules ask, and goes ahead. */
  acceptShortNotice: boolean;
  /** 代表会议 (default) or the assembly (村民会议 / 居民会议), and for an assembly how attendance counts. */
  body?: MeetingBody;
  countBy?: AssemblyCount | null;
}

/** Days of notice a meeting of `body` needs: the rules' for the representatives, the law's 10 for the assembly (村委会组织法 Art. 25; 居委会组织法 Art. 26). */
export function requiredNoticeDays(tx: Tx, communityId: number, body: MeetingBody = "representatives"): number {
  return body === "assembly" ? assemblyRules(communityKind(tx, communityId)).noticeDays : requireRules(communityId, tx).meetingNoticeDays;
}

/** The notice a meeting at `scheduledAt` would give, against what the rules ask. */
export function noticeCheck({ communityId, scheduledAt, body }: { communityId: number; scheduledAt: Date; body?: MeetingBody }) {
  const required = requiredNoticeDays(getDb(), communityId, body);
  const given = noticeDays(now(), scheduledAt);
  return { required, given, short: given < required };
}

/** 召集: the convener schedules a meeting; representatives are told; a pending request it answers is settled. */
export function scheduleMeeting(input: ScheduleInput): MeetingResult<{ id: number; notice: { required: number; given: number; short: boolean } }> {
  return meetingWrite({ communityId: input.communityId, meetingId: null }, (tx) => {
    requireRoleIn(input, CONVENER);
    const at = now();
    if (input.scheduledAt.getTime() <= at.getTime()) throw meetingRefused("inPast");
    let answersAssembly = false;
    if (input.requestId !== null) {
      const request = tx
        .select({ status: meetingRequests.status, body: meetingRequests.body })
        .from(meetingRequests)
        .where(and(eq(meetingRequests.id, input.requestId), eq(meetingRequests.communityId, input.communityId)))
        .get();
      if (!request || !requestMay(request.status, "answer")) throw meetingRefused("requestNotPending");
      answersAssembly = request.body === "assembly";
    }
    // Answering a request for an assembly schedules an assembly (counting persons unless the convener chose households).
    const body = answersAssembly ? "assembly" : (input.body ?? "representatives");
    const countBy = body === "assembly" ? (input.countBy ?? (answersAssembly ? "persons" : null)) : null;
    if (body === "assembly" && countBy === null) throw meetingRefused("countByRequired");
    const required = requiredNoticeDays(tx, input.communityId, body);
    const given = noticeDays(at, input.scheduledAt);
    const short = given < required;
    if (short && !input.acceptShortNotice) throw meetingRefused("shortNotice");
    const number = (tx.select({ n: sql<number>`coalesce(max(${meetings.number}), 0)` }).from(meetings).where(eq(meetings.communityId, input.communityId)).get()?.n ?? 0) + 1;
    const row = tx
      .insert(meetings)
      .values({
        communityId: input.communityId,
        number,
        title: input.title,
        place: input.place,
        scheduledAt: input.scheduledAt,
        noticeDaysRequired: required,
        shortNotice: short,
        body,
        countBy,
        requestId: input.requestId,
        createdBy: input.userId,
        createdAt: at,
      })
      .returning({ id: meetings.id })
      .get();
    if (input.requestId !== null) {
      tx.update(meetingRequests).set({ status: nextRequestStatus("pending", "answer"), meetingId: row.id }).where(eq(meetingRequests.id, input.requestId)).run();
    }
    appendLedger(tx, {
      communityId: input.communityId,
      type: "meeting.scheduled",
      actorId: input.userId,
      subject: `meeting:${row.id}`,
      payload: { number, title: input.title, place: input.place, scheduledAt: input.scheduledAt.toISOString(), noticeDays: given, noticeDaysRequired: required, body, ...(countBy ? { countBy } : {}), ...(input.requestId !== null ? { request: input.requestId } : {}) },
      at,
    });
    // The notice (in the app and by e-mail, app/notify): every member of the meeting's roster, with its agenda so far.
    notifyUsers(tx, {
      userIds: meetingNoticeRecipients(tx, input.communityId, body),
      communityId: input.communityId,
      kind: "meeting.scheduled",
      payload: { meetingId: row.id, number, title: input.title, place: input.place, scheduledAt: input.scheduledAt.toISOString(), agenda: agendaTitles(tx, row.id), ...(body === "assembly" ? { body } : {}) },
      exceptUserId: input.userId,
    });
    return { id: row.id, notice: { required, given, short } };
  });
}

/** Checked in and still on the roster (one who left it, their role revoked, no longer counts). */
export function countPresent(tx: Tx, meetingId: number): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(meetingAttendance)
      .where(and(eq(meetingAttendance.meetingId, meetingId), isNotNull(meetingAttendance.checkedInAt), isNull(meetingAttendance.leftAt)))
      .get()?.n ?? 0
  );
}

/** The quorum now: of the roster by the rules (representatives), or of the assembly's roll by its count mode. */
export function quorumOf(tx: Tx, communityId: number, meeting: { id: number; members: number | null; body?: MeetingBody; countBy?: AssemblyCount | null }) {
  if (meeting.body === "assembly") return assemblyQuorum(tx, { ...meeting, communityId, countBy: meeting.countBy ?? null });
  const r = requireRules(communityId, tx);
  const present = countPresent(tx, meeting.id);
  return evaluateQuorum({ present, members: meeting.members ?? 0, rule: { num: r.quorumNum, den: r.quorumDen, inclusive: r.quorumInclusive } });
}


