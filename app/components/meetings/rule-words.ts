import type { TFunction } from "i18next";
import type { Ratio } from "~/workflow/rule-packs";
import type { MotionResult, QuorumResult } from "~/workflow/tally";

const ZH_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const EN_SHARES: Record<string, string> = { "1/2": "half", "1/3": "one third", "2/3": "two thirds", "1/4": "one quarter", "3/4": "three quarters", "1/5": "one fifth", "4/5": "four fifths" };

/** A share as the rules are read aloud: 三分之二 / two thirds (plain "7/12" where no word fits). */
export function shareWords(ratio: Pick<Ratio, "num" | "den">, language: string): string {
  const { num, den } = ratio;
  if (language.startsWith("zh")) return num <= 10 && den <= 10 ? `${ZH_DIGITS[den]}分之${ZH_DIGITS[num]}` : `${num}/${den}`;
  return EN_SHARES[`${num}/${den}`] ?? `${num}/${den}`;
}

/** "到会人数须过半数" / "到会人数须达到组成人员的三分之二以上", from the rules' quorum. */
export function quorumRule(t: TFunction, language: string, rule: Ratio): string {
  if (!rule.inclusive && rule.num * 2 === rule.den) return t("meetings.rules.quorumHalf");
  return t(rule.inclusive ? "meetings.rules.quorumAtLeast" : "meetings.rules.quorumMoreThan", { share: shareWords(rule, language) });
}

/** "同意票须超过到会人数的二分之一", or the catalogue's higher share. */
export function passRule(t: TFunction, language: string, rule: Ratio): string {
  return t(rule.inclusive ? "meetings.rules.passAtLeast" : "meetings.rules.passMoreThan", { share: shareWords(rule, language) });
}

/** 过半数 / 三分之二 / 超过三分之二 (more than half / two thirds / more than two thirds): the share a threshold is of. */
export function shareOf(t: TFunction, language: string, rule: Ratio): string {
  if (!rule.inclusive && rule.num * 2 === rule.den) return t("meetings.words.half");
  return t(rule.inclusive ? "meetings.words.atLeast" : "meetings.words.moreThan", { share: shareWords(rule, language) });
}

/** "需至少 8 人同意(到会 14 人的过半数)": the pass threshold in whole people, of those present or of all members. */
export function neededToPass(t: TFunction, language: string, r: Pick<MotionResult, "minimumYes" | "base" | "ofAll" | "rule">): string {
  const of = t(r.ofAll ? "meetings.words.ofAll" : "meetings.words.ofPresent", { count: r.base });
  return t("meetings.words.neededYes", { minimum: r.minimumYes, of, share: shareOf(t, language, r.rule) });
}

/** "需至少 14 人到会(组成人员 20 人的三分之二)": the quorum in whole people. */
export function neededToOpen(t: TFunction, language: string, q: Pick<QuorumResult, "minimumPresent" | "members" | "rule">): string {
  return t("meetings.words.neededPresent", { minimum: q.minimumPresent, members: q.members, share: shareOf(t, language, q.rule) });
}
