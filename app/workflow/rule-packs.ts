/**
 * Named rule packs: the legal defaults a community starts from. Every number is data and can be
 * changed per community afterwards; the basis is shown next to the rule wherever it is applied.
 */
export interface Ratio {
  num: number;
  den: number;
  /** true: at least num/den ("≥"); false: more than num/den (">"). */
  inclusive: boolean;
}

// The laws and articles live in articles.ts; they are re-exported here for the modules that read them with the packs.
export { ARTICLES, LAWS, chineseNumber, citeArticle, type Article, type ArticleKey, type Law } from "./articles";
import type { ArticleKey } from "./articles";

export interface RulePack {
  id: "residents-representatives" | "villagers-representatives";
  /** The body this pack runs: 居民代表会议 / 村民代表会议. */
  body: "residentsRepresentatives" | "villagersRepresentatives";
  quorum: Ratio;
  pass: Ratio;
  meetingRequest: Ratio;
  /** The law's rhythm: at least once every N months (village: each quarter; urban: each half year). */
  conveneEveryMonths: number;
  /** The articles the pack rests on, in the order they are shown. */
  articles: readonly ArticleKey[];
  /** Party review before the vote on important matters. */
  partyReviewArticle: ArticleKey;
  /** 公示 no less than 15 days. */
  publicityArticle: ArticleKey;
  /** The supervisory committee and who may not sit on it. */
  supervisionArticle: ArticleKey;
  cosignThreshold: number;
  cosignWindowDays: number;
  screeningDays: number;
  publicityDays: number;
  meetingNoticeDays: number;
  ratingWindowDays: number;
  satisfactionThresholdPct: number;
  stalledDays: number;
  basisZh: string;
  basisEn: string;
}

/**
 * The numbers the law itself sets: a community may be stricter, never looser. Each floor names the
 * article that sets it in each pack (the rules form cites it when it refuses a number).
 */
export const LEGAL_FLOORS = {
  /** At least two thirds of 组成人员 present. */
  quorum: { num: 2, den: 3, inclusive: true } satisfies Ratio,
  /** More than half of those present agree. */
  pass: { num: 1, den: 2, inclusive: false } satisfies Ratio,
  /** 公示 for no less than 15 days. */
  publicityDays: 15,
  /** Representatives are at least four fifths of 组成人员. */
  representativesShare: { num: 4, den: 5, inclusive: true } satisfies Ratio,
} as const;

/** Which article sets each floor, per pack. */
export const FLOOR_ARTICLES: Record<RulePack["id"], { quorum: ArticleKey; pass: ArticleKey; publicityDays: ArticleKey; representativesShare: ArticleKey }> = {
  "residents-representatives": { quorum: "residents:29", pass: "residents:29", publicityDays: "residents:34", representativesShare: "residents:28" },
  "villagers-representatives": { quorum: "villagers:30", pass: "villagers:30", publicityDays: "villagers:35", representativesShare: "villagers:29" },
};

/** The law revision the packs follow; a community whose rules predate it is upgraded at start (server/upgrade-law.ts). */
export const LAW_REVISION = "2025-10-28";

/** Local practice, not law: numbers a community sets for itself (the rules page shows them apart). */
const common = {
  pass: LEGAL_FLOORS.pass,
  meetingRequest: { num: 1, den: 5, inclusive: true },
  quorum: LEGAL_FLOORS.quorum,
  cosignThreshold: 10,
  cosignWindowDays: 14,
  screeningDays: 7,
  publicityDays: LEGAL_FLOORS.publicityDays,
  meetingNoticeDays: 5,
  ratingWindowDays: 14,
  satisfactionThresholdPct: 60,
  stalledDays: 14,
} satisfies Partial<RulePack>;

