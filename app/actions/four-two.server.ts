import { json, redirect } from "@remix-run/node";
import { recordFourTwoStep, type FourTwoStepProblem } from "../models/four-two.server";
import type { Role } from "../workflow/roles";
import { parseForm } from "./parse-form.server";
import { fourTwoStepSchema } from "../forms/four-two";
import { answerRefusal } from "./refusal.server";

// Not this person's to do: 403. Not now, not this step or not this matter: 409. A date or a count out of bounds: 400.
const STATUS: Record<Exclude<FourTwoStepProblem, "notFound">, number> = {
  wrongRole: 403,
  notFourTwo: 409,
  wrongState: 409,
  outOfOrder: 409,
  inFuture: 400,
  beforeTopic: 400,
  beforePrevious: 400,
  attendance: 400,
};

/** The topic page's 四议 post (one of the three deliberations). Refusals carry `fourTwo.problems.*` keys. */
export function handleFourTwoAction({ formData, communityId, topicId, userId, roles, back }: { formData: FormData; communityId: number; topicId: number; userId: number; roles: readonly Role[]; back: string }) {
  const intent = "fourTwoStep" as const;
  const submission = parseForm(formData, fourTwoStepSchema);
  if (submission.status !== "success") return json({ intent, problem: null, action: null, result: submission.reply() }, { status: 400 });
  const { intent: _i, ...values } = submission.value;
  const r = recordFourTwoStep({ communityId, topicId, userId, roles, ...values });
  if (r.ok) return redirect(`${back}#four-two`);
  return answerRefusal(r, { intent, action: null, result: submission.reply() }, STATUS);
}
