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
    // residents (居委会组织法 Art. 29, revised): at least two thirds of 组成人员, as in villages
    [14, 20, true, 14],
    [13, 20, false, 14],
    [10, 15, true, 10],
    [9, 15, false, 10],
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

describe("组成人员: every roster size from 1 to 40, every present count", () => {
  const sizes = Array.from({ length: 40 }, (_, i) => i + 1);

  it("the quorum is met exactly from the smallest whole number of people ≥ two thirds of the roster", () => {
    for (const members of sizes) {
      for (let present = 0; present <= members; present++) {
        const q = evaluateQuorum({ present, members, rule: residents.quorum });
        // 3 × present ≥ 2 × members, in whole people
        expect(q.met, `${present} of ${members}`).toBe(3 * present >= 2 * members);
        expect(Number.isInteger(q.minimumPresent)).toBe(true);
        expect(q.met).toBe(present >= q.minimumPresent);
      }
    }
    expect(evaluateQuorum({ present: 14, members: 20, rule: residents.quorum }).met).toBe(true);
    expect(evaluateQuorum({ present: 13, members: 20, rule: residents.quorum }).met).toBe(false);
  });

  it("a motion passes with more than half of those present, and the minimum shown is a whole number of people", () => {
    for (const members of sizes) {
      for (let present = 1; present <= members; present++) {
        for (let yes = 0; yes <= present; yes++) {
          const r = evaluateMotion({ present, yes, no: present - yes, abstain: 0, rule: residents.pass });
          expect(r.passed, `${yes} of ${present}`).toBe(2 * yes > present);
          expect(r.minimumYes).toBe(Math.floor(present / 2) + 1);
          expect(r.passed).toBe(yes >= r.minimumYes);
          expect(r).toMatchObject({ base: present, ofAll: false });
        }
      }
    }
  });

  it("a share of ALL members (pass_of_all) counts the yes votes against the whole roster, not those present", () => {
    for (const members of sizes) {
      for (let present = 1; present <= members; present++) {
        for (let yes = 0; yes <= present; yes++) {
          const r = evaluateMotion({ present, yes, no: 0, abstain: present - yes, rule: residents.pass, ofAll: true, members });
          expect(r.passed, `${yes} of ${members} members (${present} present)`).toBe(2 * yes > members);
          expect(r.minimumYes).toBe(Math.floor(members / 2) + 1);
          expect(r).toMatchObject({ base: members, ofAll: true });
          const twoThirds = evaluateMotion({ present, yes, no: 0, abstain: present - yes, rule: twoThirds_, ofAll: true, members });
          expect(twoThirds.passed).toBe(3 * yes >= 2 * members);
        }
      }
    }
    // 14 of 20 present, 9 agree: more than half of those present, not of all 20.
    expect(evaluateMotion({ present: 14, yes: 9, no: 5, abstain: 0, rule: residents.pass }).passed).toBe(true);
    expect(evaluateMotion({ present: 14, yes: 9, no: 5, abstain: 0, rule: residents.pass, ofAll: true, members: 20 })).toMatchObject({ passed: false, minimumYes: 11 });
    expect(evaluateMotion({ present: 14, yes: 11, no: 3, abstain: 0, rule: residents.pass, ofAll: true, members: 20 }).passed).toBe(true);
  });

  it("refuses a share of all members without the roster's size", () => {
    expect(() => evaluateMotion({ present: 5, yes: 3, no: 0, abstain: 0, rule: residents.pass, ofAll: true })).toThrow(RangeError);
  });
});

const twoThirds_: Ratio = { num: 2, den: 3, inclusive: true };
