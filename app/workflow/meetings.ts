/**
 * The representatives' meeting as data (no I/O): its statuses, a motion's statuses, the three
 * choices of a ballot and what happens to a topic whose motion fails. The database columns and the
 * form schemas both take their values from these tuples.
 */
/** inquorate: 流会 — the session ended without ever reaching its quorum; its motions lapse and go back on a later agenda. */
export const MEETING_STATUSES = ["scheduled", "inSession", "ended", "inquorate", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** lapsed: never voted because its meeting ended (流会 or adjourned before it); the topic waits for a later agenda. */
export const MOTION_STATUSES = ["pending", "voting", "closed", "lapsed"] as const;
export type MotionStatus = (typeof MOTION_STATUSES)[number];

/** 同意 / 反对 / 弃权 */
export const BALLOT_CHOICES = ["yes", "no", "abstain"] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];

/** A failed motion sends its topic back to deliberation once ("revise"), or closes it. */
export const ON_FAIL = ["revise", "close"] as const;
export type OnFail = (typeof ON_FAIL)[number];

/**
 * suspended: 暂缓执行 — an upheld objection; the resolution goes back before the representatives'
 * meeting (the committee never revokes it). correctionOrdered: 责令改正 by the street. revoked: kept for
 * resolutions revoked before the revised laws (the meeting itself may still revoke by a new resolution).
 */
export const RESOLUTION_STATUSES = ["publicity", "effective", "suspended", "correctionOrdered", "revoked", "changed"] as const;
export type ResolutionStatus = (typeof RESOLUTION_STATUSES)[number];

/** 组成人员: the seats of the representatives' meeting. */
export const ROSTER_SEATS = ["committeeMember", "representative"] as const;
export type RosterSeat = (typeof ROSTER_SEATS)[number];

/** Whether these roles give a seat among 组成人员 (check in, vote, be told of meetings): the seats are roles of the same name. */
export function sitsOnRoster(roles: readonly string[]): boolean {
  return ROSTER_SEATS.some((r) => roles.includes(r));
}

export const PARTY_REVIEW_OUTCOMES = ["agreed", "agreedWithChanges", "notAgreed"] as const;
export type PartyReviewOutcome = (typeof PARTY_REVIEW_OUTCOMES)[number];

/** What the board publishes for at least 15 days: resolutions, committee decisions, consultation outcomes, execution results. */
export const PUBLICATION_KINDS = ["resolution", "committeeDecision", "consultationOutcome", "executionResult", "correction", "appraisal"] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

export const MEETING_REQUEST_STATUSES = ["collecting", "pending", "answered"] as const;
export type MeetingRequestStatus = (typeof MEETING_REQUEST_STATUSES)[number];

export function isBallotChoice(value: unknown): value is BallotChoice {
  return typeof value === "string" && (BALLOT_CHOICES as readonly string[]).includes(value);
}

/** Whole days of notice between scheduling and the meeting, counted the way the rules count them. */
export function noticeDays(scheduledOn: Date, meetingAt: Date): number {
  return Math.floor((meetingAt.getTime() - scheduledOn.getTime()) / 86_400_000);
}
