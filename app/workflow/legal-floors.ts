import { atLeastAsStrict, citeArticle, FLOOR_ARTICLES, LEGAL_FLOORS, RULE_PACKS, type ArticleKey, type Ratio, type RulePack } from "./rule-packs";

/**
 * Where a community's numbers stand against the law: at the law's number, stricter, or looser (which
 * the rules form refuses). Pure: the form's schema, the rules page and the start-up upgrade share it.
 */
export type Standing = "atLaw" | "stricter" | "looser";
export type PackId = RulePack["id"];

/** The numbers the law sets, as the `rules` row stores them (meeting requests are always "at least"). */
export interface LegalNumbers {
  quorumNum: number;
  quorumDen: number;
  quorumInclusive: boolean;
  passNum: number;
  passDen: number;
  passInclusive: boolean;
  meetingRequestNum: number;
  meetingRequestDen: number;
  publicityDays: number;
}

export const LEGAL_FIELDS = ["quorum", "pass", "meetingRequest", "publicityDays"] as const;
export type LegalField = (typeof LEGAL_FIELDS)[number];

/**
 * A meeting must be convened when one fifth of the representatives ask. This share is a ceiling, not a
 * floor: asking for fewer signatures binds the committee sooner, so a smaller share is the stricter rule.
 */
export const MEETING_REQUEST_CEILING: Ratio = { num: 1, den: 5, inclusive: true };

/** The article behind each of the law's numbers, per pack (the meeting request: 居委会组织法 Art. 28, 村委会组织法 Art. 30). */
export function legalArticle(pack: PackId, field: LegalField): ArticleKey {
  if (field === "meetingRequest") return pack === "villagers-representatives" ? "villagers:30" : "residents:28";
  return FLOOR_ARTICLES[pack][field];
}

export function isPackId(value: string): value is PackId {
  return Object.hasOwn(RULE_PACKS, value);
}

function sameShare(a: Ratio, b: Ratio): boolean {
  return a.num * b.den === b.num * a.den && a.inclusive === b.inclusive;
}

/** A ratio that must be at least as strict as the floor (quorum, pass, a category's pass share). */
export function ratioStanding(value: Ratio, floor: Ratio): Standing {
  if (!atLeastAsStrict(value, floor)) return "looser";
  return sameShare(value, floor) ? "atLaw" : "stricter";
}

function meetingRequestStanding(num: number, den: number): Standing {
  const lhs = num * MEETING_REQUEST_CEILING.den;
  const rhs = MEETING_REQUEST_CEILING.num * den;
  return lhs > rhs ? "looser" : lhs === rhs ? "atLaw" : "stricter";
}

/** Each of the law's numbers in `values`, against the law. */
export function legalStanding(values: LegalNumbers): Record<LegalField, Standing> {
  const days = values.publicityDays - LEGAL_FLOORS.publicityDays;
  return {
    quorum: ratioStanding({ num: values.quorumNum, den: values.quorumDen, inclusive: values.quorumInclusive }, LEGAL_FLOORS.quorum),
    pass: ratioStanding({ num: values.passNum, den: values.passDen, inclusive: values.passInclusive }, LEGAL_FLOORS.pass),
    meetingRequest: meetingRequestStanding(values.meetingRequestNum, values.meetingRequestDen),
    publicityDays: days < 0 ? "looser" : days === 0 ? "atLaw" : "stricter",
  };
}

/** A catalogue category's own pass share ("at least num/den") against the law's "more than half". */
export function categoryPassStanding(num: number, den: number): Standing {
  return ratioStanding({ num, den, inclusive: true }, LEGAL_FLOORS.pass);
}

/** The article in both languages, as message parameters ({{zh}} / {{en}} in the translations). */
export function citationParams(article: ArticleKey): { zh: string; en: string } {
  return { zh: citeArticle(article, "zh-CN"), en: citeArticle(article, "en") };
}

/**
 * The law's numbers for a community moving to the revised pack: each number the law sets, unless the
 * community's own number is already stricter (then it stays).
 */
export function revisedNumbers(current: LegalNumbers, pack: RulePack): LegalNumbers {
  const standing = legalStanding(current);
  const keep = (field: LegalField) => standing[field] === "stricter";
  return {
    ...(keep("quorum")
      ? { quorumNum: current.quorumNum, quorumDen: current.quorumDen, quorumInclusive: current.quorumInclusive }
      : { quorumNum: pack.quorum.num, quorumDen: pack.quorum.den, quorumInclusive: pack.quorum.inclusive }),
    ...(keep("pass")
      ? { passNum: current.passNum, passDen: current.passDen, passInclusive: current.passInclusive }
      : { passNum: pack.pass.num, passDen: pack.pass.den, passInclusive: pack.pass.inclusive }),
    ...(keep("meetingRequest")
      ? { meetingRequestNum: current.meetingRequestNum, meetingRequestDen: current.meetingRequestDen }
      : { meetingRequestNum: pack.meetingRequest.num, meetingRequestDen: pack.meetingRequest.den }),
    publicityDays: keep("publicityDays") ? current.publicityDays : pack.publicityDays,
  };
}
