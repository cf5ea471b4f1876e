/**
 * The representatives' meeting and the representatives' request for one, as lifecycles (lifecycle.ts):
 * every status, every move with who makes it and the conditions the model checks, and what may be
 * done in each status. The models (meeting*.server.ts) ask these functions before they write; the
 * meeting pages ask the same ones before they offer a button. Nothing else decides on a status.
 */
import { allowed, nextStatus, type Lifecycle } from "./lifecycle";
import { MEETING_REQUEST_STATUSES, MEETING_STATUSES, type MeetingRequestStatus, type MeetingStatus } from "./meetings";

export const MEETING_ACTIONS = ["schedule", "start", "end", "endInquorate", "cancel"] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

export const MEETING_ACTS = ["editAgenda", "checkIn", "observe", "vote"] as const;
export type MeetingAct = (typeof MEETING_ACTS)[number];

/** The problems (keys under `meetings.problems`) a status answers. */
export type LifecycleProblem = "wrongStatus" | "motionOpen" | "votingClosed" | "voteNotOpen" | "requestNotPending";

export const MEETING_LIFECYCLE: Lifecycle<MeetingStatus, MeetingAction, MeetingAct, LifecycleProblem> = {
  statuses: MEETING_STATUSES,
  terminal: ["ended", "inquorate", "cancelled"],
  moves: [
    // 召集: notice shorter than the rules ask only when the convener accepts it; a request it answers must be pending.
    { action: "schedule", from: [], to: "scheduled", by: ["convener"], guards: ["inFuture", "shortNoticeAccepted", "requestPending"] },
    // 开会: before the announced time only when the convener confirms it (recorded as an early start).
    { action: "start", from: ["scheduled"], to: "inSession", by: ["convener"], guards: ["agendaNotEmpty", "earlyConfirmed"] },
    // 散会: the session reached its quorum at some time (a vote was opened, or it is met now).
    { action: "end", from: ["inSession"], to: "ended", by: ["convener"], guards: ["noVoteOpen", "quorumReached"] },
    // 流会: the same request to end, when no vote was ever opened and the quorum is not met; its motions lapse.
    { action: "endInquorate", from: ["inSession"], to: "inquorate", by: ["convener"], guards: ["noVoteOpen", "quorumNeverReached"] },
    // 取消: its motions go back to waiting for an agenda.
    { action: "cancel", from: ["scheduled"], to: "cancelled", by: ["convener"], needsReason: true },
  ],
  acts: {
    // Table and withdraw motions.
    editAgenda: { in: ["scheduled"], by: ["convener"] },
    // 签到: oneself from the roster, or the convener for one in the room without a phone.
    checkIn: { in: ["inSession"], by: ["committeeMember", "representative", "convener"] },
    // 列席 (居委会组织法 Art. 36, 村委会组织法 Art. 37): attend, never counted.
    observe: { in: ["inSession"], by: ["supervisor"] },
    // Open a motion's vote, cast ballots, close it (motion-lifecycle.ts says on which motion).
    vote: { in: ["inSession"], by: ["convener", "committeeMember", "representative"] },
  },
  refused: "wrongStatus",
};

/** Whether a meeting in `status` may make the move or allows the act. */
export function meetingMay(status: MeetingStatus, what: MeetingAction | MeetingAct): boolean {
  return allowed(MEETING_LIFECYCLE, status, what);
}

/** The status a move leads to (null status: the move creates the meeting). */
export function nextMeetingStatus(status: MeetingStatus | null, action: MeetingAction): MeetingStatus {
  return nextStatus(MEETING_LIFECYCLE, status, action)!;
}

/** Over: ended, 流会 or cancelled. */
export function meetingOver(status: MeetingStatus): boolean {
  return MEETING_LIFECYCLE.terminal.includes(status);
}

export const MEETING_REQUEST_ACTIONS = ["request", "reachThreshold", "answer"] as const;
export type MeetingRequestAction = (typeof MEETING_REQUEST_ACTIONS)[number];

export const MEETING_REQUEST_ACTS = ["sign", "petition"] as const;
export type MeetingRequestAct = (typeof MEETING_REQUEST_ACTS)[number];

/** 提议召开: a fifth of the representatives (the rules' share) ask; the convener answers by scheduling a meeting. */
export const MEETING_REQUEST_LIFECYCLE: Lifecycle<MeetingRequestStatus, MeetingRequestAction, MeetingRequestAct, LifecycleProblem> = {
  statuses: MEETING_REQUEST_STATUSES,
  terminal: ["answered"],
  moves: [
    // An assembly may also be asked for on paper: the committee records the request and who signed it (assembly-request.server.ts).
    { action: "request", from: [], to: "collecting", by: ["representative", "committee"] },
    { action: "reachThreshold", from: ["collecting"], to: "pending", by: ["system"], guards: ["signaturesReachShare"] },
    { action: "answer", from: ["pending"], to: "answered", by: ["convener"], refusals: { collecting: "requestNotPending", answered: "requestNotPending" } },
  ],
  acts: {
    sign: { in: ["collecting"], by: ["representative"] },
    // 村(居)民提议 on paper: the committee records the register's members who signed (1/10 of adults or households).
    petition: { in: ["collecting"], by: ["committee"] },
  },
  refused: "wrongStatus",
};

export function requestMay(status: MeetingRequestStatus, what: MeetingRequestAction | MeetingRequestAct): boolean {
  return allowed(MEETING_REQUEST_LIFECYCLE, status, what);
}

export function nextRequestStatus(status: MeetingRequestStatus | null, action: MeetingRequestAction): MeetingRequestStatus {
  return nextStatus(MEETING_REQUEST_LIFECYCLE, status, action)!;
}
