import { z } from "zod";
import { TOPIC_ACTIONS } from "../workflow/transitions";
import { msg } from "./messages";

import { COMMENT_MAX, REASON_MAX } from "./limits";

export { COMMENT_MAX, REASON_MAX };

/** What the topic page's forms post as `intent`. */
export const TOPIC_INTENTS = ["cosign", "withdrawCosign", "comment", "move"] as const;
export type TopicIntent = (typeof TOPIC_INTENTS)[number];

export function topicIntent(value: FormDataEntryValue | null): TopicIntent | null {
  return typeof value === "string" && (TOPIC_INTENTS as readonly string[]).includes(value) ? (value as TopicIntent) : null;
}

// Control characters (except tab and line breaks) and bidirectional overrides have no place in a
// plain-text comment: they are dropped; line breaks are kept, as "\n".
const UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(UNWANTED, "");
}

const required = { error: msg("errors.required") };

export const commentSchema = z.object({
  intent: z.literal("comment"),
  body: z
    .string(required)
    .transform(cleanText)
    .pipe(
      z
        .string()
        .trim()
        .min(1, msg("errors.required"))
        .max(COMMENT_MAX, msg("errors.tooLong", { max: COMMENT_MAX })),
    ),
});

export const moveSchema = z.object({
  intent: z.literal("move"),
  action: z.enum(TOPIC_ACTIONS, { error: msg("errors.choice") }),
  reason: z
    .string()
    .transform(cleanText)
    .pipe(z.string().trim().max(REASON_MAX, msg("errors.tooLong", { max: REASON_MAX })))
    .optional(),
  mergeNumber: z
    .number({ error: msg("errors.integer") })
    .int(msg("errors.integer"))
    .min(1, msg("errors.range", { min: 1, max: 999999999 }))
    .max(999999999, msg("errors.range", { min: 1, max: 999999999 }))
    .optional(),
});
