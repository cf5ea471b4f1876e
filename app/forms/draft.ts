import { z } from "./zod";
import { untyped } from "./fields";
import { msg } from "./messages";
import { cleanText } from "./topic-actions";

export const VERSION_NOTE_MAX = 200;
export const DRAFT_COMMENT_MAX = 2000;
export const QUOTE_MAX = 300;
export const ANSWER_MAX = 1000;

/** What the drafting page's forms post as `intent`. */
export const DRAFT_INTENTS = ["saveVersion", "comment", "answer"] as const;
export type DraftIntent = (typeof DRAFT_INTENTS)[number];

export function draftIntent(value: FormDataEntryValue | null): DraftIntent | null {
  return typeof value === "string" && (DRAFT_INTENTS as readonly string[]).includes(value) ? (value as DraftIntent) : null;
}

// The text is cleaned and trimmed first, then checked: conform turns an empty string into "missing",
// so the checks run on the transformed value rather than on a piped z.string().
const text = (max: number, required: boolean) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const cleaned = cleanText(value ?? "").trim();
      if (required && !cleaned) ctx.addIssue({ code: "custom", message: msg("errors.required") });
      else if (cleaned.length > max) ctx.addIssue({ code: "custom", message: msg("errors.tooLong", { max }) });
      return cleaned;
    });

const id = z.coerce
  .number({ error: msg("errors.integer") })
  .int(msg("errors.integer"))
  .min(1, msg("errors.integer"))
  .max(999999999999, msg("errors.integer"));

export const saveVersionSchema = z.object({
  intent: z.literal("saveVersion"),
  note: text(VERSION_NOTE_MAX, false),
});

export const draftCommentSchema = z.object({
  intent: z.literal("comment"),
  body: text(DRAFT_COMMENT_MAX, true),
  quote: text(QUOTE_MAX, false),
  parentId: untyped(id.optional()),
});

export const answerSchema = z.object({
  intent: z.literal("answer"),
  commentId: untyped(id),
  status: z.enum(["adopted", "notAdopted"], { error: msg("errors.choice") }),
  reply: text(ANSWER_MAX, true),
});
