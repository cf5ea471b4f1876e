import { z } from "./zod";
import { msg } from "./messages";
import { confirmed, hiddenId, optionalText, recordId } from "./fields";
import { ANSWER_MAX, STANCES } from "./consultation";
import { RATING_COMMENT_MAX } from "./limits";
import { descriptionField, locationField, titleField } from "./topic";
import { RATINGS } from "../workflow/execution";

/** The channels and kinds of 代录, as db/schema/reach.ts has them (kept drizzle-free for the page). */
export const CHANNELS = ["visit", "phone", "home"] as const;
export const KINDS = ["topic", "cosign", "answer", "rating"] as const;

const choice = { error: msg("errors.choice") };
/** What every 代录 form asks: for whom, how they asked, and that they asked (the server checks the tick). */
const common = { personId: recordId, channel: z.enum(CHANNELS, choice), confirm: confirmed };

export const assistTopicSchema = z.object({ intent: z.literal("topic"), ...common, title: titleField, description: descriptionField, location: locationField });
export const assistCosignSchema = z.object({ intent: z.literal("cosign"), ...common, topicId: recordId });
export const assistAnswerSchema = z.object({ intent: z.literal("answer"), ...common, topicId: recordId, stance: z.enum(STANCES, choice), text: optionalText(ANSWER_MAX) });
export const assistRatingSchema = z.object({ intent: z.literal("rating"), ...common, topicId: recordId, rating: z.enum(RATINGS, choice), comment: optionalText(RATING_COMMENT_MAX) });
/** The person withdraws an act recorded for them. */
export const withdrawAssistSchema = z.object({ intent: z.literal("withdraw"), actId: hiddenId, confirm: confirmed });

export const ASSIST_SCHEMAS = { topic: assistTopicSchema, cosign: assistCosignSchema, answer: assistAnswerSchema, rating: assistRatingSchema, withdraw: withdrawAssistSchema } as const;
export type AssistIntent = keyof typeof ASSIST_SCHEMAS;

export function assistIntent(value: FormDataEntryValue | null): AssistIntent | null {
  return typeof value === "string" && Object.hasOwn(ASSIST_SCHEMAS, value) ? (value as AssistIntent) : null;
}
