/**
 * A motion on a meeting's agenda and the resolution a passed one becomes, as lifecycles (lifecycle.ts).
 * A motion's vote is closed once (status `closed`, its `passed` flag says 通过 or 未通过); a withdrawn
 * motion, or one of a cancelled meeting, is deleted (its ledger entry stays).
 */
import { allowed, nextStatus, refusal, statusesFor, type Lifecycle } from "./lifecycle";
import type { LifecycleProblem } from "./meeting-lifecycle";
import { MOTION_STATUSES, RESOLUTION_STATUSES, type MotionStatus, type ResolutionStatus } from "./meetings";

export const MOTION_ACTIONS = ["table", "withdraw", "drop", "open", "close", "lapse"] as const;
export type MotionAction = (typeof MOTION_ACTIONS)[number];

export const MOTION_ACTS = ["vote"] as const;
export type MotionAct = (typeof MOTION_ACTS)[number];

export const MOTION_LIFECYCLE: Lifecycle<MotionStatus, MotionAction, MotionAct, LifecycleProblem> = {
  statuses: MOTION_STATUSES,
  terminal: ["closed", "lapsed"],
  moves: [
    // The topic's frozen text goes on a scheduled meeting's agenda (the meeting allows editAgenda).
    { action: "table", from: [], to: "pending", by: ["convener"], guards: ["agendaOpen", "topicOnAgenda", "notOwnersMatter", "notTabledElsewhere"] },
    { action: "withdraw", from: ["pending"], to: null, by: ["convener"], guards: ["agendaOpen"] },
    // The meeting is cancelled: its motions go, their topics wait for another agenda.
    { action: "drop", from: ["pending"], to: null, by: ["system"] },
    // 开始表决 (the meeting allows vote); 重要事项 only after the party organisation's review.
    {
      action: "open",
      from: ["pending"],
      to: "voting",
      by: ["convener"],
      guards: ["meetingInSession", "noOtherVoteOpen", "quorumMet", "partyReviewed"],
      refusals: { voting: "motionOpen", closed: "votingClosed", lapsed: "votingClosed" },
    },
    // 结束表决: counted by the basis frozen at the opening; the topic moves (pass, fail, failAndRevise).
    { action: "close", from: ["voting"], to: "closed", by: ["convener"], refusals: { pending: "voteNotOpen", lapsed: "voteNotOpen", closed: "votingClosed" } },
    // The meeting ends (散会 or 流会) before the motion was put to the vote.
    { action: "lapse", from: ["pending"], to: "lapsed", by: ["system"] },
  ],
  acts: {
    // A ballot: by one of 组成人员 checked in, or recorded by the convener (hand vote).
    vote: { in: ["voting"], by: ["committeeMember", "representative", "convener"], refusals: { pending: "voteNotOpen", closed: "votingClosed", lapsed: "votingClosed" } },
  },
  refused: "wrongStatus",
};

export function motionMay(status: MotionStatus, what: MotionAction | MotionAct): boolean {
  return allowed(MOTION_LIFECYCLE, status, what);
}

export function motionRefusal(status: MotionStatus, what: MotionAction | MotionAct): LifecycleProblem | null {
  return refusal(MOTION_LIFECYCLE, status, what);
}

/** The status a move leads to; null: the motion is deleted. */
export function nextMotionStatus(status: MotionStatus | null, action: MotionAction): MotionStatus | null {
  return nextStatus(MOTION_LIFECYCLE, status, action);
}

/** Still on an agenda: tabled and not yet voted or lapsed (a topic has at most one such motion). */
export const LIVE_MOTION_STATUSES: readonly MotionStatus[] = MOTION_STATUSES.filter((s) => !MOTION_LIFECYCLE.terminal.includes(s));

/** The motions a meeting's end lapses. */
export const LAPSING_MOTION_STATUSES: readonly MotionStatus[] = statusesFor(MOTION_LIFECYCLE, "lapse");

export const RESOLUTION_ACTIONS = ["publish", "takeEffect", "suspend", "orderCorrection", "revoke", "change"] as const;
export type ResolutionAction = (typeof RESOLUTION_ACTIONS)[number];

export const RESOLUTION_ACTS = ["object", "answerObjection"] as const;
export type ResolutionAct = (typeof RESOLUTION_ACTS)[number];

/**
 * 决议: published for 公示 when a motion passes; in force when the period ends with no objection open;
 * 暂缓执行 when the committee upholds an objection; 责令改正 by the street; 撤销 / 变更 when an assembly
 * passes a motion naming it. Suspended, corrected, revoked and changed resolutions stay on record.
 */
export const RESOLUTION_LIFECYCLE: Lifecycle<ResolutionStatus, ResolutionAction, ResolutionAct, "wrongState"> = {
  statuses: RESOLUTION_STATUSES,
  terminal: ["suspended", "correctionOrdered", "revoked", "changed"],
  moves: [
    { action: "publish", from: [], to: "publicity", by: ["system"], guards: ["motionPassed"] },
    { action: "takeEffect", from: ["publicity"], to: "effective", by: ["system"], guards: ["periodOver", "noObjectionOpen"] },
    { action: "suspend", from: ["publicity"], to: "suspended", by: ["committee"], needsReason: true, guards: ["objectionUpheld"] },
    { action: "orderCorrection", from: ["publicity", "effective"], to: "correctionOrdered", by: ["street"], needsReason: true, guards: ["topicInPublicityOrExecution"] },
    // 撤销 / 变更: an assembly's motion naming the resolution passes (村委会组织法 Art. 27; 居委会组织法 Art. 30 ¶3; undo.server.ts).
    { action: "revoke", from: ["publicity", "effective"], to: "revoked", by: ["system"], needsReason: true, guards: ["assemblyUndoPassed"] },
    { action: "change", from: ["publicity", "effective"], to: "changed", by: ["system"], needsReason: true, guards: ["assemblyUndoPassed"] },
  ],
  acts: {
    // 公示异议 and the committee's answer to one.
    object: { in: ["publicity"], by: ["resident", "representative"], guards: ["periodNotOver"] },
    answerObjection: { in: ["publicity"], by: ["committee"] },
  },
  refused: "wrongState",
};

export function resolutionMay(status: ResolutionStatus, what: ResolutionAction | ResolutionAct): boolean {
  return allowed(RESOLUTION_LIFECYCLE, status, what);
}

export function nextResolutionStatus(status: ResolutionStatus | null, action: ResolutionAction): ResolutionStatus {
  return nextStatus(RESOLUTION_LIFECYCLE, status, action)!;
}

/** The resolutions the street may order corrected: published or in force (a suspended one is already back before the meeting). */
export const CORRECTABLE_STATUSES: readonly ResolutionStatus[] = statusesFor(RESOLUTION_LIFECYCLE, "orderCorrection");
