// The rules as the meeting page states them, from the ratios in the data: both legal packs, a
// catalogue's higher share, and thresholds as people read them.
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { neededToOpen, neededToPass, passRule, quorumRule, shareWords } from "~/components/meetings/rule-words";
import { i18nOptions } from "~/i18n/config";
import { RULE_PACKS } from "~/workflow/rule-packs";
import { evaluateMotion, evaluateQuorum } from "~/workflow/tally";

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
    expect(quorumRule(zh, "zh-CN", residents.quorum)).toBe("到会人数须达到组成人员的三分之二以上");
    expect(quorumRule(zh, "zh-CN", villagers.quorum)).toBe("到会人数须达到组成人员的三分之二以上");
    expect(quorumRule(en, "en", villagers.quorum)).toBe("At least two thirds of the members must be present");
    expect(quorumRule(zh, "zh-CN", { num: 3, den: 5, inclusive: false })).toBe("到会人数须超过组成人员的五分之三");
    expect(passRule(zh, "zh-CN", residents.pass)).toBe("同意票须超过到会人数的二分之一");
    expect(passRule(zh, "zh-CN", { num: 2, den: 3, inclusive: true })).toBe("同意票须达到到会人数的三分之二以上");
    expect(passRule(en, "en", residents.pass)).toBe("More than half of those present must agree");
  });

  it("states thresholds in whole people, never as fractions", async () => {
    const zh = await translator("zh-CN");
    const en = await translator("en");
    const pass = RULE_PACKS["residents-representatives"].pass;
    const quorum = RULE_PACKS["residents-representatives"].quorum;
    expect(neededToPass(zh, "zh-CN", evaluateMotion({ present: 14, yes: 9, no: 0, abstain: 0, rule: pass }))).toBe("需至少 8 人同意(到会 14 人的过半数)");
    expect(neededToPass(zh, "zh-CN", evaluateMotion({ present: 11, yes: 6, no: 0, abstain: 0, rule: pass }))).toBe("需至少 6 人同意(到会 11 人的过半数)");
    expect(neededToPass(zh, "zh-CN", evaluateMotion({ present: 10, yes: 7, no: 0, abstain: 0, rule: { num: 2, den: 3, inclusive: true } }))).toBe("需至少 7 人同意(到会 10 人的三分之二)");
    expect(neededToPass(zh, "zh-CN", evaluateMotion({ present: 14, yes: 9, no: 0, abstain: 0, rule: pass, ofAll: true, members: 20 }))).toBe("需至少 11 人同意(全体组成人员 20 人的过半数)");
    expect(neededToPass(en, "en", evaluateMotion({ present: 14, yes: 9, no: 0, abstain: 0, rule: pass }))).toBe("needed at least 8 in favour (more than half of the 14 present)");
    expect(neededToOpen(zh, "zh-CN", evaluateQuorum({ present: 13, members: 20, rule: quorum }))).toBe("需至少 14 人到会(组成人员 20 人的三分之二)");
    expect(neededToOpen(en, "en", evaluateQuorum({ present: 13, members: 20, rule: quorum }))).toBe("needed at least 14 present (two thirds of the 20 members)");
  });
});
