/**
 * The assembly (村民会议 / 居民会议) as a body of the meeting machinery, as pure functions: the quorum
 * its count mode asks, the basis its motions are counted by (frozen when a vote opens, like a
 * representatives' motion's) and the check of a tally counted by hand. The numbers are ASSEMBLY_RULES'.
 */
import { ASSEMBLY_RULES, type AssemblyCount, type AssemblyRules } from "./assembly";
import type { MotionBasis } from "./motion-basis";
import { ARTICLES, atLeastAsStrict, citeArticle, LAW_REVISION, type ArticleKey, type Ratio } from "./rule-packs";

export type CommunityKind = "urban" | "village";

/** The assembly's rules for a community kind. */
export function assemblyRules(kind: CommunityKind): AssemblyRules {
  return ASSEMBLY_RULES[kind];
}

/** Present for a valid assembly: more than half of adults, or (village) 2/3 / (urban) more than half of households (村委会组织法 Art. 26; 居委会组织法 Art. 27). */
export function assemblyQuorumRule(kind: CommunityKind, countBy: AssemblyCount): Ratio {
  return ASSEMBLY_RULES[kind].quorum[countBy];
}

/**
 * The share a motion passes by at an assembly: more than half of those present (ASSEMBLY_RULES.pass),
 * or the motion's own share when its category asks more. Never below the law's.
 */
export function assemblyPassRule(kind: CommunityKind, motionPass: Ratio): Ratio {
  const law = ASSEMBLY_RULES[kind].pass;
  return atLeastAsStrict(motionPass, law) ? motionPass : law;
}

/** The basis an assembly's motion is counted by, frozen when its vote opens: the count mode's quorum, the pass share of those present, the article. */
export function freezeAssemblyBasis(kind: CommunityKind, countBy: AssemblyCount, motionPass: Ratio, members: number): MotionBasis {
  const key = ASSEMBLY_RULES[kind].articles.quorum;
  const citeZh = citeArticle(key, "zh-CN");
  const citeEn = citeArticle(key, "en");
  return {
    pack: `assembly-${kind}-${countBy}`,
    lawRevision: LAW_REVISION,
    quorum: assemblyQuorumRule(kind, countBy),
    pass: assemblyPassRule(kind, motionPass),
    passOfAll: false,
    members,
    articles: [{ key, citeZh, citeEn, textZh: ARTICLES[key].textZh }],
    basisZh: `依据${citeZh}`,
    basisEn: `Under ${citeEn}`,
  };
}

/** What the pages say of an assembly: which kind (村民会议 / 居民会议), how it counts, the quorum's share and its article. */
export interface AssemblyFacts {
  kind: CommunityKind;
  countBy: AssemblyCount;
  quorum: Ratio;
  pass: Ratio;
  article: ArticleKey;
}

export function assemblyFacts(kind: CommunityKind, countBy: AssemblyCount): AssemblyFacts {
  const rules = ASSEMBLY_RULES[kind];
  return { kind, countBy, quorum: rules.quorum[countBy], pass: rules.pass, article: rules.articles.quorum };
}

export type TallyProblem = "tallyExceedsPresent" | "tallyInvalid";

/** A tally counted by hand: whole non-negative numbers, and no more hands than people present. */
export function tallyProblem({ yes, no, abstain, present }: { yes: number; no: number; abstain: number; present: number }): TallyProblem | null {
  if (![yes, no, abstain].every((n) => Number.isInteger(n) && n >= 0)) return "tallyInvalid";
  return yes + no + abstain > present ? "tallyExceedsPresent" : null;
}

/** A seat of the roll as the door shows it (staff only: names of the register). */
export interface DoorSeat {
  rollId: number;
  seat: "person" | "household";
  householdCode: string;
  groupName: string;
  /** Persons: the adult; households: who came, once checked in. */
  name: string | null;
  checkedIn: boolean;
  /** Households: the adults who may come for it, its representative first. */
  adults: { id: number; name: string; representative: boolean }[];
}
