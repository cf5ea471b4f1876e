import type { BallotChoice } from "../workflow/meetings";
import type { Ratio } from "../workflow/rule-packs";
import type { MotionResult } from "../workflow/tally";

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
