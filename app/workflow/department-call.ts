/**
 * 吹哨报到 as data, no I/O (issue 19): a community's committee — or the street itself — calls on one of
 * the street's departments about a topic or one of its tasks. The department answers within its
 * response limit: it accepts (with the date it will be done by), asks for more, or declines with a
 * reason; once accepted it reports progress and then a result with evidence.
 */

/** Who started the call: the community's committee (吹哨), or the street admin dispatching (街道派单). */
export const CALL_ORIGINS = ["community", "street"] as const;
export type CallOrigin = (typeof CALL_ORIGINS)[number];

/**
 * - sent: waiting for the department's first answer (the response limit runs)
 * - infoRequested: the department asked for more; waiting for the community (the limit starts again when it answers)
 * - accepted: the department took it on, with the date it will be done by
 * - resolved: the department reported its result (with evidence)
 * - declined: the department said no, with a reason; the committee or the street may send it elsewhere
 * - withdrawn: the caller took it back before it was resolved (no longer needed)
 */
export const CALL_STATES = ["sent", "infoRequested", "accepted", "resolved", "declined", "withdrawn"] as const;
export type CallState = (typeof CALL_STATES)[number];

/** What a step on a call's record is. `responseOverdue` / `workOverdue` are the scheduler's flags. */
export const CALL_EVENT_KINDS = [
  "sent",
  "infoRequested",
  "infoGiven",
  "accepted",
  "declined",
  "progress",
  "resolved",
  "withdrawn",
  "responseOverdue",
  "workOverdue",
  "redispatched",
] as const;
export type CallEventKind = (typeof CALL_EVENT_KINDS)[number];

/** A department's response limit, in hours: at least one hour, at most thirty days. */
export const RESPONSE_HOURS_MIN = 1;
export const RESPONSE_HOURS_MAX = 720;
export const RESPONSE_HOURS_DEFAULT = 48;

/** Open calls: the department still owes an answer or a result. */
export const OPEN_CALL_STATES = ["sent", "infoRequested", "accepted"] as const satisfies readonly CallState[];

export function isOpenCall(state: CallState): boolean {
  return (OPEN_CALL_STATES as readonly CallState[]).includes(state);
}

/** The format of a hotline ticket export. */
export const HOTLINE_EXPORT_FORMATS = ["csv", "json"] as const;
export type HotlineExportFormat = (typeof HOTLINE_EXPORT_FORMATS)[number];

/**
 * Who acts on a call: the community's committee (for its own calls), the street admin (any call of the
 * street), or a contact person of the call's department.
 */
export const CALL_ACTORS = ["committee", "streetAdmin", "contact"] as const;
export type CallActor = (typeof CALL_ACTORS)[number];

/** What may be done to a call that exists (sending one is not a transition: it makes the call). */
export const CALL_ACTIONS = ["answerInfo", "withdraw", "redispatch", "accept", "askForMore", "decline", "progress", "resolve"] as const;
export type CallAction = (typeof CALL_ACTIONS)[number];

export interface CallTransition {
  /** The states it may be done from. */
  from: readonly CallState[];
  /** Who may do it. */
  by: readonly CallActor[];
  /** The state it leaves the call in (null: unchanged, as a progress report). */
  to: CallState | null;
}

/**
 * The transition table. Re-dispatch is from a declined call, or from one still unanswered (`sent`)
 * whose response is overdue: the unanswered one becomes withdrawn, a declined one stays declined.
 * The committee acts on the calls its community made; the street admin on any call of the street.
 */
export const CALL_TRANSITIONS: Record<CallAction, CallTransition> = {
  answerInfo: { from: ["infoRequested"], by: ["committee", "streetAdmin"], to: "sent" },
  withdraw: { from: OPEN_CALL_STATES, by: ["committee", "streetAdmin"], to: "withdrawn" },
  redispatch: { from: ["declined", "sent"], by: ["committee", "streetAdmin"], to: null },
  accept: { from: ["sent"], by: ["contact"], to: "accepted" },
  askForMore: { from: ["sent"], by: ["contact"], to: "infoRequested" },
  decline: { from: ["sent", "infoRequested"], by: ["contact"], to: "declined" },
  progress: { from: ["accepted"], by: ["contact"], to: null },
  resolve: { from: ["accepted"], by: ["contact"], to: "resolved" },
};

/** Whether the call's state allows the action (re-dispatching a `sent` call needs its response overdue). */
export function callActionOpen(action: CallAction, call: { state: CallState; responseOverdue: boolean }): boolean {
  if (!CALL_TRANSITIONS[action].from.includes(call.state)) return false;
  if (action === "redispatch" && call.state === "sent") return call.responseOverdue;
  return true;
}

/** The actions a person may take on a call now, in the table's order (what the pages offer). */
export function callActionsFor(call: { state: CallState; responseOverdue: boolean; origin: CallOrigin }, actors: readonly CallActor[]): CallAction[] {
  return CALL_ACTIONS.filter((action) => callActionOpen(action, call) && CALL_TRANSITIONS[action].by.some((a) => actors.includes(a) && (a !== "committee" || call.origin === "community")));
}

/** Text limits of a call: what is asked, answers, reasons, reports. */
export const CALL_TEXT_MAX = 2000;
/** A progress report's percentage: 0..99 (100 is the result, which needs evidence). */
export const CALL_PROGRESS_MAX = 99;

/** How a call stands against its response limit: answered in time or late, still due, or overdue unanswered. */
export type Timeliness = "onTime" | "late" | "waiting" | "overdue";

/**
 * The one reading of "answered in time" (the dashboard, the board and 综合评价 all use it): late when
 * the scheduler flagged the call, or the first answer came after the due time; an unanswered call is
 * overdue once its due time has passed, and waiting before.
 */
export function timelinessOf(call: { firstRespondedAt: Date | null; responseDueAt: Date; responseOverdue: boolean }, at: Date): Timeliness {
  if (call.firstRespondedAt) return call.responseOverdue || call.firstRespondedAt.getTime() > call.responseDueAt.getTime() ? "late" : "onTime";
  return call.responseOverdue || at.getTime() > call.responseDueAt.getTime() ? "overdue" : "waiting";
}
