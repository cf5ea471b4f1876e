/**
 * 四议两公开 (villages): the order of the three recorded deliberations, who records each, and the gate
 * they make before the vote. Pure: safe to import from the browser.
 */
import { FOUR_TWO_ROLES, FOUR_TWO_STEPS, type FourTwoStep, type StepOutcome } from "./assembly";
import type { Role } from "./roles";
import type { TopicState } from "./states";

/** The latest record of each step (by its date, then the order it was recorded): the one that counts. */
export type LatestSteps = Partial<Record<FourTwoStep, StepOutcome>>;

/** Why a vote on a 四议两公开 matter may not open yet (a key under `meetings.problems` and `fourTwo.blocked`). */
export type FourTwoProblem = "fourTwoMissing" | "fourTwoNotAgreed";
export interface FourTwoBlock {
  problem: FourTwoProblem;
  /** The first step that is not recorded, or whose latest record did not agree. */
  step: FourTwoStep;
}

/**
 * The states in which the deliberations are recorded: after the committee accepted the matter and
 * before its vote (酝酿, 协商, on the agenda), so each lands in the stage where it happened.
 */
export const FOUR_TWO_STATES: readonly TopicState[] = ["drafting", "consulting", "onAgenda"];

export const isAgreed = (outcome: StepOutcome | undefined) => outcome === "agreed" || outcome === "agreedWithChanges";

/**
 * The step to record next: the first, in order, whose latest record is missing or did not agree (a
 * step that did not agree is recorded again, and the latest counts); null once all three agreed.
 */
export function nextFourTwoStep(latest: LatestSteps): FourTwoStep | null {
  return FOUR_TWO_STEPS.find((step) => !isAgreed(latest[step])) ?? null;
}

/** The latest outcome of each step, from records ordered oldest first (by date, then id). */
export function latestSteps(records: ReadonlyArray<{ step: FourTwoStep; outcome: StepOutcome }>): LatestSteps {
  const latest: LatestSteps = {};
  for (const r of records) latest[r.step] = r.outcome;
  return latest;
}

/** May someone holding `roles` record `step` (FOUR_TWO_ROLES: the party organisation; 两委 also the committee's members)? */
export function mayRecordStep(step: FourTwoStep, roles: readonly Role[]): boolean {
  return FOUR_TWO_ROLES[step].some((role) => roles.includes(role));
}

/**
 * The gate: a 四议两公开 matter's vote waits until the three steps are recorded in order and the
 * latest of each agreed. Recording enforces the order, so the first step not agreed is what is missing.
 */
export function fourTwoBlock(fourTwo: boolean, latest: LatestSteps): FourTwoBlock | null {
  if (!fourTwo) return null;
  const step = nextFourTwoStep(latest);
  if (step === null) return null;
  return { problem: latest[step] === undefined ? "fourTwoMissing" : "fourTwoNotAgreed", step };
}

/**
 * Decision (docs/decisions/037-four-two.md): on a 四议两公开 matter the 党组织提议 that agreed is the
 * party organisation's study of the matter (村委会组织法第二十八条第三款), so a missing separate review
 * does not hold the vote; a review recorded and not agreed still does.
 */
export function proposalCountsAsReview(fourTwo: boolean, latest: LatestSteps): boolean {
  return fourTwo && isAgreed(latest.partyProposal);
}

/** 两公开: the board labels a 四议两公开 matter's resolution 决议公开 and its execution result 实施结果公开. */
export const FOUR_TWO_PUBLICATIONS = { resolution: "resolutionPublic", executionResult: "resultPublic" } as const;
export type FourTwoPublicationKind = keyof typeof FOUR_TWO_PUBLICATIONS;
export const isFourTwoPublication = (kind: string): kind is FourTwoPublicationKind => kind in FOUR_TWO_PUBLICATIONS;

/** The form's bounds (kept here, not in the zod schema, so the topic page's JavaScript stays without zod). */
export const FOUR_TWO_BODY_MAX = 60;
export const FOUR_TWO_MINUTES_MAX = 8000;
export const FOUR_TWO_HEADCOUNT_MAX = 100_000;
