import { z } from "./zod";
import { PARTY_REVIEW_OUTCOMES } from "../workflow/meetings";
import { requiredText } from "./fields";
import { PARTY_BODY_MAX, PARTY_NOTE_MAX } from "./limits";
import { msg } from "./messages";

/** A calendar date as a date input sends it ("YYYY-MM-DD"), a real day. */
export const calendarDate = (errorKey: string) =>
  z
    .string({ error: msg("errors.required") })
    .regex(/^\d{4}-\d{2}-\d{2}$/, msg(errorKey))
    .refine((v) => {
      const t = Date.parse(`${v}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
    }, msg(errorKey));

/** 党组织研究讨论: the day, the body that met, its outcome and a note or minutes. */
export const partyReviewSchema = z.object({
  intent: z.literal("partyReview"),
  reviewedOn: calendarDate("party.errors.date"),
  body: requiredText(1, PARTY_BODY_MAX),
  outcome: z.enum(PARTY_REVIEW_OUTCOMES, { error: msg("errors.choice") }),
  note: requiredText(1, PARTY_NOTE_MAX),
});
