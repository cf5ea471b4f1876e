import { json, redirect } from "@remix-run/node";
import type { AssistProblem } from "../models/assist.server";
import { recordAssistedAct, type AssistAct } from "../models/assist.server";
import { withdrawAssistedAct } from "../models/assist-withdraw.server";
import type { Role } from "../workflow/roles";
import { ASSIST_SCHEMAS, assistIntent, type AssistIntent } from "../forms/assist";
import { parseForm } from "./parse-form.server";
import { answerRefusal } from "./refusal.server";

// Not this person's to do: 403. Not now (the step is closed, done already): 409. Another community's topic or act: 404.
const STATUS: Partial<Record<AssistProblem, number>> = { notCommittee: 403, notYours: 403, notPerson: 422, self: 422, notConfirmed: 422 };

interface AssistPost {
  formData: FormData;
  communityId: number;
  userId: number;
  roles: readonly Role[];
  back: string;
}

/** The assist page's posts: staff record one of four acts for a resident; the resident withdraws one. */
export function handleAssistAction({ formData, communityId, userId, roles, back }: AssistPost) {
  const intent = assistIntent(formData.get("intent"));
  if (!intent) return json({ intent: null as AssistIntent | null, problem: null, result: null }, { status: 400 });
  const submission = parseForm(formData, ASSIST_SCHEMAS[intent]);
  if (submission.status !== "success") return json({ intent, problem: null, result: submission.reply() }, { status: 400 });
  const v = submission.value;
  if (v.intent === "withdraw") {
    const r = withdrawAssistedAct({ communityId, actId: v.actId, userId });
    return r.ok ? redirect(`${back}?done=withdraw`) : answerRefusal(r, { intent, result: submission.reply() }, STATUS);
  }
  const act: AssistAct =
    v.intent === "topic"
      ? { kind: "topic", title: v.title, description: v.description, location: v.location }
      : v.intent === "cosign"
        ? { kind: "cosign", topicId: v.topicId }
        : v.intent === "answer"
          ? { kind: "answer", topicId: v.topicId, stance: v.stance, text: v.text }
          : { kind: "rating", topicId: v.topicId, rating: v.rating, comment: v.comment };
  const r = recordAssistedAct({ communityId, recorderId: userId, roles, personId: v.personId, channel: v.channel, confirmed: v.confirm === "on", act });
  return r.ok ? redirect(`${back}?done=record`) : answerRefusal(r, { intent, result: submission.reply() }, STATUS);
}
