/**
 * 业主共同决定 (民法典 Art. 278), e.g. 加装电梯: owners holding at least two thirds of the exclusive area
 * AND at least two thirds of the owners take part; at least three quarters of the participating area AND
 * of the participating owners consent. Pure and in whole numbers (areas in hundredths of a m²): safe to
 * import from the browser.
 */
import { meetsRatio, type Ratio } from "./rule-packs";

export interface OwnersFigures {
  ownersTotal: number;
  /** Exclusive areas in hundredths of a square metre. */
  areaTotal: number;
  participants: number;
  participantsArea: number;
  consenting: number;
  consentingArea: number;
}

export const TAKE_PART: Ratio = { num: 2, den: 3, inclusive: true };
export const CONSENT: Ratio = { num: 3, den: 4, inclusive: true };

export const OWNERS_CHECKS = ["participantsByHead", "participantsByArea", "consentingByHead", "consentingByArea"] as const;
export type OwnersCheck = (typeof OWNERS_CHECKS)[number];

/** Figures that cannot be: a key under `owners.impossible` in the translations. */
export type OwnersImpossible = "noOwners" | "participantsOverTotal" | "areaOverTotal" | "consentingOverParticipants" | "consentingAreaOverParticipantsArea" | "areaWithoutOwners" | "ownersWithoutArea";

/** Why these figures cannot be true, or null. The checks need no more than this to be meaningful. */
export function impossibleFigures(f: OwnersFigures): OwnersImpossible | null {
  if (f.ownersTotal < 1 || f.areaTotal < 1) return "noOwners";
  if (f.participants > f.ownersTotal) return "participantsOverTotal";
  if (f.participantsArea > f.areaTotal) return "areaOverTotal";
  if (f.consenting > f.participants) return "consentingOverParticipants";
  if (f.consentingArea > f.participantsArea) return "consentingAreaOverParticipantsArea";
  // Every owner holds some area, and area is held by some owner.
  if ((f.participants === 0 && f.participantsArea > 0) || (f.consenting === 0 && f.consentingArea > 0)) return "areaWithoutOwners";
  if ((f.participants > 0 && f.participantsArea === 0) || (f.consenting > 0 && f.consentingArea === 0)) return "ownersWithoutArea";
  return null;
}

/** The four checks of Art. 278, each with its part, whole and share; passed only when all four are met. */
export function checkOwners(f: OwnersFigures) {
  const checks: Array<{ check: OwnersCheck; part: number; whole: number; ratio: Ratio; met: boolean; area: boolean }> = [
    { check: "participantsByHead", part: f.participants, whole: f.ownersTotal, ratio: TAKE_PART, met: false, area: false },
    { check: "participantsByArea", part: f.participantsArea, whole: f.areaTotal, ratio: TAKE_PART, met: false, area: true },
    { check: "consentingByHead", part: f.consenting, whole: f.participants, ratio: CONSENT, met: false, area: false },
    { check: "consentingByArea", part: f.consentingArea, whole: f.participantsArea, ratio: CONSENT, met: false, area: true },
  ];
  for (const c of checks) c.met = meetsRatio(c.part, c.whole, c.ratio);
  return { checks, passed: checks.every((c) => c.met) };
}

/** Hundredths of a m² as typed ("1200", "85.5", "0.08" m²), shown back the same way. */
export function areaText(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}`;
}
