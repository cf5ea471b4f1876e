import { parseForm } from "./parse-form.server";
import { json, redirect } from "@remix-run/node";
import type { Actor, ExecutionProblem } from "../models/execution.server";
import { checkPhotos } from "../models/photo.server";
import { recordVerification } from "../models/supervision.server";
import { readFileUpload, uploadMaxBytes } from "../models/upload.server";
import { pickIntent } from "../forms/meetings";
import { SUPERVISION_INTENTS, VERIFY_MAX_PHOTOS, verifySchema } from "../forms/supervision";
import { answerRefusal } from "./refusal.server";

type Poster = Actor & { request: Request; communitySlug: string };

// Not allowed for this person: 403. Allowed but not now (the round is over, the topic moved on): 409.
function refusal(intent: string | null, problem: ExecutionProblem, result: unknown = null) {
  return answerRefusal({ ok: false, problem }, { intent, result }, { wrongRole: 403 });
}

const invalid = (intent: string | null, result: unknown) => json({ intent, problem: null, result }, { status: 400 });

/** Posts of `/c/:community/supervision`: a supervisor records an on-site check (核实) with its photos. */
export async function handleSupervisionAction({ request, communityId, communitySlug, userId, roles }: Poster) {
  const upload = await readFileUpload(request, { field: "photos", maxFiles: VERIFY_MAX_PHOTOS, maxFileBytes: uploadMaxBytes() });
  const intent = pickIntent(SUPERVISION_INTENTS, upload.formData.get("intent"));
  if (intent !== "verify") return invalid(null, null);
  // Only supervisors check on site: refused before any photo is looked at or stored.
  if (!roles.includes("supervisor")) return refusal(intent, "wrongRole");
  const submission = parseForm(upload.formData, verifySchema);
  const checked = await checkPhotos(upload.files);
  const photoErrors = [...upload.fileErrors, ...checked.errors];
  if (submission.status !== "success" || upload.formError || photoErrors.length) {
    const fieldErrors: Record<string, string[]> = photoErrors.length ? { photos: photoErrors } : {};
    return invalid(intent, submission.reply({ fieldErrors, ...(upload.formError ? { formErrors: [upload.formError] } : {}) }));
  }
  const { topicId, notes, verified } = submission.value;
  const r = recordVerification({ communityId, userId, roles, topicId, notes, verified: verified === "yes", photos: checked.photos });
  return r.ok ? redirect(`/c/${communitySlug}/supervision#verify-${topicId}`) : refusal(intent, r.problem, submission.reply());
}
