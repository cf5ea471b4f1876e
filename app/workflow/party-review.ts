/** 党组织研究讨论 before the vote on an important matter (pure: safe to import from the browser). */
import type { PartyReviewOutcome } from "./meetings";
import { RULE_PACKS, type ArticleKey, type RulePack } from "./rule-packs";

/** Why a vote on an important matter may not open yet (a key under `meetings.problems` and `party.blocked`). */
export type PartyReviewBlock = "partyReviewMissing" | "partyReviewNotAgreed";

/**
 * The gate: a matter the catalogue marks 重要事项 waits for the party organisation's review, and a
 * review that did not agree (the latest one counts: the matter may be studied again) keeps it waiting.
 * `proposalAgreed`: the matter is a village's 四议两公开 one whose 党组织提议 agreed, which stands for
 * a review not recorded separately (never for one recorded that did not agree).
 */
export function partyReviewBlock(important: boolean, latestOutcome: PartyReviewOutcome | null, proposalAgreed = false): PartyReviewBlock | null {
  if (!important) return null;
  // A village's 四议两公开 matter: its agreed 党组织提议 is the party organisation's study (workflow/four-two.ts).
  if (latestOutcome === null) return proposalAgreed ? null : "partyReviewMissing";
  return latestOutcome === "notAgreed" ? "partyReviewNotAgreed" : null;
}

/** The article that asks for the review, in the pack a community runs by (居委会组织法第三十条第四款 / 村委会组织法第二十八条第三款). */
export function partyReviewArticleOf(pack: string): ArticleKey {
  return (RULE_PACKS[pack as RulePack["id"]] ?? RULE_PACKS["residents-representatives"]).partyReviewArticle;
}
