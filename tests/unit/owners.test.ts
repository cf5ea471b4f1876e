// 民法典第二百七十八条, checked in whole numbers: at least 2/3 of owners AND of the area take part, at
// least 3/4 of those (by head AND by area) consent. "以上" includes the share itself.
import { describe, expect, it } from "vitest";
import { checkOwners, impossibleFigures, type OwnersFigures } from "~/workflow/owners";
import { chineseNumber, citeArticle } from "~/workflow/rule-packs";

// 30 owners holding 3000.00 m² (hundredths): 2/3 is 20 owners and 2000.00 m².
const base: OwnersFigures = { ownersTotal: 30, areaTotal: 300_000, participants: 20, participantsArea: 200_000, consenting: 15, consentingArea: 150_000 };
const verdict = (f: Partial<OwnersFigures>) => {
  const { checks, passed } = checkOwners({ ...base, ...f });
  return { passed, met: Object.fromEntries(checks.map((c) => [c.check, c.met])) };
};

describe("the owners' four checks", () => {
  it.each([
    ["exactly 2/3 take part and exactly 3/4 consent, by head and by area", {}, true, {}],
    ["one owner short of 2/3 taking part", { participants: 19, consenting: 15 }, false, { participantsByHead: false }],
    ["one hundredth of a m² short of 2/3 of the area", { participantsArea: 199_999, consentingArea: 149_999 }, false, { participantsByArea: false }],
    ["one owner short of 3/4 consenting", { consenting: 14 }, false, { consentingByHead: false }],
    ["the consenting area one hundredth short of 3/4", { consentingArea: 149_999 }, false, { consentingByArea: false }],
    ["everyone, all the area", { participants: 30, participantsArea: 300_000, consenting: 30, consentingArea: 300_000 }, true, {}],
    // Headcount and area are independent: enough owners with too little area fails, and the reverse.
    ["enough owners, too little area", { participants: 25, participantsArea: 150_000, consenting: 25, consentingArea: 150_000 }, false, { participantsByArea: false }],
    ["enough area, too few owners", { participants: 10, participantsArea: 250_000, consenting: 10, consentingArea: 250_000 }, false, { participantsByHead: false }],
    ["most owners consent but hold too little of the area", { participants: 24, participantsArea: 240_000, consenting: 23, consentingArea: 170_000 }, false, { consentingByArea: false }],
  ] as const)("%s", (_, figures, passed, failing) => {
    const v = verdict(figures);
    expect(v.passed).toBe(passed);
    for (const [check, met] of Object.entries(failing)) expect(v.met[check], check).toBe(met);
    if (passed) expect(Object.values(v.met).every(Boolean)).toBe(true);
  });

  it("uses no rounding: 2 of 3 owners take part (exactly 2/3), 3 of 4 consent", () => {
    expect(checkOwners({ ownersTotal: 3, areaTotal: 300, participants: 2, participantsArea: 200, consenting: 2, consentingArea: 150 }).passed).toBe(true);
    expect(checkOwners({ ownersTotal: 4, areaTotal: 400, participants: 4, participantsArea: 400, consenting: 3, consentingArea: 300 }).passed).toBe(true);
    expect(checkOwners({ ownersTotal: 4, areaTotal: 400, participants: 4, participantsArea: 400, consenting: 3, consentingArea: 299 }).passed).toBe(false);
  });
});

describe("figures that cannot be", () => {
  it.each([
    [{ ownersTotal: 0 }, "noOwners"],
    [{ areaTotal: 0 }, "noOwners"],
    [{ participants: 31 }, "participantsOverTotal"],
    [{ participantsArea: 300_001 }, "areaOverTotal"],
    [{ consenting: 21 }, "consentingOverParticipants"],
    [{ consentingArea: 200_001 }, "consentingAreaOverParticipantsArea"],
    [{ participants: 0, consenting: 0, consentingArea: 0 }, "areaWithoutOwners"],
    [{ consenting: 0 }, "areaWithoutOwners"],
    [{ participantsArea: 0, consentingArea: 0 }, "ownersWithoutArea"],
    [{ consentingArea: 0 }, "ownersWithoutArea"],
    [{}, null],
  ] as const)("%j is %s", (f, problem) => {
    expect(impossibleFigures({ ...base, ...f })).toBe(problem);
  });
});

describe("the article it cites", () => {
  it("is numbered past 99 in Chinese numerals", () => {
    expect(citeArticle("civilCode:278", "zh-CN")).toBe("民法典第二百七十八条");
    expect(citeArticle("civilCode:278", "en")).toBe("Civil Code, Art. 278");
    expect([9, 10, 19, 30, 100, 105, 110, 119, 200, 278, 999].map(chineseNumber)).toEqual(["九", "十", "十九", "三十", "一百", "一百零五", "一百一十", "一百一十九", "二百", "二百七十八", "九百九十九"]);
  });
});
