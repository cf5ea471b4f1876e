// The forms of the assembly's powers (issue 17): asking for an assembly online or on paper, naming
// the resolution a topic undoes, and recording or revoking an authorisation of the assembly.
import { z } from "./zod";
import { UNDO_KINDS } from "../workflow/assembly";
import { confirmed, hiddenId, optionalText, recordId, requiredText } from "./fields";
import { REQUEST_REASON_MAX } from "./meetings";
import { msg } from "./messages";

export const PETITION_LINES_MAX = 20_000;
export const AUTHORISATION_SCOPE_MAX = 300;

/** The meetings page's posts of this part (handled by actions/powers.server.ts). */
export const ASSEMBLY_REQUEST_INTENTS = ["requestAssembly", "petition"] as const;
/** The rules page's posts of this part: the committee's, where the rest are the street admin's. */
export const AUTHORISATION_INTENTS = ["authorise", "revokeAuthorisation"] as const;

export const requestAssemblySchema = z.object({ intent: z.literal("requestAssembly"), reason: requiredText(1, REQUEST_REASON_MAX) });

/** Staff record signers from paper: a new request (with its reason) or more signers on one (requestId). */
export const petitionSchema = z
  .object({ intent: z.literal("petition"), requestId: hiddenId.optional(), reason: optionalText(REQUEST_REASON_MAX), lines: requiredText(1, PETITION_LINES_MAX) })
  .superRefine((v, ctx) => {
    if (v.requestId === undefined && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: msg("errors.required") });
  });

/** The resolution a topic proposes to undo: none clears it. */
export const nameUndoSchema = z.object({ intent: z.literal("nameUndo"), resolutionId: recordId.optional(), kind: z.enum(UNDO_KINDS, { error: msg("errors.choice") }) });

const day = z
  .string({ error: msg("errors.required") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("consultation.errors.date"))
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), msg("consultation.errors.date"));

export const authoriseSchema = z.object({
  intent: z.literal("authorise"),
  catalogueEntryId: recordId,
  scope: requiredText(1, AUTHORISATION_SCOPE_MAX),
  grantedOn: day,
  expiresOn: day.optional(),
  meetingId: recordId,
});

export const revokeAuthorisationSchema = z.object({ intent: z.literal("revokeAuthorisation"), authorisationId: hiddenId, confirm: confirmed });
