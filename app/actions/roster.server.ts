import { json } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { pickIntent } from "../forms/meetings";
import { lettersSchema, ROSTER_INTENTS } from "../forms/roster";
import { ROSTER_MAX_BYTES } from "../forms/roster-limits";
import { importRoster } from "../models/roster-import.server";
import { issueLetters } from "../models/roster-letters.server";
import { listRosterImports, type RosterScope } from "../models/roster.server";
import { readFileUpload } from "../models/upload.server";
import { chineseLetters } from "../pages/invite-letters.server";
import { parseForm } from "./parse-form.server";

// Codes and personal data: never kept by a shared cache, never re-shown from one.
const PRIVATE = { "Cache-Control": "private, no-store" };
const importRefused = (message: string) => json({ intent: "import" as const, outcome: { ok: false as const, problems: [{ line: 1, column: null, message }] }, letters: null }, { status: 400, headers: PRIVATE });

/** Posts of `/s/:street/roster` and `/c/:community/roster` (the guards have let only the roster's staff through). */
export async function handleRosterAction({ request, scope, actorId }: { request: Request; scope: RosterScope; actorId: number }) {
  const upload = await readFileUpload(request, { field: "file", maxFiles: 1, maxFileBytes: ROSTER_MAX_BYTES });
  const intent = pickIntent(ROSTER_INTENTS, upload.formData.get("intent"));
  if (!intent) return json({ intent: null, outcome: null, letters: null }, { status: 400 });

  if (intent === "import") {
    if (upload.formError) return importRefused(upload.formError);
    if (upload.fileErrors.length) return importRefused(upload.fileErrors[0]);
    const file = upload.files[0];
    if (!file || file.size === 0) return importRefused("roster.import.noFile");
    const outcome = importRoster({ ...scope, actorId, bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name });
    return json({ intent, outcome, letters: null }, { status: outcome.ok ? 200 : 400, headers: PRIVATE });
  }

  const submission = parseForm(upload.formData, lettersSchema);
  if (submission.status !== "success") return json({ intent, outcome: null, letters: null, result: submission.reply() }, { status: 400 });
  const { size, importId } = submission.value;
  // An import of another street or community is not there for this page.
  if (importId !== null && !listRosterImports(scope).some((i) => i.id === importId)) notFound();
  const letters = await chineseLetters(await issueLetters({ scope, importId, actorId }));
  return json({ intent, outcome: null, letters: { size, items: letters } }, { headers: PRIVATE });
}
