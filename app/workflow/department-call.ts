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
