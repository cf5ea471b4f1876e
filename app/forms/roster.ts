import { z } from "./zod";
import { confirmed, untyped } from "./fields";
import { msg } from "./messages";
import { LETTER_SIZES } from "./roster-limits";

/** The posts of the roster pages (the street's and a community's). */
export const ROSTER_INTENTS = ["import", "letters"] as const;
export type RosterIntent = (typeof ROSTER_INTENTS)[number];

/**
 * Printing invite letters: the paper size and whose letters ("" = everyone not joined yet, or one
 * import's id). Chosen from lists, so a wrong value is an altered form. `confirm`: reissuing revokes
 * the codes of letters printed before, so the page asks first.
 */
export const lettersSchema = z.object({
  intent: z.literal("letters"),
  size: untyped(z.enum(LETTER_SIZES)),
  importId: untyped(
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        if (!/^\d{1,12}$/.test(v) || Number(v) < 1) {
          ctx.addIssue({ code: "custom", message: msg("errors.choice") });
          return z.NEVER;
        }
        return Number(v);
      }),
  ),
  confirm: confirmed,
});
