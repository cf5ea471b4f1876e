import { describe, expect, it } from "vitest";
import {
  ARTICLES,
  atLeastAsStrict,
  chineseNumber,
  citeArticle,
  FLOOR_ARTICLES,
  LEGAL_FLOORS,
  meetsRatio,
  packForKind,
  ratioText,
  RULE_PACKS,
  type Ratio,
} from "~/workflow/rule-packs";

const villagers = RULE_PACKS["villagers-representatives"];
const residents = RULE_PACKS["residents-representatives"];
const PACKS = [residents, villagers];

describe("quorum and pass at the edges (both packs, roster 1–40 × every present count)", () => {
  for (const pack of PACKS) {
    it(`${pack.id}: quorate iff present × 3 ≥ roster × 2; passes iff yes × 2 > present`, () => {
      let cases = 0;
      for (let roster = 1; roster <= 40; roster++) {
        for (let present = 0; present <= roster; present++) {
          expect(meetsRatio(present, roster, pack.quorum), `${present}/${roster} present`).toBe(present * 3 >= roster * 2);
          for (let yes = 0; yes <= present; yes++) {
            expect(meetsRatio(yes, present, pack.pass), `${yes}/${present} yes`).toBe(yes * 2 > present);
            cases++;
          }
        }
      }
      expect(cases).toBe(12340);
    });
  }

  it.each([
    [10, 15, true],
    [9, 15, false],
    [2, 3, true],
    [1, 3, false],
    [0, 1, false],
    [1, 1, true],
    [27, 40, true],
    [26, 40, false],
  ])("quorum: %i of %i present → %s (urban now 2/3 of 组成人员 too)", (present, roster, expected) => {
    expect(meetsRatio(present, roster, residents.quorum)).toBe(expected);
    expect(meetsRatio(present, roster, villagers.quorum)).toBe(expected);
  });

  it.each([
    [7, 13, true],
    [6, 13, false],
    [5, 10, false],
    [6, 10, true],
    [0, 0, false],
    [1, 1, true],
  ])("pass: %i of %i agree → %s", (yes, present, expected) => {
    expect(meetsRatio(yes, present, residents.pass)).toBe(expected);
    expect(meetsRatio(yes, present, villagers.pass)).toBe(expected);
  });
});

describe("the packs carry their articles", () => {
  it("urban: 居委会组织法 Art. 28, 29, 30 ¶4, 34, 36; meetings every half year", () => {
    expect(residents.articles).toEqual(["residents:28", "residents:29", "residents:30:4", "residents:34", "residents:36"]);
    expect(residents.partyReviewArticle).toBe("residents:30:4");
    expect(residents.publicityArticle).toBe("residents:34");
    expect(residents.conveneEveryMonths).toBe(6);
    expect(residents.basisZh).toContain("城市居民委员会组织法》第二十八条、第二十九条");
    expect(residents.basisEn).toContain("Art. 28–29");
    expect(packForKind("urban")).toBe(residents);
  });

  it("village: 村委会组织法 Art. 29, 30, 28 ¶3, 35, 37; meetings every quarter", () => {
    expect(villagers.articles).toEqual(["villagers:29", "villagers:30", "villagers:28:3", "villagers:35", "villagers:37"]);
    expect(villagers.partyReviewArticle).toBe("villagers:28:3");
    expect(villagers.publicityArticle).toBe("villagers:35");
    expect(villagers.conveneEveryMonths).toBe(3);
    expect(villagers.basisZh).toContain("村民委员会组织法》第二十九条、第三十条");
    expect(villagers.basisEn).toContain("Art. 29–30");
    expect(packForKind("village")).toBe(villagers);
  });

  it("every article a pack or a floor names exists, and its text says what the pack's numbers say", () => {
    for (const pack of PACKS) {
      for (const key of [...pack.articles, ...Object.values(FLOOR_ARTICLES[pack.id])]) expect(ARTICLES).toHaveProperty([key]);
      const floors = FLOOR_ARTICLES[pack.id];
      expect(ARTICLES[floors.quorum].textZh).toContain("三分之二以上的组成人员参加方可召开");
      expect(ARTICLES[floors.pass].textZh).toContain("过半数");
      expect(ARTICLES[floors.publicityDays].textZh).toContain("公布的期限不得少于十五日");
      expect(ARTICLES[floors.representativesShare].textZh).toContain("五分之四以上");
    }
  });

  it("both packs start at the legal floors", () => {
    for (const pack of PACKS) {
      expect(pack.quorum).toEqual(LEGAL_FLOORS.quorum);
      expect(pack.pass).toEqual(LEGAL_FLOORS.pass);
      expect(pack.publicityDays).toBe(15);
      expect(pack.meetingRequest).toEqual({ num: 1, den: 5, inclusive: true });
    }
  });
});

describe("citeArticle", () => {
  it.each([
    ["residents:29", "居委会组织法第二十九条", "Organic Law of Urban Residents' Committees, Art. 29"],
    ["residents:28", "居委会组织法第二十八条", "Organic Law of Urban Residents' Committees, Art. 28"],
    ["residents:30:4", "居委会组织法第三十条第四款", "Organic Law of Urban Residents' Committees, Art. 30 ¶4"],
    ["residents:34", "居委会组织法第三十四条", "Organic Law of Urban Residents' Committees, Art. 34"],
    ["villagers:30", "村委会组织法第三十条", "Organic Law of Villagers' Committees, Art. 30"],
    ["villagers:28:3", "村委会组织法第二十八条第三款", "Organic Law of Villagers' Committees, Art. 28 ¶3"],
    ["villagers:35", "村委会组织法第三十五条", "Organic Law of Villagers' Committees, Art. 35"],
    ["civilCode:278", "民法典第二百七十八条", "Civil Code, Art. 278"],
  ] as const)("%s → %s / %s", (key, zh, en) => {
    expect(citeArticle(key, "zh-CN")).toBe(zh);
    expect(citeArticle(key, "en")).toBe(en);
  });

  it.each([
    [1, "一"],
    [10, "十"],
    [11, "十一"],
    [20, "二十"],
    [29, "二十九"],
    [99, "九十九"],
    [100, "一百"],
    [105, "一百零五"],
    [110, "一百一十"],
    [278, "二百七十八"],
  ])("chineseNumber(%i) = %s", (n, zh) => {
    expect(chineseNumber(n)).toBe(zh);
  });
});

describe("atLeastAsStrict", () => {
  const r = (num: number, den: number, inclusive: boolean): Ratio => ({ num, den, inclusive });
  it.each([
    // a, b, a at least as strict as b
    [r(2, 3, true), r(2, 3, true), true],
    [r(4, 6, true), r(2, 3, true), true],
    [r(3, 5, true), r(2, 3, true), false],
    [r(3, 4, true), r(2, 3, true), true],
    [r(2, 3, false), r(2, 3, true), true],
    [r(2, 3, true), r(2, 3, false), false],
    [r(1, 2, true), r(1, 2, false), false],
    [r(1, 2, false), r(1, 2, false), true],
    [r(51, 100, true), r(1, 2, false), true],
    [r(1, 2, false), r(51, 100, true), false],
    [r(1, 1, true), r(2, 3, true), true],
  ])("%o vs %o → %s", (a, b, expected) => {
    expect(atLeastAsStrict(a, b)).toBe(expected);
  });
});

describe("ratioText", () => {
  it("writes at-least and more-than shares as the ledger records them", () => {
    expect(ratioText(villagers.quorum)).toBe(">=2/3");
    expect(ratioText(residents.pass)).toBe(">1/2");
  });
});
