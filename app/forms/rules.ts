import { z } from "./zod";
import { RULE_PACKS } from "../workflow/rule-packs";
import { msg } from "./messages";

// The street admin's forms on the rules page: the rules' numbers, the rule pack, catalogue entries.
// One schema per form, used by the browser (instant errors) and the server (the real check).

const required = { error: msg("errors.required") };
const int = (min: number, max: number) =>
  z.number({ error: msg("errors.integer") }).int(msg("errors.integer")).min(min, msg("errors.range", { min, max })).max(max, msg("errors.range", { min, max }));
const checkbox = z.boolean({ error: msg("errors.choice") }).default(false);
const ratioPart = int(1, 100);

/** Ratio pairs (numerator, denominator) whose numerator may not exceed the denominator. */
export const RATIOS = [
  ["quorumNum", "quorumDen"],
  ["passNum", "passDen"],
  ["meetingRequestNum", "meetingRequestDen"],
] as const;

export const rulesSchema = z
  .object({
    intent: z.literal("rules"),
    quorumNum: ratioPart,
    quorumDen: ratioPart,
    quorumInclusive: checkbox,
    passNum: ratioPart,
    passDen: ratioPart,
    passInclusive: checkbox,
    meetingRequestNum: ratioPart,
    meetingRequestDen: ratioPart,
    cosignThreshold: int(1, 1000),
    cosignWindowDays: int(1, 90),
    screeningDays: int(1, 60),
    publicityDays: int(1, 60),
    meetingNoticeDays: int(0, 30),
    ratingWindowDays: int(1, 90),
    satisfactionThresholdPct: int(0, 100),
    stalledDays: int(1, 180),
  })
  .superRefine((value, ctx) => {
    for (const [num, den] of RATIOS) {
      if (value[num] > value[den]) ctx.addIssue({ code: "custom", path: [num], message: msg("rulesEdit.numAboveDen") });
    }
  });

export type RulesValues = Omit<z.infer<typeof rulesSchema>, "intent">;
export const RULE_FIELDS = Object.keys(rulesSchema.shape).filter((k) => k !== "intent") as Array<keyof RulesValues>;

const PACK_IDS = Object.keys(RULE_PACKS) as Array<keyof typeof RULE_PACKS>;

export const packSchema = z.object({
  intent: z.literal("pack"),
  pack: z.enum(PACK_IDS as [keyof typeof RULE_PACKS, ...Array<keyof typeof RULE_PACKS>], { error: msg("errors.choice") }),
});

const catalogueFields = {
  nameZh: z.string(required).trim().min(1, msg("errors.required")).max(40, msg("errors.tooLong", { max: 40 })),
  nameEn: z.string(required).trim().min(1, msg("errors.required")).max(80, msg("errors.tooLong", { max: 80 })),
  needsVote: checkbox,
  needsPublicity: checkbox,
  passNum: ratioPart.optional(),
  passDen: ratioPart.optional(),
};

function checkOverride(value: { passNum?: number; passDen?: number }, ctx: z.RefinementCtx) {
  if ((value.passNum === undefined) !== (value.passDen === undefined)) {
    ctx.addIssue({ code: "custom", path: ["passNum"], message: msg("rulesEdit.bothOrNeither") });
  } else if (value.passNum !== undefined && value.passDen !== undefined && value.passNum > value.passDen) {
    ctx.addIssue({ code: "custom", path: ["passNum"], message: msg("rulesEdit.numAboveDen") });
  }
}

export const catalogueAddSchema = z.object({ intent: z.literal("catalogueAdd"), ...catalogueFields }).superRefine(checkOverride);

export const catalogueEditSchema = z.object({ intent: z.literal("catalogueEdit"), id: int(1, Number.MAX_SAFE_INTEGER), ...catalogueFields }).superRefine(checkOverride);

export const catalogueRemoveSchema = z.object({ intent: z.literal("catalogueRemove"), id: int(1, Number.MAX_SAFE_INTEGER) });

export type CatalogueValues = Omit<z.infer<typeof catalogueAddSchema>, "intent">;

export const RULES_INTENTS = ["rules", "pack", "catalogueAdd", "catalogueEdit", "catalogueRemove"] as const;
export type RulesIntent = (typeof RULES_INTENTS)[number];
