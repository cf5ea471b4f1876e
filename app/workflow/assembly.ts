/**
 * The 村民会议 / 居民会议 (assembly) and what the revised laws ask around it, as data (no I/O): which
 * body a meeting is, how an assembly counts its attendance, its quorum and request shares, and the
 * village's 四议两公开 steps and the yearly 民主评议. Every number names the article that sets it.
 */
import type { ArticleKey, Ratio } from "./rule-packs";

/** Which body sits: the representatives' meeting (代表会议) or the assembly (村民会议 / 居民会议). */
export const MEETING_BODIES = ["representatives", "assembly"] as const;
export type MeetingBody = (typeof MEETING_BODIES)[number];

/**
 * How an assembly's attendance is counted, chosen by the convener when scheduling: adults aged 18+
 * (persons) or household representatives (户的代表, one per household).
 */
export const ASSEMBLY_COUNTS = ["persons", "households"] as const;
export type AssemblyCount = (typeof ASSEMBLY_COUNTS)[number];

/** Who decides a catalogue category's matters: the representatives' meeting, or only the assembly (村委会组织法 Art. 28). */
export const DECIDING_BODIES = ["representatives", "assembly"] as const;
export type DecidingBody = (typeof DECIDING_BODIES)[number];

/** What a motion to undo an earlier decision does to it (村委会组织法 Art. 27; 居委会组织法 Art. 30 ¶3). */
export const UNDO_KINDS = ["revoke", "change"] as const;
export type UndoKind = (typeof UNDO_KINDS)[number];

export interface AssemblyRules {
  kind: "urban" | "village";
  /** Present for a valid assembly, by how attendance is counted. */
  quorum: Record<AssemblyCount, Ratio>;
  /** Decisions: more than half of those present. */
  pass: Ratio;
  /** Must be convened when this share of adults (persons) or of household representatives asks… */
  request: Record<AssemblyCount, Ratio | null>;
  /** …or this share of the representatives. */
  requestByRepresentatives: Ratio;
  noticeDays: number;
  /** The law's rhythm: at least once every N months (village: yearly); null where the law sets none. */
  conveneEveryMonths: number | null;
  articles: { quorum: ArticleKey; convene: ArticleKey; undo: ArticleKey; appraisal: ArticleKey; members: ArticleKey };
}

const MORE_THAN_HALF: Ratio = { num: 1, den: 2, inclusive: false };
const ONE_TENTH: Ratio = { num: 1, den: 10, inclusive: true };
const ONE_THIRD: Ratio = { num: 1, den: 3, inclusive: true };

/**
 * 村民会议: more than half of villagers aged 18+, or at least two thirds of households' representatives
 * (村委会组织法 Art. 26); asked for by 1/10 of villagers or 1/3 of representatives, 10 days' notice, at
 * least once a year (Art. 25). 居民会议: more than half of adult residents or of household
 * representatives (居委会组织法 Art. 27); asked for by 1/10 of adult residents or household
 * representatives, or 1/3 of representatives, 10 days' notice (Art. 26).
 */
export const ASSEMBLY_RULES: Record<"urban" | "village", AssemblyRules> = {
  village: {
    kind: "village",
    quorum: { persons: MORE_THAN_HALF, households: { num: 2, den: 3, inclusive: true } },
    pass: MORE_THAN_HALF,
    request: { persons: ONE_TENTH, households: null },
    requestByRepresentatives: ONE_THIRD,
    noticeDays: 10,
    conveneEveryMonths: 12,
    articles: { quorum: "villagers:26", convene: "villagers:25", undo: "villagers:27", appraisal: "villagers:38", members: "villagers:25" },
  },
  urban: {
    kind: "urban",
    quorum: { persons: MORE_THAN_HALF, households: MORE_THAN_HALF },
    pass: MORE_THAN_HALF,
    request: { persons: ONE_TENTH, households: ONE_TENTH },
    requestByRepresentatives: ONE_THIRD,
    noticeDays: 10,
    conveneEveryMonths: null,
    articles: { quorum: "residents:27", convene: "residents:26", undo: "residents:30:3", appraisal: "residents:37", members: "residents:26" },
  },
};

export function assemblyRulesFor(kind: "urban" | "village"): AssemblyRules {
  return ASSEMBLY_RULES[kind];
}

/** The age from which a person belongs to the assembly (村委会组织法 Art. 25; 居委会组织法 Art. 26). */
export const ASSEMBLY_AGE = 18;

/** Is one born on `birthDate` (YYYY-MM-DD) aged 18 or more on `onDate` (YYYY-MM-DD)? String arithmetic, no time zones. */
export function isAdultOn(birthDate: string, onDate: string): boolean {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = onDate.split("-").map(Number);
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return age >= ASSEMBLY_AGE;
}

/**
 * 四议两公开 (villages; provincial regulation, party-led): the three deliberations recorded on a topic
 * before its decision, in this order, each by the role that holds it; the fourth is the vote itself.
 */
export const FOUR_TWO_STEPS = ["partyProposal", "twoCommittees", "partyMembers"] as const;
export type FourTwoStep = (typeof FOUR_TWO_STEPS)[number];

/** Who records each step: the party organisation proposes and its members' meeting reviews; 两委 = the party organisation with the village committee's members. */
export const FOUR_TWO_ROLES: Record<FourTwoStep, readonly ("party" | "committeeMember")[]> = {
  partyProposal: ["party"],
  twoCommittees: ["party", "committeeMember"],
  partyMembers: ["party"],
};

export const STEP_OUTCOMES = ["agreed", "agreedWithChanges", "notAgreed"] as const;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];

/** 民主评议: each committee member is rated 称职 / 基本称职 / 不称职 (村委会组织法 Art. 38; 居委会组织法 Art. 37). */
export const APPRAISAL_RATINGS = ["competent", "basicallyCompetent", "incompetent"] as const;
export type AppraisalRating = (typeof APPRAISAL_RATINGS)[number];
export const APPRAISAL_STATUSES = ["open", "closed"] as const;
export type AppraisalStatus = (typeof APPRAISAL_STATUSES)[number];
