import { describe, expect, it } from "vitest";
import { meetsRatio, ratioText, RULE_PACKS } from "~/workflow/rule-packs";

const villagers = RULE_PACKS["villagers-representatives"];
const residents = RULE_PACKS["residents-representatives"];

describe("meetsRatio", () => {
  it.each([
    // present, members, quorate under the villagers' rule (at least 2/3)
    [10, 15, true],
    [9, 15, false],
    [2, 3, true],
    [1, 3, false],
    [15, 15, true],
    [0, 15, false],
  ])("villagers' quorum: %i of %i present → %s", (present, members, expected) => {
    expect(meetsRatio(present, members, villagers.quorum)).toBe(expected);
  });

  it.each([
    // agreeing, present, passes (more than half)
    [7, 13, true],
    [6, 13, false],
    [5, 10, false],
    [6, 10, true],
    [0, 0, false],
  ])("pass: %i of %i agree → %s", (agree, present, expected) => {
    expect(meetsRatio(agree, present, villagers.pass)).toBe(expected);
  });

  it("residents' quorum needs more than half, so exactly half is not enough", () => {
    expect(meetsRatio(5, 10, residents.quorum)).toBe(false);
    expect(meetsRatio(6, 10, residents.quorum)).toBe(true);
  });

  it("each pack cites its legal basis in both languages", () => {
    expect(villagers.basisZh).toContain("第二十六条");
    expect(residents.basisZh).toContain("城市居民委员会组织法");
    expect(villagers.basisEn).toContain("Art. 26");
  });
});

describe("ratioText", () => {
  it("writes at-least and more-than shares as the ledger records them", () => {
    expect(ratioText(villagers.quorum)).toBe(">=2/3");
    expect(ratioText(residents.pass)).toBe(">1/2");
  });
});
