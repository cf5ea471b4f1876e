import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { motions, rules } from "../../db/schema";
import type { BallotChoice } from "../workflow/meetings";
import type { Ratio } from "../workflow/rule-packs";
import { evaluateMotion, type MotionResult } from "../workflow/tally";
import { votedCount } from "./ballot.server";
import { namedBallots } from "./meeting-view.server";

type MotionRow = typeof motions.$inferSelect;

/** One named ballot as the topic page and the board show it: who (a representative, in office), how, and who recorded a hand vote. */
export interface NamedVote {
  name: string;
  choice: BallotChoice;
  recordedBy: string | null;
}

/** What a closed vote proves: the rule it was counted by and why, the arithmetic, and (named motions only) who chose what. */
export interface VoteRecord {
  sha256: string;
  secret: boolean;
  closedAt: Date | null;
  rule: Ratio;
  /** The catalogue entry that asked for a higher share than the rules, by name; null when the rules' share applied. */
  raisedBy: { zh: string; en: string } | null;
  basis: { zh: string; en: string };
  result: MotionResult;
  /** How many ballots were cast (for a secret motion, the only thing known besides the counts). */
  voted: number;
  /** Empty for a secret motion: no person is linked to a choice anywhere. */
  named: NamedVote[];
}

/** The community's rules as far as a vote record cites them. */
export function citedRules(db: Db, communityId: number) {
  const r = db.select({ passNum: rules.passNum, passDen: rules.passDen, passInclusive: rules.passInclusive, basisZh: rules.basisZh, basisEn: rules.basisEn }).from(rules).where(eq(rules.communityId, communityId)).get();
  if (!r) throw new Error(`community ${communityId} has no rules`);
  return r;
}

/**
 * The record of one closed motion. `category` is the topic's catalogue entry: named as the reason
 * when the motion was counted by a higher share than the rules' own.
 */
export function voteRecord(db: Db, motion: MotionRow, cited: ReturnType<typeof citedRules>, category: { zh: string | null; en: string | null }): VoteRecord {
  const rule: Ratio = { num: motion.passNum, den: motion.passDen, inclusive: motion.passInclusive };
  const sameAsRules = rule.num * cited.passDen === cited.passNum * rule.den && rule.inclusive === cited.passInclusive;
  return {
    sha256: motion.sha256,
    secret: motion.secret,
    closedAt: motion.closedAt,
    rule,
    raisedBy: sameAsRules || !category.zh ? null : { zh: category.zh, en: category.en ?? category.zh },
    basis: { zh: cited.basisZh, en: cited.basisEn },
    result: evaluateMotion({ present: motion.present ?? 0, yes: motion.yes, no: motion.no, abstain: motion.abstain, rule }),
    voted: votedCount(db, motion.id),
    named: motion.secret ? [] : namedBallots(motion.id).map((b) => ({ name: b.name, choice: b.choice, recordedBy: b.recordedBy })),
  };
}
