import { meetsRatio, type Ratio } from "./rule-packs";

/**
 * The arithmetic of a representatives' meeting, as pure functions: whether the roll call makes the
 * meeting valid, and whether a motion passed. Integer arithmetic only; every result carries the
 * numbers a meeting screen shows ("9 of 13 present agreed; needed more than 6.5").
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
  /** present × ratio: the figure "more than" / "at least" refers to (6.5 for more than half of 13). */
  threshold: number;
  minimumYes: number;
  rule: Ratio;
}

/** A motion passes when those agreeing meet the rule's share of those PRESENT; abstaining and not voting do not agree. */
export function evaluateMotion({ present, yes, no, abstain, rule }: { present: number; yes: number; no: number; abstain: number; rule: Ratio }): MotionResult {
  const counts = [present, yes, no, abstain];
  if (counts.some((n) => !Number.isInteger(n) || n < 0) || yes + no + abstain > present) {
    throw new RangeError(`impossible tally: ${yes}/${no}/${abstain} of ${present} present`);
  }
  return {
    present,
    yes,
    no,
    abstain,
    notVoting: present - yes - no - abstain,
    passed: present > 0 && meetsRatio(yes, present, rule),
    threshold: (present * rule.num) / rule.den,
    minimumYes: minimumFor(present, rule),
    rule,
  };
}
