import type { Role } from "./roles";
import type { TopicState } from "./states";

/** Who can make a move: a role of the community, or the system (thresholds, deadlines, vote results). */
export type Mover = Role | "system";

export const TOPIC_ACTIONS = [
  "reachThreshold",
  "expire",
  "accept",
  "reject",
  "merge",
  "startConsultation",
  "withdraw",
  "sendBack",
  "freeze",
  "decideByCommittee",
  "decideByOwners",
  "ownersNotPassed",
  "pass",
  "fail",
  "failAndRevise",
  "endPublicity",
  "upholdObjection",
  "orderCorrection",
  "undoneByAssembly",
  "reportCompletion",
  "close",
  "reopen",
  "withdrawnByProposer",
] as const;
export type TopicAction = (typeof TOPIC_ACTIONS)[number];

export interface Transition {
  action: TopicAction;
  from: readonly TopicState[];
  to: TopicState;
  by: readonly Mover[];
  /** The move must say why (shown publicly). */
  needsReason?: boolean;
  /**
   * Made only through its own form, which writes more than the move (the frozen text, the answer to
   * an objection): never offered or accepted as a plain move on the topic page.
   */
  dedicated?: boolean;
}

/**
 * Every move a topic can make, in the order of the 116 method. Nothing changes a topic's state
 * except advanceTopic (app/models/workflow.server.ts), and it only makes the moves listed here.
 */
export const TRANSITIONS: readonly Transition[] = [
  // 1 议题收集
  { action: "reachThreshold", from: ["open"], to: "screening", by: ["system"] },
  { action: "expire", from: ["open"], to: "expired", by: ["system"] },
  { action: "accept", from: ["screening"], to: "drafting", by: ["committee"] },
  { action: "reject", from: ["open", "screening"], to: "rejected", by: ["committee"], needsReason: true },
  { action: "merge", from: ["open", "screening"], to: "merged", by: ["committee"], needsReason: true },
  // 2 酝酿
  { action: "startConsultation", from: ["drafting"], to: "consulting", by: ["committee"] },
  { action: "withdraw", from: ["drafting"], to: "withdrawn", by: ["committee"], needsReason: true },
  // 3 协商
  { action: "sendBack", from: ["consulting"], to: "drafting", by: ["committee"], needsReason: true },
  { action: "freeze", from: ["consulting"], to: "onAgenda", by: ["committee"], dedicated: true },
  { action: "decideByCommittee", from: ["consulting"], to: "executing", by: ["committee"], dedicated: true },
  // 业主共同决定 (民法典 Art. 278, e.g. 加装电梯): never on a meeting's agenda; the committee records the
  // owners' result and the hall checks it (owner-decision.server.ts). Passed: on to execution; not: it ends.
  { action: "decideByOwners", from: ["consulting"], to: "executing", by: ["committee"], dedicated: true },
  { action: "ownersNotPassed", from: ["consulting"], to: "failed", by: ["committee"], dedicated: true },
  // 4 决策
  { action: "pass", from: ["onAgenda"], to: "publicity", by: ["system"] },
  { action: "fail", from: ["onAgenda"], to: "failed", by: ["system"] },
  { action: "failAndRevise", from: ["onAgenda"], to: "drafting", by: ["system"] },
  { action: "endPublicity", from: ["publicity"], to: "executing", by: ["system"] },
  // An objection upheld during 公示 suspends the resolution (暂缓执行): the committee never revokes a
  // representatives' resolution, it puts it back before the meeting, which votes again (居委会组织法 Art. 30).
  { action: "upholdObjection", from: ["publicity"], to: "onAgenda", by: ["committee"], needsReason: true, dedicated: true },
  // 责令改正: the street orders a resolution corrected; it goes back before the meeting. The street admin
  // holds no community role: resolution.server.ts checks the street and makes the move as the system.
  { action: "orderCorrection", from: ["publicity", "executing"], to: "onAgenda", by: ["system"], needsReason: true, dedicated: true },
  // 撤销 / 变更 by the assembly (村委会组织法 Art. 27; 居委会组织法 Art. 30 ¶3): the topic's resolution no longer
  // stands, so its execution is no longer expected; the topic ends, naming the resolution that undid it (undo.server.ts).
  { action: "undoneByAssembly", from: ["publicity", "executing", "verifying"], to: "closed", by: ["system"], needsReason: true, dedicated: true },
  // 5 执行
  // Its own form (execution page, and the topic page's copy of it) opens the rating window and asks the step gate first.
  { action: "reportCompletion", from: ["executing"], to: "verifying", by: ["committee", "executor"], dedicated: true },
  // 6 监督
  { action: "close", from: ["verifying"], to: "closed", by: ["system"] },
  { action: "reopen", from: ["verifying"], to: "executing", by: ["system", "supervisor"], needsReason: true },
  // 代录 (decision 040): a topic staff recorded for a resident, taken back by that resident while it still
  // collects co-signs. Only assist-withdraw.server.ts makes it, after checking the person is its proposer.
  { action: "withdrawnByProposer", from: ["open"], to: "withdrawn", by: ["resident"], dedicated: true },
];

export type TransitionCheck =
  | { ok: true; transition: Transition }
  | { ok: false; problem: "unknownAction" | "wrongState" | "wrongRole" | "reasonRequired" };

/** The pure check advanceTopic makes before it writes anything. */
export function checkTransition({
  action,
  from,
  movers,
  reason,
}: {
  action: string;
  from: TopicState;
  movers: readonly Mover[];
  reason?: string | null;
}): TransitionCheck {
  const candidates = TRANSITIONS.filter((t) => t.action === action);
  if (candidates.length === 0) return { ok: false, problem: "unknownAction" };
  const transition = candidates.find((t) => t.from.includes(from));
  if (!transition) return { ok: false, problem: "wrongState" };
  if (!transition.by.some((m) => movers.includes(m))) return { ok: false, problem: "wrongRole" };
  if (transition.needsReason && !reason?.trim()) return { ok: false, problem: "reasonRequired" };
  return { ok: true, transition };
}

/** The moves a person could make on a topic in this state (for the buttons on the topic page). */
export function availableActions(from: TopicState, movers: readonly Mover[]): Transition[] {
  return TRANSITIONS.filter((t) => !t.dedicated && t.from.includes(from) && t.by.some((m) => m !== "system" && movers.includes(m)));
}

/** Moves that only their own form may make (see Transition.dedicated). */
export function isDedicated(action: string): boolean {
  return TRANSITIONS.some((t) => t.action === action && t.dedicated);
}
