import type { Role } from "./roles";

/** The six stages of the 116 method, in order. Pure data: safe to import from the browser. */
export const STAGES = ["collection", "deliberation", "consultation", "decision", "execution", "supervision"] as const;
export type Stage = (typeof STAGES)[number];

/** Where a topic stands overall; the stage says where it is in the loop while it is active. */
export const TOPIC_STATUSES = ["active", "closed", "rejected", "expired", "withdrawn", "merged", "failed"] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];

/**
 * Who is waited on in each stage while a topic is active. The hall's "needs me" list is built from
 * this table: a member sees the active topics whose stage waits on one of their roles.
 */
export const STAGE_WAITS_ON: Record<Stage, readonly Role[]> = {
  collection: ["resident", "committee"],
  deliberation: ["committee"],
  consultation: ["committee", "resident"],
  decision: ["convener", "representative"],
  execution: ["executor", "supervisor"],
  supervision: ["supervisor", "resident"],
};

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

export function stagesWaitingOn(roles: readonly Role[]): Stage[] {
  return STAGES.filter((stage) => STAGE_WAITS_ON[stage].some((role) => roles.includes(role)));
}
