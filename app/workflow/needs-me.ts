import { ROLES, type Role } from "./roles";
import type { TopicState } from "./states";

/** What a person is asked to do with a topic that waits on them. */
export const NEEDS_ME_TASKS = ["cosign", "rate", "screen", "draft", "consult", "vote", "execute", "superviseExecution", "verify"] as const;
export type NeedsMeTask = (typeof NEEDS_ME_TASKS)[number];

export interface NeedsMeRule {
  state: TopicState;
  task: NeedsMeTask;
  /** Only topics the person neither proposed nor co-signed (you cannot co-sign your own). */
  notMine?: boolean;
  /** Only topics with an open task of a unit the person reports for. */
  assignedToMe?: boolean;
}

/**
 * "Needs me" (待我处理), by role: which states wait on each role, and for what. One table; the hall's
 * query (listNeedsMe in app/models/topic.server.ts) is built from it.
 */
export const NEEDS_ME: Record<Role, readonly NeedsMeRule[]> = {
  resident: [
    { state: "open", task: "cosign", notMine: true },
    { state: "verifying", task: "rate" },
  ],
  committee: [
    { state: "screening", task: "screen" },
    { state: "drafting", task: "draft" },
    { state: "consulting", task: "consult" },
  ],
  committeeMember: [{ state: "onAgenda", task: "vote" }],
  party: [],
  convener: [{ state: "onAgenda", task: "vote" }],
  representative: [{ state: "onAgenda", task: "vote" }],
  executor: [{ state: "executing", task: "execute", assignedToMe: true }],
  supervisor: [
    { state: "executing", task: "superviseExecution" },
    { state: "verifying", task: "verify" },
  ],
};

/**
 * The rules that apply to someone holding these roles, one per state. When two roles wait on the same
 * state the office wins over the resident (a supervisor who is also a resident is asked to verify).
 */
export function needsMeRules(roles: readonly Role[]): NeedsMeRule[] {
  const byState = new Map<TopicState, NeedsMeRule>();
  for (const role of [...ROLES].reverse().filter((r) => roles.includes(r))) {
    for (const rule of NEEDS_ME[role]) if (!byState.has(rule.state)) byState.set(rule.state, rule);
  }
  return [...byState.values()];
}
