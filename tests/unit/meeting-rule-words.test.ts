// The rules as the meeting page states them, from the ratios in the data: both legal packs, a
// catalogue's higher share, and thresholds as people read them.
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { formatThreshold, passRule, quorumRule, shareWords } from "~/components/meetings/rule-words";
import { i18nOptions } from "~/i18n/config";
import { RULE_PACKS } from "~/workflow/rule-packs";

async function translator(lng: "zh-CN" | "en") {
  const instance = i18next.createInstance();
  await instance.init({ ...i18nOptions, lng });
  return instance.t;
}

describe("rule words", () => {
  it("names shares in Chinese and English, and falls back to a fraction", () => {
    expect(shareWords({ num: 2, den: 3 }, "zh-CN")).toBe("三分之二");
    expect(shareWords({ num: 1, den: 2 }, "zh-CN")).toBe("二分之一");
    expect(shareWords({ num: 7, den: 12 }, "zh-CN")).toBe("7/12");
    expect(shareWords({ num: 2, den: 3 }, "en")).toBe("two thirds");
    expect(shareWords({ num: 3, den: 7 }, "en")).toBe("3/7");
  });

  it("states each pack's quorum and pass rule", async () => {
    const zh = await translator("zh-CN");
    const en = await translator("en");
    const residents = RULE_PACKS["residents-representatives"];
    const villagers = RULE_PACKS["villagers-representatives"];
    expect(quorumRule(zh, "zh-CN", residents.quorum)).toBe("到会人数须过半数");
    expect(quorumRule(zh, "zh-CN", villagers.quorum)).toBe("到会人数须达到组成人员的三分之二以上");
    expect(quorumRule(en, "en", villagers.quorum)).toBe("At least two thirds of the members must be present");
    expect(quorumRule(zh, "zh-CN", { num: 3, den: 5, inclusive: false })).toBe("到会人数须超过组成人员的五分之三");
    expect(passRule(zh, "zh-CN", residents.pass)).toBe("同意票须超过到会人数的二分之一");
    expect(passRule(zh, "zh-CN", { num: 2, den: 3, inclusive: true })).toBe("同意票须达到到会人数的三分之二以上");
    expect(passRule(en, "en", residents.pass)).toBe("More than half of those present must agree");
  });

  it("prints thresholds with at most two decimals", () => {
    expect(formatThreshold(6.5)).toBe("6.5");
    expect(formatThreshold(10)).toBe("10");
    expect(formatThreshold((13 * 2) / 3)).toBe("8.67");
  });
});
