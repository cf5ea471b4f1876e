import { json, redirect } from "@remix-run/node";
import { recordPartyReview, type PartyReviewProblem } from "../models/party-review.server";
import type { Role } from "../workflow/roles";
import { parseForm } from "./parse-form.server";
import { partyReviewSchema } from "../forms/party-review";
import { answerRefusal } from "./refusal.server";

// Not this person's to do: 403. Not now or not for this matter: 409. A date out of bounds: 400.
const STATUS: Record<Exclude<PartyReviewProblem, "notFound">, number> = { wrongRole: 403, notImportant: 409, wrongState: 409, inFuture: 400, beforeTopic: 400 };

/** The topic page's 党组织研究讨论 post. Refusals carry `party.problems.*` keys. */
export function handlePartyReviewAction({ formData, communityId, topicId, userId, roles, back }: { formData: FormData; communityId: number; topicId: number; userId: number; roles: readonly Role[]; back: string }) {
  const intent = "partyReview" as const;
  const submission = parseForm(formData, partyReviewSchema);
  if (submission.status !== "success") return json({ intent, problem: null, action: null, result: submission.reply() }, { status: 400 });
  const r = recordPartyReview({ communityId, topicId, userId, roles, ...submission.value });
  if (r.ok) return redirect(`${back}#party-review`);
  return answerRefusal(r, { intent, action: null, result: submission.reply() }, STATUS);
}
