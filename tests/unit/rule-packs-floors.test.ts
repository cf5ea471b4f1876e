import { describe, expect, it } from "vitest";
import { categoryPassStanding, legalArticle, legalStanding, revisedNumbers, type LegalNumbers } from "~/workflow/legal-floors";
import { RULE_PACKS } from "~/workflow/rule-packs";

const AT_LAW: LegalNumbers = { quorumNum: 2, quorumDen: 3, quorumInclusive: true, passNum: 1, passDen: 2, passInclusive: false, meetingRequestNum: 1, meetingRequestDen: 5, publicityDays: 15 };

describe("legalStanding: each of the law's numbers against the law", () => {
  it("the packs' own numbers are at the law", () => {
    expect(legalStanding(AT_LAW)).toEqual({ quorum: "atLaw", pass: "atLaw", meetingRequest: "atLaw", publicityDays: "atLaw" });
  });

  it.each([
    [{ quorumNum: 1, quorumDen: 2, quorumInclusive: false }, "quorum", "looser"],
    [{ quorumNum: 3, quorumDen: 5 }, "quorum", "looser"],
    [{ quorumNum: 2, quorumDen: 3, quorumInclusive: false }, "quorum", "stricter"],
    [{ quorumNum: 4, quorumDen: 6 }, "quorum", "atLaw"],
    [{ quorumNum: 3, quorumDen: 4 }, "quorum", "stricter"],
    [{ passNum: 1, passDen: 2, passInclusive: true }, "pass", "looser"],
    [{ passNum: 2, passDen: 5, passInclusive: false }, "pass", "looser"],
    [{ passNum: 2, passDen: 4, passInclusive: false }, "pass", "atLaw"],
    [{ passNum: 2, passDen: 3, passInclusive: true }, "pass", "stricter"],
    [{ passNum: 51, passDen: 100, passInclusive: true }, "pass", "stricter"],
    // A meeting must be called when 1/5 ask: asking MORE signatures is looser, fewer is stricter.
    [{ meetingRequestNum: 1, meetingRequestDen: 4 }, "meetingRequest", "looser"],
    [{ meetingRequestNum: 1, meetingRequestDen: 3 }, "meetingRequest", "looser"],
    [{ meetingRequestNum: 2, meetingRequestDen: 10 }, "meetingRequest", "atLaw"],
    [{ meetingRequestNum: 1, meetingRequestDen: 10 }, "meetingRequest", "stricter"],
    [{ publicityDays: 14 }, "publicityDays", "looser"],
    [{ publicityDays: 7 }, "publicityDays", "looser"],
    [{ publicityDays: 16 }, "publicityDays", "stricter"],
  ] as const)("%o → %s %s", (change, field, standing) => {
    expect(legalStanding({ ...AT_LAW, ...change })[field]).toBe(standing);
  });

  it("a category's pass share must be more than half", () => {
    expect(categoryPassStanding(1, 2)).toBe("looser");
    expect(categoryPassStanding(2, 5)).toBe("looser");
    expect(categoryPassStanding(51, 100)).toBe("stricter");
    expect(categoryPassStanding(2, 3)).toBe("stricter");
  });

  it("names the article that sets each number, per pack", () => {
    expect(legalArticle("residents-representatives", "quorum")).toBe("residents:29");
    expect(legalArticle("residents-representatives", "pass")).toBe("residents:29");
    expect(legalArticle("residents-representatives", "meetingRequest")).toBe("residents:28");
    expect(legalArticle("residents-representatives", "publicityDays")).toBe("residents:34");
    expect(legalArticle("villagers-representatives", "quorum")).toBe("villagers:30");
    expect(legalArticle("villagers-representatives", "meetingRequest")).toBe("villagers:30");
    expect(legalArticle("villagers-representatives", "publicityDays")).toBe("villagers:35");
  });
});

describe("revisedNumbers: the upgrade's numbers", () => {
  const urban = RULE_PACKS["residents-representatives"];
  it("an old urban rule (more than half present, 7 days) moves to the law's numbers", () => {
    const old = { ...AT_LAW, quorumNum: 1, quorumDen: 2, quorumInclusive: false, publicityDays: 7 };
    expect(revisedNumbers(old, urban)).toEqual(AT_LAW);
  });

  it("keeps each local number already stricter than the law, and only those", () => {
    const local = { ...AT_LAW, quorumNum: 3, quorumDen: 4, passNum: 1, passDen: 2, passInclusive: true, meetingRequestNum: 1, meetingRequestDen: 10, publicityDays: 30 };
    expect(revisedNumbers(local, urban)).toEqual({ ...local, passNum: 1, passDen: 2, passInclusive: false });
  });
});
