import { json, redirect } from "@remix-run/node";

import { now } from "../models/clock.server";
import { answerSolicitation, closeSolicitation, openSolicitation, recordMeeting, summariseSolicitation } from "../models/consultation.server";
import { waiveConsultation } from "../models/consultation-waiver.server";
import { freezeDraft } from "../models/freeze.server";
import { getTimeZone } from "../models/time-zone.server";
import {
  answerSchema,
  closeSchema,
  consultationIntent,
  daysBetween,
  DEADLINE_MAX_DAYS,
  DEADLINE_MIN_DAYS,
  endOfLocalDay,
  freezeSchema,
  localDate,
  meetingSchema,
  openSchema,
  startOfLocalDay,
  summariseSchema,
  waiveSchema,
} from "../forms/consultation";
import { msg } from "../forms/messages";
import { readForm } from "./read-form.server";
import { parseForm } from "./parse-form.server";
import type { TopicPostInput } from "../forms/topic-post";
import { answerRefusal } from "./refusal.server";

// The wrong person is 403; the wrong moment (state, a closed solicitation, a second one) is 409.
const STATUS: Record<string, number> = {
  wrongRole: 403,
  wrongState: 409,
  alreadyOpen: 409,
  closed: 409,
  emptyDraft: 409,
  blocked: 409,
  notOptional: 409,
  alreadyWaived: 409,
  ownersDecide: 409,
  unknownAction: 400,
  reasonRequired: 400,
  mergeTarget: 400,
};

/** Every post of the consultation page; success redirects back (post/redirect/get). */
export async function handleConsultationAction({ request, communityId, communitySlug, topicId, userId, roles }: TopicPostInput) {
  const formData = await readForm(request);
  const intent = consultationIntent(formData.get("intent"));
  const back = `/c/${communitySlug}/topics/${topicId}/consultation`;
  const actor = { communityId, topicId, userId, roles };
  const refuse = (problem: string, result: unknown = null) => answerRefusal({ ok: false, problem }, { intent, result }, STATUS, 400);
  const invalid = (result: unknown) => json({ intent, problem: null, result }, { status: 400 });

  switch (intent) {
    case "open": {
      const submission = parseForm(formData, openSchema);
      if (submission.status !== "success") return invalid(submission.reply());
      // The deadline is a day in the community's zone, as its residents count days.
      const zone = getTimeZone(communityId);
      const days = daysBetween(localDate(now(), zone), submission.value.deadline);
      if (!(days >= DEADLINE_MIN_DAYS && days <= DEADLINE_MAX_DAYS)) {
        return invalid(submission.reply({ fieldErrors: { deadline: [msg("consultation.errors.deadlineRange", { min: DEADLINE_MIN_DAYS, max: DEADLINE_MAX_DAYS })] } }));
      }
      const r = openSolicitation({ ...actor, question: submission.value.question, deadline: endOfLocalDay(submission.value.deadline, zone) });
      return r.ok ? redirect(`${back}#solicitation-${r.id}`) : refuse(r.problem, submission.reply());
    }
    case "answer": {
      const submission = parseForm(formData, answerSchema);
      if (submission.status !== "success") return invalid(submission.reply());
      const r = answerSolicitation({ ...actor, ...submission.value });
      return r.ok ? redirect(`${back}?answered=1#solicitation-${submission.value.consultationId}`) : refuse(r.problem, submission.reply());
    }
    case "close":
    case "summarise": {
      const submission = parseForm(formData, intent === "close" ? closeSchema : summariseSchema);
      if (submission.status !== "success") return invalid(submission.reply());
      const v = submission.value;
      const r = "note" in v ? summariseSolicitation({ ...actor, consultationId: v.consultationId, note: v.note }) : closeSolicitation({ ...actor, consultationId: v.consultationId });
      return r.ok ? redirect(`${back}${intent === "summarise" ? "?summarised=1" : ""}#solicitation-${v.consultationId}`) : refuse(r.problem, submission.reply());
    }
    case "meeting": {
      const submission = parseForm(formData, meetingSchema);
      if (submission.status !== "success") return invalid(submission.reply());
      const { heldAt, intent: _, ...rest } = submission.value;
      const r = recordMeeting({ ...actor, meeting: { ...rest, heldAt: startOfLocalDay(heldAt, getTimeZone(communityId)) } });
      return r.ok ? redirect(`${back}#meeting-${r.id}`) : refuse(r.problem, submission.reply());
    }
    case "freeze": {
      // 定稿 cannot be undone: unticked, it is refused (400, the box's message) before anything is read.
      const submission = parseForm(formData, freezeSchema);
      if (submission.status !== "success") return invalid(submission.reply());
      const r = freezeDraft(actor);
      if (r.ok) return redirect(`/c/${communitySlug}/topics/${topicId}#frozen`);
      // A step the rules require is missing: the page lists what (topic.blockers.*) and where it is done.
      return answerRefusal(r, { intent, blockers: r.blockers ?? [], result: submission.reply() }, STATUS, 400);
    }
    case "waive": {
      const submission = parseForm(formData, waiveSchema);
      if (submission.status !== "success") return invalid(submission.reply());
      const r = waiveConsultation({ ...actor, reason: submission.value.reason });
      return r.ok ? redirect(`${back}#waiver`) : refuse(r.problem, submission.reply());
    }
    default:
      return json({ intent: null, problem: "badRequest", result: null }, { status: 400 });
  }
}

export type ConsultationActionData = Awaited<ReturnType<typeof handleConsultationAction>>;
