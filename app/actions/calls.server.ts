import { json, redirect } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { acceptSchema, answerInfoSchema, askForMoreSchema, CALL_INTENTS, CALL_MAX_PHOTOS, declineSchema, progressSchema, redispatchSchema, resolveSchema, withdrawSchema } from "../forms/calls";
import { pickIntent } from "../forms/meetings";
import { endOfLocalDay } from "../i18n/time-zone";
import { acceptCall, askForMore, declineCall, reportCallProgress, resolveCall } from "../models/department-call-answer.server";
import type { CallProblem, CallResult } from "../models/department-call-common.server";
import { getCallForStreet } from "../models/department-call-queue.server";
import { answerInfoRequest, redispatchCall, withdrawCall } from "../models/department-call.server";
import { checkPhotos } from "../models/photo.server";
import { getTimeZone } from "../models/time-zone.server";
import { readFileUpload, uploadMaxBytes } from "../models/upload.server";
import { parseForm } from "./parse-form.server";
import { answerRefusal } from "./refusal.server";

// Not this person's to do: 403. A bad date, text or percentage, or a result without evidence: 400. Not now: 409.
const STATUS: Partial<Record<CallProblem, number>> = { wrongRole: 403, notContact: 403, dateInPast: 400, badText: 400, badPercent: 400, needsEvidence: 400, unknownDepartment: 400, departmentArchived: 400 };

const invalid = (intent: string | null, result: unknown) => json({ intent, problem: null as CallProblem | null, result }, { status: 400 });

/** Posts of `/s/:street/calls/:callId`: the department's answers, the admin's withdrawal and re-dispatch; success redirects back. */
export async function handleCallAction({ request, street, userId, isAdmin, callId }: { request: Request; street: { id: number; slug: string }; userId: number; isAdmin: boolean; callId: number }) {
  // A call of another street, or one this person may not see (another department's): 404, before anything is read.
  const call = getCallForStreet({ streetId: street.id, callId, userId, isAdmin });
  if (!call) notFound();
  const upload = await readFileUpload(request, { field: "photos", maxFiles: CALL_MAX_PHOTOS, maxFileBytes: uploadMaxBytes() });
  const formData = upload.formData;
  const intent = pickIntent(CALL_INTENTS, formData.get("intent"));
  // The hidden call id must be the page's call: a form of another page is out of date or altered.
  if (intent && formData.get("callId") !== String(callId)) throw new Response("Form out of date or altered", { status: 400, statusText: "Bad Request" });
  const actor = { streetId: street.id, userId };
  const zone = getTimeZone(call.communityId);
  const page = `/s/${street.slug}/calls/${callId}`;
  const settle = <T extends object>(r: CallResult<T>, result: unknown, to = page) => (r.ok ? redirect(to) : answerRefusal(r, { intent, result }, STATUS));
  switch (intent) {
    case "accept": {
      const s = parseForm(formData, acceptSchema);
      if (s.status !== "success") return invalid(intent, s.reply());
      return settle(acceptCall({ ...actor, callId, promisedBy: endOfLocalDay(s.value.promisedDate, zone), body: s.value.body }), s.reply());
    }
    case "askForMore": {
      const s = parseForm(formData, askForMoreSchema);
      if (s.status !== "success") return invalid(intent, s.reply());
      return settle(askForMore({ ...actor, callId, body: s.value.body }), s.reply());
    }
    case "decline": {
      const s = parseForm(formData, declineSchema);
      if (s.status !== "success") return invalid(intent, s.reply());
      return settle(declineCall({ ...actor, callId, reason: s.value.reason }), s.reply());
    }
    case "progress":
    case "resolve": {
      const s = parseForm(formData, intent === "progress" ? progressSchema : resolveSchema);
      const checked = await checkPhotos(upload.files);
      const photoErrors = [...upload.fileErrors, ...checked.errors];
      if (s.status !== "success" || upload.formError || photoErrors.length) {
        return invalid(intent, s.reply({ fieldErrors: photoErrors.length ? { photos: photoErrors } : {}, ...(upload.formError ? { formErrors: [upload.formError] } : {}) }));
      }
      const v = s.value as { body: string; percent?: number };
      const r = intent === "progress" ? reportCallProgress({ ...actor, callId, body: v.body, percent: v.percent ?? 0, photos: checked.photos }) : resolveCall({ ...actor, callId, body: v.body, photos: checked.photos });
      return settle(r, s.reply());
    }
    case "answerInfo": {
      const s = parseForm(formData, answerInfoSchema);
      if (s.status !== "success") return invalid(intent, s.reply());
      return settle(answerInfoRequest({ ...actor, callId, body: s.value.body }), s.reply());
    }
    case "withdraw": {
      const s = parseForm(formData, withdrawSchema);
      if (s.status !== "success") return invalid(intent, s.reply());
      return settle(withdrawCall({ ...actor, callId, reason: s.value.reason }), s.reply());
    }
    case "redispatch": {
      const s = parseForm(formData, redispatchSchema);
      if (s.status !== "success") return invalid(intent, s.reply());
      const r = redispatchCall({ ...actor, callId, departmentId: s.value.departmentId, ask: s.value.ask, wantedBy: endOfLocalDay(s.value.wantedDate, zone) });
      return r.ok ? redirect(`/s/${street.slug}/calls/${r.id}`) : answerRefusal(r, { intent, result: s.reply() }, STATUS);
    }
    default:
      return invalid(null, null);
  }
}

export type CallActionData = Awaited<ReturnType<typeof handleCallAction>>;
