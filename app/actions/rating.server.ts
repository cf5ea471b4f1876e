import { parseForm } from "./parse-form.server";
import { json, redirect } from "@remix-run/node";
import type { ExecutionProblem } from "../models/execution.server";
import { rateResult } from "../models/supervision.server";
import type { Role } from "../workflow/roles";
import { rateSchema } from "../forms/rating";
import { answerRefusal } from "./refusal.server";

// Not this person's to do: 403. Not now (the window closed, rated already, the topic moved on): 409.
const STATUS: Partial<Record<ExecutionProblem, number>> = { wrongRole: 403, wrongState: 409, windowClosed: 409, alreadyRated: 409 };

interface RatingPost {
  formData: FormData;
  communityId: number;
  topicId: number;
  userId: number;
  roles: readonly Role[];
  /** The topic page; success goes back to its rating card. */
  back: string;
}

/** The topic page's 满意度评价 post: one rating per resident while the window is open. Refusals carry `rating.problems.*` keys. */
export function handleRatingAction({ formData, communityId, topicId, userId, roles, back }: RatingPost) {
  const intent = "rate" as const;
  const submission = parseForm(formData, rateSchema);
  if (submission.status !== "success") return json({ intent, problem: null, action: null, result: submission.reply() }, { status: 400 });
  const r = rateResult({ communityId, topicId, userId, roles, rating: submission.value.rating, comment: submission.value.comment });
  if (r.ok) return redirect(`${back}#rating`);
  return answerRefusal(r, { intent, action: null, result: submission.reply() }, STATUS);
}
