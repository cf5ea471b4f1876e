import { json, redirect } from "@remix-run/node";
import { addDraftComment, answerDraftComment, type DraftCommentProblem } from "../models/draft-comment.server";
import { saveDraftVersion } from "../models/draft-version.server";
import { answerSchema, draftCommentSchema, draftIntent, saveVersionSchema } from "../forms/draft";
import { readForm } from "./read-form.server";
import { parseForm } from "./parse-form.server";
import type { TopicPostInput } from "../forms/topic-post";
import { answerRefusal } from "./refusal.server";

const STATUS: Record<Exclude<DraftCommentProblem, "notFound">, number> = { notAllowed: 403, badParent: 400 };

/**
 * Every post of the drafting page: saving a version, commenting and answering comments. The models
 * decide again who may; success redirects back (post/redirect/get), a refusal answers with its
 * status and the problem's key, a bad form with 400 and its field errors.
 */
export async function handleDraftAction({ request, communityId, communitySlug, topicId, userId, roles }: TopicPostInput) {
  const formData = await readForm(request);
  const intent = draftIntent(formData.get("intent"));
  const back = `/c/${communitySlug}/topics/${topicId}/draft`;

  if (intent === "saveVersion") {
    const submission = parseForm(formData, saveVersionSchema);
    if (submission.status !== "success") return json({ intent, problem: null, target: null, result: submission.reply() }, { status: 400 });
    const saved = saveDraftVersion({ communityId, topicId, userId, roles, note: submission.value.note });
    if (saved.ok) return redirect(`${back}?version=${saved.number}&against=current`);
    return answerRefusal(saved, { intent, target: null, result: submission.reply() }, 403);
  }

  if (intent === "comment") {
    const submission = parseForm(formData, draftCommentSchema);
    const target = String(formData.get("parentId") ?? "").slice(0, 20) || null;
    if (submission.status !== "success") return json({ intent, problem: null, target, result: submission.reply() }, { status: 400 });
    const { body, quote, parentId } = submission.value;
    const added = addDraftComment({ communityId, topicId, authorId: userId, roles, body, quote, parentId });
    if (added.ok) return redirect(`${back}#draft-comment-${added.commentId}`);
    return answerRefusal(added, { intent, target, result: submission.reply() }, STATUS);
  }

  if (intent === "answer") {
    const submission = parseForm(formData, answerSchema);
    const target = String(formData.get("commentId") ?? "").slice(0, 20) || null;
    if (submission.status !== "success") return json({ intent, problem: null, target, result: submission.reply() }, { status: 400 });
    const { commentId, status, reply } = submission.value;
    const answered = answerDraftComment({ communityId, topicId, commentId, userId, roles, status, reply });
    if (answered.ok) return redirect(`${back}#draft-comment-${commentId}`);
    return answerRefusal(answered, { intent, target, result: submission.reply() }, STATUS);
  }

  return json({ intent: null, problem: "badRequest" as const, target: null, result: null }, { status: 400 });
}
