import { json, redirect } from "@remix-run/node";
import { recordOwnersDecision, type OwnersProblem } from "../models/owner-decision.server";
import type { Role } from "../workflow/roles";
import { ownersSchema } from "../forms/owners";
import { parseForm } from "./parse-form.server";
import { answerRefusal } from "./refusal.server";

// Not this person's to do: 403. Not now or not this kind of matter: 409. Figures or a date that cannot be: 400.
const STATUS: Partial<Record<OwnersProblem, number>> = { wrongRole: 403, notOwnersMatter: 409, wrongState: 409, recorded: 409 };

/** The topic page's 业主共同决定 post. Refusals carry `owners.problems.*` / `owners.impossible.*` keys. */
export function handleOwnersAction({ formData, communityId, topicId, userId, roles, back }: { formData: FormData; communityId: number; topicId: number; userId: number; roles: readonly Role[]; back: string }) {
  const intent = "ownersDecision" as const;
  const submission = parseForm(formData, ownersSchema);
  if (submission.status !== "success") return json({ intent, problem: null, action: null, result: submission.reply() }, { status: 400 });
  const { intent: _, ...figures } = submission.value;
  const r = recordOwnersDecision({ communityId, topicId, userId, roles, ...figures });
  if (r.ok) return redirect(`${back}#owners`);
  return answerRefusal(r, { intent, action: null, result: submission.reply() }, STATUS, 400);
}
