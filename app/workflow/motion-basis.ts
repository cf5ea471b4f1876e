import { ARTICLES, citeArticle, LAW_REVISION, RULE_PACKS, type ArticleKey, type Ratio, type RulePack } from "./rule-packs";
import { evaluateMotion, type MotionResult } from "./tally";

/**
 * The basis a motion is counted by, frozen when its vote opens (motions.basis): the pack, the
 * quorum and pass shares, whether the share is of all 组成人员, the roster's size at that moment, and
 * the articles with their text. A later change of rules or pack never rewrites an old result.
 * Pure data: the meeting pages, the minutes and the board read it alike.
 */
export interface MotionBasis {
  pack: string;
  lawRevision: string;
  quorum: Ratio;
  pass: Ratio;
  passOfAll: boolean;
  /** 组成人员 on the roster when the vote opened: the whole of a share "of all members". */
  members: number;
  articles: { key: string; citeZh: string; citeEn: string; textZh: string }[];
  basisZh: string;
  basisEn: string;
}

/** The rules row's columns the basis takes. */
export interface RulesForBasis {
  pack: string;
  quorumNum: number;
  quorumDen: number;
  quorumInclusive: boolean;
  basisZh: string;
  basisEn: string;
  lawRevision: string;
}

/** The motion's columns the basis and its result read. */
export interface MotionForBasis {
  passNum: number;
  passDen: number;
  passInclusive: boolean;
  passOfAll: boolean;
  basis: string | null;
}

/** The basis as it stands now, to be written on the motion when its vote opens. */
export function freezeBasis(rules: RulesForBasis, motion: Omit<MotionForBasis, "basis">, members: number): MotionBasis {
  const pack: RulePack | undefined = RULE_PACKS[rules.pack as RulePack["id"]];
  const keys: readonly ArticleKey[] = pack?.articles ?? [];
  return {
    pack: rules.pack,
    lawRevision: rules.lawRevision || LAW_REVISION,
    quorum: { num: rules.quorumNum, den: rules.quorumDen, inclusive: rules.quorumInclusive },
    pass: { num: motion.passNum, den: motion.passDen, inclusive: motion.passInclusive },
    passOfAll: motion.passOfAll,
    members,
    articles: keys.map((key) => ({ key, citeZh: citeArticle(key, "zh-CN"), citeEn: citeArticle(key, "en"), textZh: ARTICLES[key].textZh })),
    basisZh: rules.basisZh,
    basisEn: rules.basisEn,
  };
}

/** The frozen basis of a motion whose vote has opened; null before (or for a motion opened before bases were frozen). */
export function basisOf(motion: Pick<MotionForBasis, "basis">): MotionBasis | null {
  if (!motion.basis) return null;
  return JSON.parse(motion.basis) as MotionBasis;
}

/**
 * A closed motion's result, counted by its frozen basis (the pass share, and the roster of a share
 * of all members); motions closed before bases were frozen fall back to the share on the motion.
 */
export function motionResult(motion: MotionForBasis & { present: number | null; yes: number; no: number; abstain: number }): MotionResult {
  const basis = basisOf(motion);
  const rule = basis?.pass ?? { num: motion.passNum, den: motion.passDen, inclusive: motion.passInclusive };
  const ofAll = basis?.passOfAll ?? motion.passOfAll;
  return evaluateMotion({ present: motion.present ?? 0, yes: motion.yes, no: motion.no, abstain: motion.abstain, rule, ofAll, members: basis?.members ?? motion.present ?? 0 });
}
