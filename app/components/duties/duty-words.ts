import type { TFunction } from "i18next";
import type { DutyKind } from "~/workflow/duties";

/** "2026年第四季度" / "2026 Q4", "2026年下半年", "2026年": a period key of app/workflow/duties.ts in words. */
export function periodLabel(t: TFunction, key: string): string {
  const [year, part] = key.split("-");
  if (!part) return t("duties.period.year", { year });
  if (part.startsWith("H")) return t("duties.period.half", { year, half: t(`duties.period.halves.${part.slice(1)}`) });
  return t("duties.period.quarter", { year, quarter: part.slice(1) });
}

/** A duty's name in a given community kind's words (the street names several kinds at once). */
export function dutyName(t: TFunction, duty: DutyKind, kind?: string): string {
  if (kind && duty !== "appraisal") return t(`kinds.${kind}.${duty === "assembly" ? "assembly" : "repMeeting"}`);
  return t(`duties.duty.${duty}`);
}
