import { z } from "./zod";
import { RATINGS } from "../workflow/execution";
import { msg } from "./messages";
import { optionalText, untyped } from "./fields";
import { RATING_COMMENT_MAX } from "./limits";

export { RATING_COMMENT_MAX };

/** The residents' rating of a result (满意 / 基本满意 / 不满意) with an optional comment. */
export const rateSchema = z.object({
  intent: z.literal("rate"),
  // Radios with one always checked: only an altered form gets it refused.
  rating: untyped(z.enum(RATINGS, { error: msg("errors.choice") })),
  comment: optionalText(RATING_COMMENT_MAX),
});
