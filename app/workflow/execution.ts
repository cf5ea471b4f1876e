/**
 * Execution (执行) and supervision (监督) as data, no I/O: the kinds of responsible unit, the three
 * answers of the residents' rating and how a rating window ends.
 */
export const UNIT_KINDS = ["department", "property", "contractor", "volunteer"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const TASK_STATUSES = ["open", "done"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** 满意 / 基本满意 / 不满意 */
export const RATINGS = ["satisfied", "fair", "unsatisfied"] as const;
export type Rating = (typeof RATINGS)[number];

export const PHOTO_PURPOSES = ["proposal", "progress", "verification", "callReport"] as const;
export type PhotoPurpose = (typeof PHOTO_PURPOSES)[number];

export const WINDOW_OUTCOMES = ["closed", "reopened"] as const;
export type WindowOutcome = (typeof WINDOW_OUTCOMES)[number];

/**
 * The share of raters who are satisfied, in whole percent: 满意 counts fully, 基本满意 counts as
 * satisfied too (the usual reading of 满意率 in community evaluations), 不满意 not at all.
 */
export function satisfactionPct(counts: Record<Rating, number>): number | null {
  const total = counts.satisfied + counts.fair + counts.unsatisfied;
  if (total === 0) return null;
  return Math.floor(((counts.satisfied + counts.fair) * 100) / total);
}

/**
 * How a rating window ends: the topic closes (核实结项) when a supervisor verified it on site and the
 * satisfied share reaches the rules' threshold (with at least one rating); otherwise it goes back to
 * execution with the supervisors' demands.
 */
export function windowOutcome({ verified, pct, thresholdPct }: { verified: boolean; pct: number | null; thresholdPct: number }): WindowOutcome {
  return verified && pct !== null && pct >= thresholdPct ? "closed" : "reopened";
}
