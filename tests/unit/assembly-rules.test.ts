import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ASSEMBLY_RULES, FOUR_TWO_STEPS, isAdultOn } from "~/workflow/assembly";
import { ARTICLES, citeArticle, meetsRatio } from "~/workflow/rule-packs";
import { evaluateQuorum, minimumFor } from "~/workflow/tally";

const village = ASSEMBLY_RULES.village;
const urban = ASSEMBLY_RULES.urban;

describe("the assembly's quorum at the edges (村委会组织法 Art. 26; 居委会组织法 Art. 27)", () => {
  it("village, persons: more than half of villagers aged 18+ (every register of 1–200 adults)", () => {
    for (let adults = 1; adults <= 200; adults++) {
      for (let present = 0; present <= adults; present++) {
        expect(meetsRatio(present, adults, village.quorum.persons), `${present}/${adults}`).toBe(present * 2 > adults);
      }
    }
    expect(evaluateQuorum({ present: 50, members: 100, rule: village.quorum.persons }).met).toBe(false);
    expect(evaluateQuorum({ present: 51, members: 100, rule: village.quorum.persons })).toMatchObject({ met: true, minimumPresent: 51 });
  });

  it("village, households: at least two thirds of household representatives (1–120 households)", () => {
    for (let households = 1; households <= 120; households++) {
      for (let present = 0; present <= households; present++) {
        expect(meetsRatio(present, households, village.quorum.households), `${present}/${households}`).toBe(present * 3 >= households * 2);
      }
    }
    // 40 households (石榴村's register): 27 is the fewest (26.67 rounds up); 30 → exactly 20.
    expect(minimumFor(40, village.quorum.households)).toBe(27);
    expect(evaluateQuorum({ present: 20, members: 30, rule: village.quorum.households }).met).toBe(true);
    expect(evaluateQuorum({ present: 19, members: 30, rule: village.quorum.households }).met).toBe(false);
  });

  it("urban: more than half, of adult residents or of household representatives alike", () => {
    for (const count of ["persons", "households"] as const) {
      for (let whole = 1; whole <= 120; whole++) {
        for (let present = 0; present <= whole; present++) {
          expect(meetsRatio(present, whole, urban.quorum[count]), `${count} ${present}/${whole}`).toBe(present * 2 > whole);
        }
      }
    }
    expect(minimumFor(30, urban.quorum.households)).toBe(16);
  });

  it("decisions by more than half of those present, in both", () => {
    for (const rules of [village, urban]) {
      expect(meetsRatio(26, 51, rules.pass)).toBe(true);
      expect(meetsRatio(25, 51, rules.pass)).toBe(false);
      expect(meetsRatio(25, 50, rules.pass)).toBe(false);
    }
  });
});

describe("who can make the committee convene an assembly (村委会组织法 Art. 25; 居委会组织法 Art. 26)", () => {
  it("one tenth of adults (rounded up), or one third of the representatives", () => {
    for (const rules of [village, urban]) {
      expect(minimumFor(95, rules.request.persons!)).toBe(10);
      expect(meetsRatio(9, 95, rules.request.persons!)).toBe(false);
      expect(meetsRatio(10, 100, rules.request.persons!)).toBe(true);
      expect(meetsRatio(10, 30, rules.requestByRepresentatives)).toBe(true);
      expect(meetsRatio(9, 30, rules.requestByRepresentatives)).toBe(false);
      expect(rules.noticeDays).toBe(10);
    }
  });
  it("urban residents may also ask as one tenth of household representatives; the village law names villagers only", () => {
    expect(urban.request.households).toEqual({ num: 1, den: 10, inclusive: true });
    expect(village.request.households).toBeNull();
  });
  it("a village assembly sits at least once a year; the urban law sets no rhythm for the assembly", () => {
    expect(village.conveneEveryMonths).toBe(12);
    expect(urban.conveneEveryMonths).toBeNull();
  });
});

describe("aged 18 or more on the meeting's day", () => {
  it("counts birthdays to the day, leap days included", () => {
    expect(isAdultOn("2008-12-07", "2026-12-07")).toBe(true);
    expect(isAdultOn("2008-12-08", "2026-12-07")).toBe(false);
    expect(isAdultOn("2008-02-29", "2026-02-28")).toBe(false);
    expect(isAdultOn("2008-02-29", "2026-03-01")).toBe(true);
    expect(isAdultOn("1950-01-01", "2026-12-07")).toBe(true);
  });
});

describe("the articles the hall quotes", () => {
  const law = readFileSync(new URL("../../docs/law-texts.md", import.meta.url), "utf8");
  const normalise = (s: string) => s.replaceAll(/\s+/g, "");
  it.each(Object.entries(ARTICLES).filter(([, a]) => a.law !== "civilCode"))("%s is quoted as the law stands, each sentence of it", (key, article) => {
    const text = normalise(law);
    for (const part of article.textZh.split("……")) {
      for (const sentence of part.split(/(?<=[。；：])/).filter((s) => s.length > 1)) {
        expect(text, `${key}: ${sentence}`).toContain(normalise(sentence.replace(/^（[一二三四五六]）/, "")));
      }
    }
    expect(citeArticle(key as keyof typeof ARTICLES, "zh-CN")).toMatch(/^(村委会|居委会)组织法第/);
  });
  it("四议 come in the law's order of practice: the party proposes, the two committees confer, the party members review", () => {
    expect(FOUR_TWO_STEPS).toEqual(["partyProposal", "twoCommittees", "partyMembers"]);
  });
});
