import { json, redirect } from "@remix-run/node";
import { pickIntent } from "../forms/meetings";
import { addHouseholdSchema, addMemberSchema, editHouseholdSchema, editMemberSchema, REGISTER_INTENTS, removeHouseholdSchema, removeMemberSchema } from "../forms/register";
import { REGISTER_MAX_BYTES } from "../forms/register-limits";
import { addHousehold, addMember, editHousehold, editMember, importRegisterCsv, removeHousehold, removeMember, type RegisterProblem } from "../models/register.server";
import { readFileUpload } from "../models/upload.server";
import { parseForm } from "./parse-form.server";
import { answerRefusal } from "./refusal.server";

interface Poster {
  request: Request;
  communityId: number;
  communitySlug: string;
  actorId: number;
}

// A refusal of the data (a 户号 taken, a minor as representative): 409, said on the page.
const refusal = (intent: string, problem: RegisterProblem, result: unknown) => answerRefusal({ ok: false, problem }, { intent, result }, {}, 409);
const invalid = (intent: string | null, result: unknown) => json({ intent, problem: null, result }, { status: 400 });
const importRefused = (message: string) => json({ intent: "import" as const, outcome: { ok: false as const, problems: [{ line: 1, column: null, message }] } }, { status: 400 });

/** Posts of `/c/:community/register` (the guards have let only the register's editors through). */
export async function handleRegisterAction({ request, communityId, communitySlug, actorId }: Poster) {
  const upload = await readFileUpload(request, { field: "file", maxFiles: 1, maxFileBytes: REGISTER_MAX_BYTES });
  const formData = upload.formData;
  const intent = pickIntent(REGISTER_INTENTS, formData.get("intent"));
  if (!intent) return invalid(null, null);
  const done = (anchor: string) => redirect(`/c/${communitySlug}/register${anchor}`);
  const actor = { communityId, actorId };

  if (intent === "import") {
    if (upload.formError) return importRefused(upload.formError);
    if (upload.fileErrors.length) return importRefused(upload.fileErrors[0]);
    const file = upload.files[0];
    if (!file || file.size === 0) return importRefused("register.import.noFile");
    const outcome = importRegisterCsv({ ...actor, bytes: new Uint8Array(await file.arrayBuffer()) });
    return json({ intent, outcome }, { status: outcome.ok ? 200 : 400 });
  }
  if (intent === "addHousehold" || intent === "editHousehold") {
    const submission = intent === "addHousehold" ? parseForm(formData, addHouseholdSchema) : parseForm(formData, editHouseholdSchema);
    if (submission.status !== "success") return invalid(intent, submission.reply());
    const v = submission.value;
    const r = "householdId" in v ? editHousehold({ ...actor, ...v }) : addHousehold({ ...actor, ...v });
    if (!r.ok) return refusal(intent, r.problem, submission.reply());
    const id = "householdId" in v ? v.householdId : "id" in r ? r.id : 0;
    return done(`?edit=${id}#household-${id}`);
  }
  if (intent === "removeHousehold") {
    const submission = parseForm(formData, removeHouseholdSchema);
    if (submission.status !== "success") return invalid(intent, submission.reply());
    const r = removeHousehold({ ...actor, householdId: submission.value.householdId });
    return r.ok ? done("") : refusal(intent, r.problem, submission.reply());
  }
  if (intent === "addMember" || intent === "editMember") {
    const submission = intent === "addMember" ? parseForm(formData, addMemberSchema) : parseForm(formData, editMemberSchema);
    if (submission.status !== "success") return invalid(intent, submission.reply());
    const { representative, ...v } = submission.value;
    const member = { ...actor, ...v, representative: representative === "on" };
    const r = "memberId" in member ? editMember(member) : addMember(member);
    if (!r.ok) return refusal(intent, r.problem, submission.reply());
    return done("householdId" in member ? `?edit=${member.householdId}#household-${member.householdId}` : `#member-${member.memberId}`);
  }
  const submission = parseForm(formData, removeMemberSchema);
  if (submission.status !== "success") return invalid(intent, submission.reply());
  const r = removeMember({ ...actor, memberId: submission.value.memberId });
  return r.ok ? done("") : refusal(intent, r.problem, submission.reply());
}
