import { parseForm } from "./parse-form.server";
import { json, redirect } from "@remix-run/node";
import { answerObjection, lodgeObjection, type ObjectionProblem } from "../models/resolution.server";
import { orderCorrection, type CorrectionProblem } from "../models/resolution-correction.server";
import type { Role } from "../workflow/roles";
import { correctionSchema } from "../forms/correction";
import { answerObjectionSchema, objectSchema, RESOLUTION_INTENTS } from "../forms/meetings";
import { answerRefusal } from "./refusal.server";

// Not this person's to do: 403. Not now (the period is over, already answered): 409. No such objection: 404.
const STATUS: Record<ObjectionProblem, number> = { wrongRole: 403, periodOver: 409, answered: 409, notFound: 404 };

interface ResolutionPost {
  formData: FormData;
  intent: (typeof RESOLUTION_INTENTS)[number];
  communityId: number;
  topicId: number;
  userId: number;
  roles: readonly Role[];
  /** The topic page; success goes back to its decision card. */
  back: string;
}

/**
 * The topic page's posts about its resolution: a resident's objection during 公示, and the
 * committee's answer to one (upheld suspends the resolution). Refusals carry the problem's key
 * (`resolutions.problems.*`) and, for an answer, which objection it was about.
 */
export function handleResolutionAction({ formData, intent, communityId, topicId, userId, roles, back }: ResolutionPost) {
  const done = redirect(`${back}#decision`);
  if (intent === "object") {
    const submission = parseForm(formData, objectSchema);
    if (submission.status !== "success") return json({ intent, problem: null, action: null, result: submission.reply(), objectionId: null }, { status: 400 });
    const r = lodgeObjection({ communityId, topicId, userId, roles, body: submission.value.body });
    if (r.ok) return done;
    return answerRefusal(r, { intent, action: null, result: submission.reply(), objectionId: null }, STATUS);
  }
  const submission = parseForm(formData, answerObjectionSchema);
  const posted = Number(formData.get("objectionId"));
  const objectionId = Number.isSafeInteger(posted) && posted > 0 ? posted : null;
  if (submission.status !== "success") return json({ intent, problem: null, action: null, result: submission.reply(), objectionId }, { status: 400 });
  const { answer, upheld } = submission.value;
  const r = answerObjection({ communityId, topicId, objectionId: submission.value.objectionId, userId, roles, answer, upheld });
  if (r.ok) return done;
  return answerRefusal(r, { intent, action: null, result: submission.reply(), objectionId }, STATUS);
}

// Not a street admin of this community's street: 403. Not a resolution that can be corrected now: 409. Not this topic's: 404.
const CORRECTION_STATUS: Record<CorrectionProblem, number> = { wrongRole: 403, wrongState: 409, notFound: 404 };

/** The street admin's 责令改正 on the topic page. Refusals carry `resolutions.correction.problems.*` keys. */
export function handleCorrectionAction({ formData, communityId, topicId, userId, back }: Omit<ResolutionPost, "intent" | "roles">) {
  const intent = "orderCorrection" as const;
  const submission = parseForm(formData, correctionSchema);
  if (submission.status !== "success") return json({ intent, problem: null, action: null, result: submission.reply(), objectionId: null }, { status: 400 });
  const r = orderCorrection({ communityId, topicId, userId, resolutionId: submission.value.resolutionId, reason: submission.value.reason });
  if (r.ok) return redirect(`${back}#decision`);
  return answerRefusal(r, { intent, action: null, result: submission.reply(), objectionId: null }, CORRECTION_STATUS);
}
