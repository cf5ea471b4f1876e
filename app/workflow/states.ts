import type { Stage, TopicStatus } from "./stages";

/**
 * A topic's state: where it is inside its stage. The stage and the status follow from the state
 * (one table, below), so nothing else can disagree with it.
 */
export const TOPIC_STATES = [
  "open", // collecting co-signs
  "screening", // enough co-signs (or filed by the committee): the committee screens it
  "drafting", // the committee drafts the proposal
  "consulting", // opinions are gathered on the draft
  "onAgenda", // frozen text waits for the representatives' vote
  "publicity", // passed; the resolution is published (公示) for the rules' period
  "executing", // tasks carried out by responsible units
  "verifying", // supervisors verify, residents rate
  "closed", // 结项
  "rejected",
  "expired",
  "withdrawn",
  "merged",
  "failed",
] as const;
export type TopicState = (typeof TOPIC_STATES)[number];

interface StateInfo {
  stage: Stage;
  status: TopicStatus;
}

/** Stage and status of every state. Terminal states keep the stage the topic ended in. */
export const STATE_INFO: Record<TopicState, StateInfo | { stage: null; status: Exclude<TopicStatus, "active"> }> = {
  open: { stage: "collection", status: "active" },
  screening: { stage: "collection", status: "active" },
  drafting: { stage: "deliberation", status: "active" },
  consulting: { stage: "consultation", status: "active" },
  onAgenda: { stage: "decision", status: "active" },
  publicity: { stage: "decision", status: "active" },
  executing: { stage: "execution", status: "active" },
  verifying: { stage: "supervision", status: "active" },
  closed: { stage: null, status: "closed" },
  rejected: { stage: null, status: "rejected" },
  expired: { stage: null, status: "expired" },
  withdrawn: { stage: null, status: "withdrawn" },
  merged: { stage: null, status: "merged" },
  failed: { stage: null, status: "failed" },
};

export function isTerminal(state: TopicState): boolean {
  return STATE_INFO[state].stage === null;
}

export function isTopicState(value: unknown): value is TopicState {
  return typeof value === "string" && (TOPIC_STATES as readonly string[]).includes(value);
}

/** The state a topic is in when it enters each stage by the ordinary route. */
export const ENTRY_STATE: Record<Stage, TopicState> = {
  collection: "open",
  deliberation: "drafting",
  consultation: "consulting",
  decision: "onAgenda",
  execution: "executing",
  supervision: "verifying",
};
