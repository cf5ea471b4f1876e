import { z } from "./zod";
import { TOPIC_ACTIONS } from "../workflow/transitions";
import { untyped } from "./fields";
import type { TopicAction } from "../workflow/transitions";
import { msg } from "./messages";

import { cleanText, COMMENT_MAX, REASON_MAX } from "./limits";

export { cleanText, COMMENT_MAX, REASON_MAX };

/** What the topic page's forms post as `intent`. */
export const TOPIC_INTENTS = ["cosign", "withdrawCosign", "comment", "move"] as const;
export type TopicIntent = (typeof TOPIC_INTENTS)[number];

export function topicIntent(value: FormDataEntryValue | null): TopicIntent | null {
  return typeof value === "string" && (TOPIC_INTENTS as readonly string[]).includes(value) ? (value as TopicIntent) : null;
}


const required = { error: msg("errors.required") };

export const commentSchema = z.object({
  intent: z.literal("comment"),
  body: z
    .string(required)
    .transform(cleanText)
    // The inner string too says "required": conform turns the cleaned "" (a body of control
    // characters only) into undefined, which would otherwise get zod's untranslated message.
    .pipe(
      z
        .string(required)
        .trim()
        .min(1, msg("errors.required"))
        .max(COMMENT_MAX, msg("errors.tooLong", { max: COMMENT_MAX })),
    ),
});

/** Moves of the topic page that carry a <ConfirmTick>: the server refuses them without `confirm=on`. */
export const CONFIRMED_MOVES: readonly TopicAction[] = ["accept", "reject"];

export const moveSchema = z.object({
  intent: z.literal("move"),
  action: untyped(z.enum(TOPIC_ACTIONS, { error: msg("errors.choice") })),
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
  /** The ticked box of an irreversible move (CONFIRMED_MOVES); other moves ignore it. */
  confirm: z.string().optional(),
}).superRefine((value, ctx) => {
  // 受理 and 不予受理 cannot be undone: without the ticked box (also without JavaScript) they are refused.
  if (CONFIRMED_MOVES.includes(value.action) && value.confirm !== "on") ctx.addIssue({ code: "custom", path: ["confirm"], message: msg("errors.confirmRequired") });
});
