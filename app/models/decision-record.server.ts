import type { Db } from "../../db/client.server";
import { motions } from "../../db/schema";
import type { Ratio } from "../workflow/rule-packs";
import { basisOf, motionResult } from "../workflow/motion-basis";
import { votedCount } from "./ballot.server";
import { namedBallots } from "./meeting-view.server";
import type { VoteRecord } from "./vote-record";
import { requireRules } from "./rules.server";

type MotionRow = typeof motions.$inferSelect;

/** The community's rules as far as a vote record cites them. */
export function citedRules(db: Db, communityId: number) {
  const { passNum, passDen, passInclusive, basisZh, basisEn } = requireRules(communityId, db);
  return { passNum, passDen, passInclusive, basisZh, basisEn };
}

/**
 * The record of one closed motion. `category` is the topic's catalogue entry: named as the reason
 * when the motion was counted by a higher share than the rules' own.
 */
export function voteRecord(db: Db, motion: MotionRow, cited: ReturnType<typeof citedRules>, category: { zh: string | null; en: string | null }): VoteRecord {
  // Counted and cited by the basis frozen when its vote opened: a later change of rules rewrites nothing.
  const frozen = basisOf(motion);
  const rule: Ratio = frozen?.pass ?? { num: motion.passNum, den: motion.passDen, inclusive: motion.passInclusive };
  const sameAsRules = rule.num * cited.passDen === cited.passNum * rule.den && rule.inclusive === cited.passInclusive;
  return {
    sha256: motion.sha256,
    secret: motion.secret,
    closedAt: motion.closedAt,
    rule,
    raisedBy: sameAsRules || !category.zh ? null : { zh: category.zh, en: category.en ?? category.zh },
    basis: frozen ? { zh: frozen.basisZh, en: frozen.basisEn } : { zh: cited.basisZh, en: cited.basisEn },
    result: motionResult(motion),
    voted: votedCount(db, motion.id),
    named: motion.secret ? [] : namedBallots(motion.id).map((b) => ({ name: b.name, choice: b.choice, recordedBy: b.recordedBy })),
  };
}
