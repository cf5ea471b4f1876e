import { useMemo } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { neededToOpen, neededToPass } from "~/components/meetings/rule-words";
import { useFormats } from "~/components/topic/formats";
import type { MotionStatus } from "~/workflow/meetings";
import type { Ratio } from "~/workflow/rule-packs";
import type { MotionResult, QuorumResult } from "~/workflow/tally";

/**
 * The sentences the screen and the minutes share: a rule's share ("超过 1/2"), what it asks for
 * in whole people ("需至少 7 人同意(到会 13 人的过半数)"), and the arithmetic of a result.
 */
export function useRecordWords() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { time } = useFormats();
  return useMemo(() => {
    const ratio = (rule: Ratio) => t(rule.inclusive ? "rules.atLeast" : "rules.moreThan", { num: rule.num, den: rule.den });
    const verdict = (passed: boolean) => t(passed ? "meetingRecords.motionStatus.passed" : "meetingRecords.motionStatus.failed");
    return {
      /** 13:47 — the hour of a check-in or a ballot (the minutes give the meeting's date once). */
      clock: time,
      ratio,
      verdict,
      arithmetic: (r: MotionResult) => t("meetingRecords.arithmetic", { present: r.present, yes: r.yes, needed: neededToPass(t, language, r), verdict: verdict(r.passed) }),
      quorumArithmetic: (q: QuorumResult) =>
        t("meetingRecords.quorumArithmetic", {
          present: q.present,
          needed: neededToOpen(t, language, q),
          verdict: t(q.met ? "meetingRecords.quorumMet" : "meetingRecords.quorumNotMet"),
        }),
      /** 待表决 / 表决中 / 通过 / 未通过 */
      motionStatus: (status: MotionStatus, passed: boolean | null) =>
        status === "closed" ? verdict(Boolean(passed)) : t(`meetingRecords.motionStatus.${status}`),
      resolution: (r: { year: number; number: number }) => t("meetingRecords.resolutionNumber", { year: r.year, number: r.number }),
      basis: (rules: { basisZh: string; basisEn: string }) => (language === "en" ? rules.basisEn : rules.basisZh),
    };
  }, [t, language, time]);
}
