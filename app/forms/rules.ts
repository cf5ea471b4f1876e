import { z } from "./zod";
import { categoryPassStanding, citationParams, legalArticle, legalStanding, type LegalField, type PackId } from "../workflow/legal-floors";
import { FLOOR_ARTICLES, RULE_PACKS } from "../workflow/rule-packs";
import { msg } from "./messages";
import { isTimeZone } from "../i18n/time-zone";

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

const rulesObject = z.object({
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
    /** The community's IANA time zone, one the runtime knows (app/i18n/time-zone.ts). */
    timeZone: z.string(required).refine(isTimeZone, msg("timeZone.unknown")),
});

/** The field a refusal of each of the law's numbers is shown on, and its message key. */
const FLOOR_ERRORS: Record<LegalField, { path: string; key: string }> = {
  quorum: { path: "quorumNum", key: "rulesEdit.quorumFloor" },
  pass: { path: "passNum", key: "rulesEdit.passFloor" },
  meetingRequest: { path: "meetingRequestNum", key: "rulesEdit.meetingRequestFloor" },
  publicityDays: { path: "publicityDays", key: "rulesEdit.publicityFloor" },
};

/**
 * The rules form for a community running `pack`: a number looser than the law is refused, naming the
 * article that forbids it (the pack decides which law's article); a stricter one is fine.
 */
function makeRulesSchema(pack: PackId) {
  return rulesObject.superRefine((value, ctx) => {
    let ratiosValid = true;
    for (const [num, den] of RATIOS) {
      if (value[num] > value[den]) {
        ratiosValid = false;
        ctx.addIssue({ code: "custom", path: [num], message: msg("rulesEdit.numAboveDen") });
      }
    }
    if (!ratiosValid) return;
    const standing = legalStanding(value);
    for (const [field, { path, key }] of Object.entries(FLOOR_ERRORS) as Array<[LegalField, { path: string; key: string }]>) {
      if (standing[field] === "looser") ctx.addIssue({ code: "custom", path: [path], message: msg(key, citationParams(legalArticle(pack, field))) });
    }
  });
}

const PACK_IDS = Object.keys(RULE_PACKS) as PackId[];
const byPack = <T>(make: (pack: PackId) => T) => Object.fromEntries(PACK_IDS.map((p) => [p, make(p)])) as Record<PackId, T>;
const RULES_SCHEMAS = byPack(makeRulesSchema);

export function rulesSchema(pack: PackId) {
  return RULES_SCHEMAS[pack];
}

export type RulesValues = Omit<z.infer<typeof rulesObject>, "intent">;
export const RULE_FIELDS = Object.keys(rulesObject.shape).filter((k) => k !== "intent") as Array<keyof RulesValues>;

export const packSchema = z.object({
  intent: z.literal("pack"),
  pack: z.enum(PACK_IDS as [PackId, ...PackId[]], { error: msg("errors.choice") }),
});

const catalogueFields = {
  nameZh: z.string(required).trim().min(1, msg("errors.required")).max(40, msg("errors.tooLong", { max: 40 })),
  nameEn: z.string(required).trim().min(1, msg("errors.required")).max(80, msg("errors.tooLong", { max: 80 })),
  needsVote: checkbox,
  needsPublicity: checkbox,
  /** 重要事项: the party organisation studies it before the vote (村委会组织法 Art. 28 ¶3; 居委会组织法 Art. 30 ¶4). */
  important: checkbox,
  /** 四议两公开 (villages only: the action refuses it for an urban community). */
  fourTwo: checkbox,
  /** The category's pass share counts all 组成人员 on the roster, not only those present. */
  passOfAll: checkbox,
  /** Decided by the building's owners (民法典 Art. 278), not by the representatives. */
  ownersDecide: checkbox,
  /** Consultation may be skipped for the category, once the committee records why (topics.consultationWaiver). */
  consultationOptional: checkbox,
  /** Only the assembly decides (村委会组织法 Art. 28), unless it authorised the representatives' meeting (powers-matters.server.ts). */
  assemblyDecides: checkbox,
  passNum: ratioPart.optional(),
  passDen: ratioPart.optional(),
};

function checkOverride(pack: PackId) {
  return (value: { passNum?: number; passDen?: number }, ctx: z.RefinementCtx) => {
    if ((value.passNum === undefined) !== (value.passDen === undefined)) {
      ctx.addIssue({ code: "custom", path: ["passNum"], message: msg("rulesEdit.bothOrNeither") });
    } else if (value.passNum !== undefined && value.passDen !== undefined) {
      if (value.passNum > value.passDen) ctx.addIssue({ code: "custom", path: ["passNum"], message: msg("rulesEdit.numAboveDen") });
      else if (categoryPassStanding(value.passNum, value.passDen) === "looser") {
        ctx.addIssue({ code: "custom", path: ["passNum"], message: msg("rulesEdit.categoryPassFloor", citationParams(FLOOR_ARTICLES[pack].pass)) });
      }
    }
  };
}

const entryId = { id: int(1, Number.MAX_SAFE_INTEGER) };
const CATALOGUE_ADD = byPack((pack) => z.object({ intent: z.literal("catalogueAdd"), ...catalogueFields }).superRefine(checkOverride(pack)));
const CATALOGUE_EDIT = byPack((pack) => z.object({ intent: z.literal("catalogueEdit"), ...entryId, ...catalogueFields }).superRefine(checkOverride(pack)));

export function catalogueAddSchema(pack: PackId) {
  return CATALOGUE_ADD[pack];
}

export function catalogueEditSchema(pack: PackId) {
  return CATALOGUE_EDIT[pack];
}

export const catalogueRemoveSchema = z.object({ intent: z.literal("catalogueRemove"), ...entryId });

export type CatalogueValues = Omit<z.infer<(typeof CATALOGUE_ADD)[PackId]>, "intent">;

export const RULES_INTENTS = ["rules", "pack", "catalogueAdd", "catalogueEdit", "catalogueRemove"] as const;
export type RulesIntent = (typeof RULES_INTENTS)[number];
