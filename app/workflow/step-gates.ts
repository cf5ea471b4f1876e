import type { TopicAction } from "./transitions";

/**
 * Steps of the 116 method that cannot be skipped, as data (no I/O). The transition table says who may
 * make a move and from which state; these gates say what must already be on record. advanceInTx asks
 * them before every move it makes, and the topic page and each stage's own page ask the same function
 * to decide which buttons to offer and what to say is missing — so no page and no action can disagree.
 */
export interface StepFacts {
  /** The live draft holds nothing but the template's headings. */
  draftEmpty: boolean;
  /** Consultations with an outcome on record: closed solicitations with their summary, consultation meetings with minutes. */
  consultationOutcomes: number;
  /** The topic's catalogue entry lets consultation be skipped… */
  consultationOptional: boolean;
  /** …and the committee has recorded why it was skipped for this topic. */
  consultationWaived: boolean;
  /** Tasks of the execution plan still in it (removed ones not counted). */
  tasks: number;
  /** Tasks not yet at 100%. */
  unfinishedTasks: number;
  /** Rectification demands (整改要求) on the topic's tasks not yet answered. */
  openRectifications: number;
}

export const STEP_BLOCKERS = ["emptyDraft", "noConsultation", "noTasks", "tasksUnfinished", "openRectification"] as const;
export type StepBlocker = (typeof STEP_BLOCKERS)[number];

/** The facts each gated move reads; a move not listed here has no gate beyond the transition table. */
const GATES: Partial<Record<TopicAction, (facts: StepFacts) => StepBlocker[]>> = {
  // 协商 starts on a text: a draft with nothing under its headings has nothing to consult on.
  startConsultation: (f) => (f.draftEmpty ? ["emptyDraft"] : []),
  // 定稿 only after consultation has an outcome on record, unless the category lets the committee skip it and it said why.
  freeze: consulted,
  decideByCommittee: consulted,
  // 报告完成: a plan with tasks, every task at 100%, no rectification demand left unanswered.
  reportCompletion: (f) => [
    ...(f.tasks === 0 ? (["noTasks"] as const) : []),
    ...(f.unfinishedTasks > 0 ? (["tasksUnfinished"] as const) : []),
    ...(f.openRectifications > 0 ? (["openRectification"] as const) : []),
  ],
};

function consulted(f: StepFacts): StepBlocker[] {
  if (f.draftEmpty) return ["emptyDraft"];
  if (f.consultationOutcomes > 0) return [];
  if (f.consultationOptional && f.consultationWaived) return [];
  return ["noConsultation"];
}

/** Whether a move has a gate at all (so facts are gathered only for those). */
export function isGated(action: string): action is TopicAction {
  return Object.hasOwn(GATES, action);
}

/** What is missing before this move can be made; empty when nothing is. */
export function stepBlockers(action: string, facts: StepFacts): StepBlocker[] {
  return isGated(action) ? GATES[action]!(facts) : [];
}