export const RULE_PACKS: Record<RulePack["id"], RulePack> = {
  "residents-representatives": {
    id: "residents-representatives",
    body: "residentsRepresentatives",
    ...common,
    conveneEveryMonths: 6,
    articles: ["residents:28", "residents:29", "residents:30:4", "residents:34", "residents:36"],
    partyReviewArticle: "residents:30:4",
    publicityArticle: "residents:34",
    supervisionArticle: "residents:36",
    basisZh:
      "《中华人民共和国城市居民委员会组织法》第二十八条、第二十九条:居民代表会议由居民委员会成员和居民代表组成,有三分之二以上的组成人员参加方可召开,所作决定应当经到会组成人员的过半数通过;每半年至少召开一次,五分之一以上居民代表提议应当召集。第三十四条:公布期限不得少于十五日。",
    basisEn:
      "Organic Law of Urban Residents' Committees, Art. 28–29: the residents' representatives' meeting is made of the committee's members and the representatives; it may be held only when at least two thirds of its members attend, and decides by more than half of the members present; at least every half year, and when one fifth of the representatives ask. Art. 34: published for no less than 15 days.",
  },
  "villagers-representatives": {
    id: "villagers-representatives",
    body: "villagersRepresentatives",
    ...common,
    conveneEveryMonths: 3,
    articles: ["villagers:29", "villagers:30", "villagers:28:3", "villagers:35", "villagers:37"],
    partyReviewArticle: "villagers:28:3",
    publicityArticle: "villagers:35",
    supervisionArticle: "villagers:37",
    basisZh:
      "《中华人民共和国村民委员会组织法》第二十九条、第三十条:村民代表会议由村民委员会成员和村民代表组成,有三分之二以上的组成人员参加方可召开,所作决定应当经到会人员的过半数同意;每季度召开一次,五分之一以上村民代表提议应当召集。第三十五条:公布期限不得少于十五日。",
    basisEn:
      "Organic Law of Villagers' Committees, Art. 29–30: the villagers' representatives' meeting is made of the committee's members and the representatives; it may be held only when at least two thirds of its members attend, and decides by more than half of those present; once a quarter, and when one fifth of the representatives ask. Art. 35: published for no less than 15 days.",
  },
};

/** The pack a community of this kind runs by. */
export function packForKind(kind: "urban" | "village"): RulePack {
  return RULE_PACKS[kind === "village" ? "villagers-representatives" : "residents-representatives"];
}

/** Is `a` at least as strict as `b` (a share at or above it; "more than" stricter than "at least" at the same share)? */
export function atLeastAsStrict(a: Ratio, b: Ratio): boolean {
  const lhs = a.num * b.den;
  const rhs = b.num * a.den;
  if (lhs !== rhs) return lhs > rhs;
  return a.inclusive === b.inclusive || !a.inclusive;
}

/** Does `part` out of `whole` meet the ratio? Integer arithmetic only, no rounding. */
export function meetsRatio(part: number, whole: number, ratio: Ratio): boolean {
  if (whole <= 0) return false;
  const lhs = part * ratio.den;
  const rhs = whole * ratio.num;
  return ratio.inclusive ? lhs >= rhs : lhs > rhs;
}

/** A community's rule settings as a pack sets them (the columns of the `rules` table, less its keys). */
export function settingsFromPack(pack: RulePack) {
  return {
    pack: pack.id,
    quorumNum: pack.quorum.num,
    quorumDen: pack.quorum.den,
    quorumInclusive: pack.quorum.inclusive,
    passNum: pack.pass.num,
    passDen: pack.pass.den,
    passInclusive: pack.pass.inclusive,
    meetingRequestNum: pack.meetingRequest.num,
    meetingRequestDen: pack.meetingRequest.den,
    cosignThreshold: pack.cosignThreshold,
    cosignWindowDays: pack.cosignWindowDays,
    screeningDays: pack.screeningDays,
    publicityDays: pack.publicityDays,
    meetingNoticeDays: pack.meetingNoticeDays,
    ratingWindowDays: pack.ratingWindowDays,
    satisfactionThresholdPct: pack.satisfactionThresholdPct,
    stalledDays: pack.stalledDays,
    basisZh: pack.basisZh,
    basisEn: pack.basisEn,
    lawRevision: LAW_REVISION,
  };
}

/** A ratio as the ledger records it: ">=2/3" (at least) or ">1/2" (more than). */
export function ratioText(ratio: Ratio): string {
  return `${ratio.inclusive ? ">=" : ">"}${ratio.num}/${ratio.den}`;
}
