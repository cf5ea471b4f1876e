import { json, redirect } from "@remix-run/node";
import { addComment } from "../models/comment.server";
import { coSignTopic, withdrawCosign, type CosignProblem } from "../models/cosign.server";
import { findTopicIdByNumber } from "../models/topic-page.server";
import { attempt } from "../models/domain-error.server";
import { advanceTopic, type WorkflowProblem } from "../models/workflow.server";
import { pickIntent, RESOLUTION_INTENTS } from "../forms/meetings";
import { readForm } from "./read-form.server";
import { parseForm } from "./parse-form.server";
import { handleFourTwoAction } from "./four-two.server";
import { handleOwnersAction } from "./owners.server";
import { handlePartyReviewAction } from "./party-review.server";
import { handleRatingAction } from "./rating.server";
import { handleCorrectionAction, handleResolutionAction } from "./resolution.server";
import { commentSchema, moveSchema, topicIntent } from "../forms/topic-actions";
import { isDedicated } from "../workflow/transitions";
import type { TopicPostInput } from "../forms/topic-post";
import { answerRefusal } from "./refusal.server";
import { handleCommunityCallAction } from "./calls-community.server";
import { CALL_INTENTS } from "../forms/calls-community";

const COSIGN_STATUS: Record<Exclude<CosignProblem, "notFound">, number> = {
  ownTopic: 403,
  notResident: 403,
  notCollecting: 409,
  already: 409,
  notCosigned: 409,
};

// Refused moves: the wrong person or the wrong moment is 403; a form that lacks something is 400.
const MOVE_STATUS: Record<Exclude<WorkflowProblem, "notFound">, number> = {
  wrongRole: 403,
  wrongState: 403,
  reasonRequired: 400,
  blocked: 409,
  mergeTarget: 400,
  unknownAction: 400,
};

/**
 * Every post of the topic page: co-signing, comments, moves, objections to its resolution (handled
 * in actions/resolution.server.ts) and the residents' rating (actions/rating.server.ts). The models
 * decide again whatever the page chose to show; success redirects back to the page (post/redirect/get), a refusal answers with its status and the problem's
 * key for the page to translate.
 */
export async function handleTopicAction({ request, communityId, communitySlug, topicId, userId, roles }: TopicPostInput) {
  const formData = await readForm(request);
  const intent = topicIntent(formData.get("intent"));
  const back = `/c/${communitySlug}/topics/${topicId}`;

  const resolutionIntent = pickIntent(RESOLUTION_INTENTS, formData.get("intent"));
  if (resolutionIntent) return handleResolutionAction({ formData, intent: resolutionIntent, communityId, topicId, userId, roles, back });
  if (formData.get("intent") === "rate") return handleRatingAction({ formData, communityId, topicId, userId, roles, back });
  if (formData.get("intent") === "orderCorrection") return handleCorrectionAction({ formData, communityId, topicId, userId, back });
  if (formData.get("intent") === "ownersDecision") return handleOwnersAction({ formData, communityId, topicId, userId, roles, back });
  if (formData.get("intent") === "partyReview") return handlePartyReviewAction({ formData, communityId, topicId, userId, roles, back });
  if (formData.get("intent") === "fourTwoStep") return handleFourTwoAction({ formData, communityId, topicId, userId, roles, back });
  // 吹哨 and the committee's answers on its calls (issue 19): actions/calls.server.ts.
  const callIntent = pickIntent(CALL_INTENTS, formData.get("intent"));
  if (callIntent) return handleCommunityCallAction({ formData, intent: callIntent, communityId, topicId, userId, roles, back });

  if (intent === "cosign" || intent === "withdrawCosign") {
    const result = intent === "cosign" ? coSignTopic({ topicId, communityId, userId, roles }) : withdrawCosign({ topicId, communityId, userId, roles });
    if (result.ok) return redirect(back);
    return answerRefusal(result, { intent, action: null, result: null }, COSIGN_STATUS);
  }

  if (intent === "comment") {
    const submission = parseForm(formData, commentSchema);
    if (submission.status !== "success") return json({ intent, problem: null, action: null, result: submission.reply() }, { status: 400 });
    const added = addComment({ communityId, topicId, authorId: userId, roles, body: submission.value.body });
    if (added.ok) return redirect(`${back}#comments`);
    return answerRefusal(added, { intent, action: null, result: submission.reply() }, 403);
  }

  if (intent === "move") {
    const submission = parseForm(formData, moveSchema);
    const posted = String(formData.get("action") ?? "").slice(0, 40);
    if (submission.status !== "success") return json({ intent, problem: null, action: posted, result: submission.reply() }, { status: 400 });
    const { action, reason, mergeNumber } = submission.value;
    if (isDedicated(action)) return json({ intent, problem: "unknownAction" as const, action, result: submission.reply() }, { status: 400 });
    const mergeIntoId = action === "merge" && mergeNumber ? findTopicIdByNumber({ communityId, number: mergeNumber }) : null;
    const moved = attempt<WorkflowProblem, object>("topic", () => advanceTopic({ topicId, communityId, action, actor: { userId, roles }, reason, mergeIntoId }));
    if (moved.ok) return redirect(back);
    return answerRefusal(moved, { intent, blockers: moved.blockers ?? [], action, result: submission.reply() }, MOVE_STATUS);
  }

  return json({ intent: null, problem: "badRequest" as const, action: null, result: null }, { status: 400 });
}

export type TopicActionData = Awaited<ReturnType<typeof handleTopicAction>>;
