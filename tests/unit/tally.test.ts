import { describe, expect, it } from "vitest";
import { RULE_PACKS, type Ratio } from "~/workflow/rule-packs";
import { evaluateMotion, evaluateQuorum, minimumFor } from "~/workflow/tally";

const village = RULE_PACKS["villagers-representatives"];
const residents = RULE_PACKS["residents-representatives"];
const twoThirds: Ratio = { num: 2, den: 3, inclusive: true };

describe("quorum", () => {
  it.each([
    // present, members, met, minimum present — villagers: at least 2/3 of the members
    [10, 15, true, 10],
    [9, 15, false, 10],
    [15, 15, true, 10],
    [0, 15, false, 10],
    [2, 3, true, 2],
    [1, 3, false, 2],
    [7, 10, true, 7],
    [6, 10, false, 7],
  ])("villagers' meeting: %i of %i present → %s (needs %i)", (present, members, met, minimum) => {
    expect(evaluateQuorum({ present, members, rule: village.quorum })).toMatchObject({ met, minimumPresent: minimum });
  });

  it.each([
    // residents: more than half of the members — exactly half is not enough
    [8, 15, true, 8],
    [7, 15, false, 8],
    [6, 10, true, 6],
    [5, 10, false, 6],
  ])("residents' meeting: %i of %i present → %s (needs %i)", (present, members, met, minimum) => {
    expect(evaluateQuorum({ present, members, rule: residents.quorum })).toMatchObject({ met, minimumPresent: minimum });
  });

  it("states the threshold the rule refers to", () => {
    expect(evaluateQuorum({ present: 10, members: 15, rule: village.quorum }).threshold).toBe(10);
  });

  it("refuses impossible roll calls", () => {
    expect(() => evaluateQuorum({ present: 16, members: 15, rule: village.quorum })).toThrow(RangeError);
    expect(() => evaluateQuorum({ present: -1, members: 15, rule: village.quorum })).toThrow(RangeError);
    expect(() => evaluateQuorum({ present: 1.5, members: 15, rule: village.quorum })).toThrow(RangeError);
  });
});

describe("motions", () => {
  const pass = village.pass; // more than half of those present

  it("passes with more than half of those present, and shows the arithmetic", () => {
    expect(evaluateMotion({ present: 13, yes: 9, no: 3, abstain: 1, rule: pass })).toMatchObject({ passed: true, threshold: 6.5, minimumYes: 7, notVoting: 0 });
    expect(evaluateMotion({ present: 13, yes: 7, no: 6, abstain: 0, rule: pass })).toMatchObject({ passed: true, minimumYes: 7 });
    expect(evaluateMotion({ present: 13, yes: 6, no: 2, abstain: 5, rule: pass }).passed).toBe(false);
  });

  it("fails on exactly half agreeing, and on a tie", () => {
    expect(evaluateMotion({ present: 10, yes: 5, no: 5, abstain: 0, rule: pass })).toMatchObject({ passed: false, threshold: 5, minimumYes: 6 });
    expect(evaluateMotion({ present: 10, yes: 5, no: 0, abstain: 5, rule: pass }).passed).toBe(false);
  });

  it("counts abstentions and non-votes as not agreeing", () => {
    // 6 of 11 present agree: passes whatever the others did or did not do.
    expect(evaluateMotion({ present: 11, yes: 6, no: 0, abstain: 0, rule: pass })).toMatchObject({ passed: true, notVoting: 5 });
    // 5 of 11 agree, 0 against: still fails, because 5 is not more than 5.5.
    expect(evaluateMotion({ present: 11, yes: 5, no: 0, abstain: 1, rule: pass })).toMatchObject({ passed: false, notVoting: 5 });
  });

  it("never passes with nobody present or everybody abstaining", () => {
    expect(evaluateMotion({ present: 0, yes: 0, no: 0, abstain: 0, rule: pass }).passed).toBe(false);
    expect(evaluateMotion({ present: 12, yes: 0, no: 0, abstain: 12, rule: pass }).passed).toBe(false);
  });

  it("applies a higher share from the catalogue (2/3 for 一事一议 fund-raising), inclusive at exactly 2/3", () => {
    expect(evaluateMotion({ present: 12, yes: 8, no: 4, abstain: 0, rule: twoThirds })).toMatchObject({ passed: true, minimumYes: 8, threshold: 8 });
    expect(evaluateMotion({ present: 12, yes: 7, no: 5, abstain: 0, rule: twoThirds }).passed).toBe(false);
    expect(minimumFor(13, twoThirds)).toBe(9);
  });

  it("refuses tallies with more ballots than people present", () => {
    expect(() => evaluateMotion({ present: 5, yes: 3, no: 2, abstain: 1, rule: pass })).toThrow(RangeError);
  });
});
