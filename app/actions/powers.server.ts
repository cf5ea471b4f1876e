import { json, redirect } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { recordPetition, unmatchedLines } from "../models/assembly-request.server";
import { createMeetingRequest } from "../models/meeting-request.server";
import { recordAuthorisation, revokeAuthorisation } from "../models/powers-matters.server";
import { setTopicUndo } from "../models/powers-undo.server";
import type { PowersProblem, PowersResult } from "../models/powers.server";
import type { Role } from "../workflow/roles";
import { AUTHORISATION_INTENTS, authoriseSchema, nameUndoSchema, petitionSchema, requestAssemblySchema, revokeAuthorisationSchema } from "../forms/powers";
import { pickIntent } from "../forms/meetings";
import { parseForm } from "./parse-form.server";

interface Actor {
  communityId: number;
  userId: number;
  roles: readonly Role[];
}

// Not this person's to do: 403; the record is another community's or none: 404; otherwise not now: 409.
function answer(intent: string, r: PowersResult, done: () => Response, extra: Record<string, unknown> = {}) {
  if (r.ok) return done();
  return refused(intent, r.problem, extra);
}

function refused(intent: string, problem: PowersProblem, extra: Record<string, unknown> = {}) {
  if (problem === "notFound") notFound();
  return json({ intent, problem: null, powersProblem: problem, result: null, ...extra }, { status: problem === "wrongRole" ? 403 : 409 });
}

// A form the page could not have sent as it is (a field missing, a date that is none): said in words, nothing written.
const invalid = (intent: string | null, result: unknown) => json({ intent, problem: null, powersProblem: "formInvalid" as const, result }, { status: 400 });

/** The committee acts here: anyone else is refused before the form is read (403, nothing written). */
function requireCommitteeRole(actor: Actor, intent: string) {
  if (!actor.roles.includes("committee")) throw json({ intent, problem: "wrongRole", powersProblem: "wrongRole", result: null }, { status: 403 });
}

/** Posts of the meetings page for an assembly: a representative asks for one; staff record paper signatures. */
export function handleAssemblyRequestPost({ intent, formData, actor, base }: { intent: "requestAssembly" | "petition"; formData: FormData; actor: Actor; base: string }) {
  if (intent === "requestAssembly") {
    if (!actor.roles.includes("representative")) return json({ intent, problem: "wrongRole", powersProblem: null, result: null }, { status: 403 });
    const submission = parseForm(formData, requestAssemblySchema);
    if (submission.status !== "success") return invalid(intent, submission.reply());
    const r = createMeetingRequest({ ...actor, reason: submission.value.reason, body: "assembly" });
    if (!r.ok) return json({ intent, problem: r.problem, powersProblem: null, result: submission.reply() }, { status: r.problem === "wrongRole" ? 403 : 409 });
    return redirect(`${base}#request-${r.id}`);
  }
  requireCommitteeRole(actor, intent);
  const submission = parseForm(formData, petitionSchema);
  if (submission.status !== "success") return invalid(intent, submission.reply());
  const lines = submission.value.lines.split(/\r?\n/);
  const unknown = unmatchedLines({ communityId: actor.communityId, lines });
  if (unknown.length) return json({ intent, problem: null, powersProblem: "notOnRegister" as const, lines: unknown.slice(0, 20), result: submission.reply() }, { status: 409 });
  const r = recordPetition({ ...actor, requestId: submission.value.requestId ?? null, reason: submission.value.reason, lines });
  return answer(intent, r, () => redirect(`${base}#request-${r.ok ? r.id : ""}`));
}

/** The committee's posts on the rules page: record or revoke an authorisation of the assembly. */
export function isAuthorisationIntent(value: FormDataEntryValue | null) {
  return pickIntent(AUTHORISATION_INTENTS, value) !== null;
}

export function handleAuthorisationPost({ formData, actor }: { formData: FormData; actor: Actor }) {
  const intent = pickIntent(AUTHORISATION_INTENTS, formData.get("intent"))!;
  requireCommitteeRole(actor, intent);
  if (intent === "authorise") {
    const submission = parseForm(formData, authoriseSchema);
    if (submission.status !== "success") return invalid(intent, submission.reply());
    const { catalogueEntryId, scope, grantedOn, expiresOn, meetingId } = submission.value;
    const r = recordAuthorisation({ ...actor, catalogueEntryId, scope, grantedOn, expiresOn: expiresOn ?? null, meetingId });
    return answer(intent, r, () => json({ intent, problem: null, powersProblem: null, done: "recorded", result: submission.reply({ resetForm: true }) }));
  }
  const submission = parseForm(formData, revokeAuthorisationSchema);
  if (submission.status !== "success") return invalid(intent, submission.reply());
  const r = revokeAuthorisation({ ...actor, authorisationId: submission.value.authorisationId });
  return answer(intent, r, () => json({ intent, problem: null, powersProblem: null, done: "revokedDone", result: null }));
}

/** The undo page's post: the committee names (or clears) the resolution the topic proposes to revoke or change. */
export function handleUndoPost({ formData, actor, topicId, topicPath }: { formData: FormData; actor: Actor; topicId: number; topicPath: string }) {
  requireCommitteeRole(actor, "nameUndo");
  const submission = parseForm(formData, nameUndoSchema);
  if (submission.status !== "success") return invalid("nameUndo", submission.reply());
  const r = setTopicUndo({ ...actor, topicId, resolutionId: submission.value.resolutionId ?? null, kind: submission.value.kind });
  return answer("nameUndo", r, () => redirect(topicPath));
}
