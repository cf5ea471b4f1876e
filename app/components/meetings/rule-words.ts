import type { TFunction } from "i18next";
import type { Ratio } from "~/workflow/rule-packs";

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

/** 6.5, 8.67, 10: a threshold as people read it (at most two decimals, no trailing zeros). */
export function formatThreshold(value: number): string {
  return String(Math.round(value * 100) / 100);
}
