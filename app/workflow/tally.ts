import { meetsRatio, type Ratio } from "./rule-packs";

/**
 * The arithmetic of a representatives' meeting, as pure functions: whether the roll call makes the
 * meeting valid, and whether a motion passed. Integer arithmetic only; every result carries the
 * numbers a meeting screen shows, in whole people ("需至少 7 人同意(到会 13 人的过半数)").
 */

/** The fewest that satisfy `ratio` of `whole` ("at least" → ceil; "more than" → the next whole number). */
export function minimumFor(whole: number, ratio: Ratio): number {
  if (whole <= 0) return 1;
  const scaled = whole * ratio.num; // compare part × den with whole × num, in integers
  return ratio.inclusive ? Math.floor((scaled + ratio.den - 1) / ratio.den) : Math.floor(scaled / ratio.den) + 1;
}

export interface QuorumResult {
  present: number;
  members: number;
  met: boolean;
  /** The fewest present for a valid meeting. */
  minimumPresent: number;
  /** members × ratio, the figure the rule is stated against (e.g. 10 for 2/3 of 15). */
  threshold: number;
  rule: Ratio;
}

export function evaluateQuorum({ present, members, rule }: { present: number; members: number; rule: Ratio }): QuorumResult {
  if (!Number.isInteger(present) || !Number.isInteger(members) || present < 0 || members < 0 || present > members) {
    throw new RangeError(`impossible roll call: ${present} present of ${members}`);
  }
  return {
    present,
    members,
    met: meetsRatio(present, members, rule),
    minimumPresent: Math.min(minimumFor(members, rule), Math.max(members, 1)),
    threshold: (members * rule.num) / rule.den,
    rule,
  };
}

export interface MotionResult {
  present: number;
  yes: number;
  no: number;
  abstain: number;
  /** Present but cast no ballot: counts as not agreeing, like abstentions. */
  notVoting: number;
  passed: boolean;
  /** base × ratio: the figure "more than" / "at least" refers to (6.5 for more than half of 13). */
  threshold: number;
  /** The fewest agreeing that pass it, in whole people: what the screens show ("需至少 7 人同意"). */
  minimumYes: number;
  rule: Ratio;
  /** The whole the share is taken of: those present, or every member on the roster when `ofAll`. */
  base: number;
  /** The share is of ALL 组成人员 on the roster (a category's pass_of_all), not of those present. */
  ofAll: boolean;
}

/**
 * A motion passes when those agreeing meet the rule's share of those PRESENT — or, for a category
 * whose threshold is "of all members" (`ofAll`), of every member on the roster (`members`);
 * abstaining and not voting do not agree.
 */
export function evaluateMotion({
  present,
  yes,
  no,
  abstain,
  rule,
  members,
  ofAll = false,
}: {
  present: number;
  yes: number;
  no: number;
  abstain: number;
  rule: Ratio;
  /** 组成人员 on the roster; needed when `ofAll`. */
  members?: number;
  ofAll?: boolean;
}): MotionResult {
  const counts = [present, yes, no, abstain, members ?? 0];
  if (counts.some((n) => !Number.isInteger(n) || n < 0) || yes + no + abstain > present) {
    throw new RangeError(`impossible tally: ${yes}/${no}/${abstain} of ${present} present`);
  }
  if (ofAll && members === undefined) throw new RangeError("a share of all members needs the roster's size");
  // A voter who left the roster after voting still counts present for this motion, so the roster is never taken as smaller than those present.
  const base = ofAll ? Math.max(members ?? 0, present) : present;
  return {
    present,
    yes,
    no,
    abstain,
    notVoting: present - yes - no - abstain,
    passed: present > 0 && meetsRatio(yes, base, rule),
    threshold: (base * rule.num) / rule.den,
    minimumYes: minimumFor(base, rule),
    rule,
    base,
    ofAll,
  };
}
