import { parseForm } from "./parse-form.server";
import type { SubmissionResult } from "@conform-to/react";
import { addCatalogueEntry, applyRulePack, removeCatalogueEntry, updateCatalogueEntry, updateRules } from "../models/rules.server";
import type { PackId } from "../workflow/legal-floors";
import { msg } from "../forms/messages";
import { catalogueAddSchema, catalogueEditSchema, catalogueRemoveSchema, packSchema, RULES_INTENTS, rulesSchema, type RulesIntent } from "../forms/rules";

export interface RulesActionData {
  intent: RulesIntent | null;
  /** The catalogue entry an edit was about, so the page opens its form again with the errors. */
  id: number | null;
  ok: boolean;
  /** A message key (with parameters, see msg()) for the banner. */
  message: string | null;
  result: SubmissionResult<string[]> | null;
}

/**
 * 四议两公开 is the villages' flow, and ends in the village's vote: an urban community cannot mark it,
 * nor a category decided without the meeting's vote (no vote, or the building's owners). Null when
 * the mark may stand; else the refusal's message (nothing is written).
 */
function fourTwoRefusal(values: { fourTwo: boolean; needsVote: boolean; ownersDecide: boolean }, kind: "urban" | "village") {
  if (!values.fourTwo) return null;
  if (kind !== "village") return "fourTwo.rules.villageOnly";
  return !values.needsVote || values.ownersDecide ? "fourTwo.rules.needsVote" : null;
}

const refusedFourTwo = (message: string, submission: { reply: (o: { fieldErrors: Record<string, string[]> }) => SubmissionResult<string[]> }) => ({ message, result: submission.reply({ fieldErrors: { fourTwo: [message] } }) });

/**
 * The street admin's changes on the rules page: validates the form of the submitted intent and calls
 * the model. Invalid forms answer 400 with field errors; nothing is written then.
 */
export function handleRulesAction({ formData, communityId, actorId, pack, kind }: { formData: FormData; communityId: number; actorId: number; pack: PackId; kind: "urban" | "village" }): { status: number; data: RulesActionData } {
  const raw = formData.get("intent");
  const intent = RULES_INTENTS.find((i) => i === raw) ?? null;
  const reply = (status: number, data: Partial<RulesActionData>) => ({ status, data: { intent, id: null, ok: status < 300, message: null, result: null, ...data } });
  if (intent === "rules") {
    const submission = parseForm(formData, rulesSchema(pack));
    if (submission.status !== "success") return reply(400, { message: "errors.formInvalid", result: submission.reply() });
    const { intent: _i, ...values } = submission.value;
    const done = updateRules({ communityId, actorId, values });
    if (!done.ok) return reply(404, { message: "errors.notFound" });
    return reply(200, { message: done.changed.length ? msg("rulesEdit.saved", { count: done.changed.length }) : "rulesEdit.unchanged", result: submission.reply() });
  }
  if (intent === "pack") {
    const submission = parseForm(formData, packSchema);
    if (submission.status !== "success") return reply(400, { message: "errors.formInvalid", result: submission.reply() });
    const done = applyRulePack({ communityId, actorId, packId: submission.value.pack });
    if (!done.ok) return reply(404, { message: "errors.notFound" });
    return reply(200, { message: done.changed.length ? msg("rulesEdit.packApplied", { count: done.changed.length }) : "rulesEdit.unchanged" });
  }
  if (intent === "catalogueAdd") {
    const submission = parseForm(formData, catalogueAddSchema(pack));
    if (submission.status !== "success") return reply(400, { message: "errors.formInvalid", result: submission.reply() });
    const { intent: _i, ...values } = submission.value;
    const fourTwo = fourTwoRefusal(values, kind);
    if (fourTwo) return reply(400, refusedFourTwo(fourTwo, submission));
    addCatalogueEntry({ communityId, actorId, values });
    return reply(200, { message: "rulesEdit.catalogueAdded", result: submission.reply({ resetForm: true }) });
  }
  if (intent === "catalogueEdit") {
    const submission = parseForm(formData, catalogueEditSchema(pack));
    const id = Number(formData.get("id")) || null;
    if (submission.status !== "success") return reply(400, { id, message: "errors.formInvalid", result: submission.reply() });
    const { intent: _i, id: entryId, ...values } = submission.value;
    const fourTwo = fourTwoRefusal(values, kind);
    if (fourTwo) return reply(400, { id: entryId, ...refusedFourTwo(fourTwo, submission) });
    const done = updateCatalogueEntry({ communityId, actorId, id: entryId, values });
    if (!done.ok) return reply(404, { id: entryId, message: "rulesEdit.notFound" });
    return reply(200, { id: entryId, message: done.changed.length ? "rulesEdit.catalogueSaved" : "rulesEdit.unchanged" });
  }
  if (intent === "catalogueRemove") {
    const submission = parseForm(formData, catalogueRemoveSchema);
    if (submission.status !== "success") return reply(400, { message: "rulesEdit.notFound" });
    const done = removeCatalogueEntry({ communityId, actorId, id: submission.value.id });
    if (done.ok) return reply(200, { message: "rulesEdit.catalogueRemoved" });
    if (done.problem === "inUse") return reply(409, { id: submission.value.id, message: msg("rulesEdit.inUse", { count: done.topics }) });
    return reply(404, { id: submission.value.id, message: "rulesEdit.notFound" });
  }
  return reply(400, { message: "errors.formInvalid" });
}
