import { json, redirect } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { answerInfoRequest, dispatchFromStreet, redispatchCall, sendCall, withdrawCall, type CallProblem } from "../models/department-call.server";
import { topicCallIds } from "../models/calls-page.server";
import { streetTopicZone } from "../models/street-dispatch.server";
import { getTimeZone } from "../models/time-zone.server";
import { endOfLocalDay } from "../forms/consultation";
import { answerCallSchema, dispatchSchema, DISPATCH_INTENTS, redispatchCallSchema, sendCallSchema, withdrawCallSchema, type CallIntent } from "../forms/calls-community";
import { pickIntent } from "../forms/meetings";
import type { Role } from "../workflow/roles";
import { parseForm } from "./parse-form.server";
import { readForm } from "./read-form.server";
import { answerRefusal } from "./refusal.server";

// Not this person's to do: 403. What the form chose does not hold (department, task, date): 400.
// Not now (the call or the topic moved on, already called): 409. Another community's record: 404.
const STATUS: Partial<Record<CallProblem, number>> = {
  wrongRole: 403,
  notContact: 403,
  unknownDepartment: 400,
  departmentArchived: 400,
  unknownTask: 400,
  dateInPast: 400,
  needsEvidence: 400,
  badText: 400,
  badPercent: 400,
};

/** Which form a refusal belongs to: the intent and, for a call's own forms, the call. */
interface Target {
  intent: CallIntent | "dispatch" | null;
  id: number | null;
  /** The dashboard's row ("task-3", "topic-9"): it has a dispatch form per row. */
  row?: string;
}

const invalid = (target: Target, result: unknown) => json({ ...target, problem: null as CallProblem | null, result }, { status: 400 });
const refused = (target: Target, problem: CallProblem, result: unknown) => answerRefusal({ ok: false, problem }, { ...target, result }, STATUS);

type Outcome = { ok: true; id?: number } | { ok: false; problem: CallProblem };
const settle = (target: Target, r: Outcome, to: string, result: unknown) => (r.ok ? redirect(to) : refused(target, r.problem, result));

interface CommunityCallPost {
  formData: FormData;
  intent: CallIntent;
  communityId: number;
  topicId: number;
  userId: number;
  roles: readonly Role[];
  back: string;
}

/**
 * The posts of the topic page's 部门响应 card: 吹哨, answering a department's question, withdrawing a
 * call, sending a declined one elsewhere. The model decides who may; a call of another topic is 404.
 */
export function handleCommunityCallAction({ formData, intent, communityId, topicId, userId, roles, back }: CommunityCallPost) {
  const actor = { communityId, userId, roles: roles as Role[] };
  const wanted = (date: string) => endOfLocalDay(date, getTimeZone(communityId));
  // A call of another topic (or none) named on this topic's page: not found here, whatever else the form holds.
  const ofTopic = (callId: number) => (topicCallIds({ communityId, topicId }).includes(callId) ? callId : notFound());
  switch (intent) {
    case "sendCall": {
      const target = { intent, id: null };
      const submission = parseForm(formData, sendCallSchema);
      if (submission.status !== "success") return invalid(target, submission.reply());
      const { taskId, departmentId, ask, wantedDate } = submission.value;
      const r = sendCall({ ...actor, topicId, taskId: taskId ?? null, departmentId, ask, wantedBy: wanted(wantedDate) });
      return settle(target, r, r.ok ? `${back}#call-${r.id}` : back, submission.reply());
    }
    case "answerCall": {
      const posted = idField(formData);
      if (posted !== null) ofTopic(posted);
      const submission = parseForm(formData, answerCallSchema);
      if (submission.status !== "success") return invalid({ intent, id: idField(formData) }, submission.reply());
      const callId = ofTopic(submission.value.callId);
      return settle({ intent, id: callId }, answerInfoRequest({ ...actor, callId, body: submission.value.body }), `${back}#call-${callId}`, submission.reply());
    }
    case "withdrawCall": {
      const posted = idField(formData);
      if (posted !== null) ofTopic(posted);
      const submission = parseForm(formData, withdrawCallSchema);
      if (submission.status !== "success") return invalid({ intent, id: idField(formData) }, submission.reply());
      const callId = ofTopic(submission.value.callId);
      return settle({ intent, id: callId }, withdrawCall({ ...actor, callId, reason: submission.value.reason }), `${back}#call-${callId}`, submission.reply());
    }
    case "redispatchCall": {
      const posted = idField(formData);
      if (posted !== null) ofTopic(posted);
      const submission = parseForm(formData, redispatchCallSchema);
      if (submission.status !== "success") return invalid({ intent, id: idField(formData) }, submission.reply());
      const { departmentId, ask, wantedDate } = submission.value;
      const callId = ofTopic(submission.value.callId);
      const r = redispatchCall({ ...actor, callId, departmentId, ask, wantedBy: wanted(wantedDate) });
      return settle({ intent, id: callId }, r, r.ok ? `${back}#call-${r.id}` : back, submission.reply());
    }
  }
}

/** The call a form names, when it is a number (for routing a refusal back to its form). */
function idField(formData: FormData, name = "callId"): number | null {
  const raw = formData.get(name);
  return typeof raw === "string" && /^[1-9]\d{0,11}$/.test(raw) ? Number(raw) : null;
}

/**
 * The street dashboard's post: 街道派单 — the admin sends a department to a community's stalled task
 * or overdue topic. The wanted-by day is read in that community's time zone.
 */
export async function handleDispatchAction({ request, streetId, streetSlug, userId }: { request: Request; streetId: number; streetSlug: string; userId: number }) {
  const formData = await readForm(request);
  const intent = pickIntent(DISPATCH_INTENTS, formData.get("intent"));
  const back = `/s/${streetSlug}`;
  if (intent !== "dispatch") return invalid({ intent: null, id: null }, null);
  // Which row's form was refused: a stalled task's, or an overdue topic's.
  const taskId = idField(formData, "taskId");
  const target = { intent, id: null, row: taskId ? `task-${taskId}` : `topic-${idField(formData, "topicId")}` };
  const submission = parseForm(formData, dispatchSchema);
  if (submission.status !== "success") return invalid(target, submission.reply());
  const { topicId, departmentId, ask, wantedDate } = submission.value;
  const zone = streetTopicZone({ streetId, topicId }) ?? notFound();
  const r = dispatchFromStreet({ streetId, userId, topicId, taskId: submission.value.taskId ?? null, departmentId, ask, wantedBy: endOfLocalDay(wantedDate, zone) });
  return settle(target, r, r.ok ? `${back}/calls/${r.id}` : back, submission.reply());
}

export type CommunityCallActionData = Exclude<Awaited<ReturnType<typeof handleCommunityCallAction>>, undefined>;
