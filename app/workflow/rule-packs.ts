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

export interface RulePack {
  id: "residents-representatives" | "villagers-representatives";
  quorum: Ratio;
  pass: Ratio;
  meetingRequest: Ratio;
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

const common = {
  pass: { num: 1, den: 2, inclusive: false },
  meetingRequest: { num: 1, den: 5, inclusive: true },
  cosignThreshold: 10,
  cosignWindowDays: 14,
  screeningDays: 7,
  publicityDays: 7,
  meetingNoticeDays: 5,
  ratingWindowDays: 14,
  satisfactionThresholdPct: 60,
  stalledDays: 14,
} satisfies Partial<RulePack>;

export const RULE_PACKS: Record<RulePack["id"], RulePack> = {
  "residents-representatives": {
    id: "residents-representatives",
    ...common,
    quorum: { num: 1, den: 2, inclusive: false },
    basisZh:
      "《中华人民共和国城市居民委员会组织法》第九条、第十条:会议须有过半数成员出席方为有效,决定须经到会人员过半数通过;五分之一以上提议应当召集。",
    basisEn:
      "Organic Law of Urban Residents' Committees, Art. 9–10: valid when more than half of the members attend; decisions need more than half of those present; must be convened when one fifth ask.",
  },
  "villagers-representatives": {
    id: "villagers-representatives",
    ...common,
    quorum: { num: 2, den: 3, inclusive: true },
    basisZh:
      "《中华人民共和国村民委员会组织法》第二十六条:村民代表会议有三分之二以上的组成人员参加方可召开,所作决定应当经到会人员的过半数同意;五分之一以上村民代表提议应当召集。",
    basisEn:
      "Organic Law of Villagers' Committees, Art. 26: the villagers' representatives' meeting may be held only when at least two thirds of its members attend; decisions need the consent of more than half of those present; must be convened when one fifth of the representatives ask.",
  },
};

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
  };
}

/** A ratio as the ledger records it: ">=2/3" (at least) or ">1/2" (more than). */
export function ratioText(ratio: Ratio): string {
  return `${ratio.inclusive ? ">=" : ">"}${ratio.num}/${ratio.den}`;
}
