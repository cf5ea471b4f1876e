import { z } from "./zod";
import { FOUR_TWO_STEPS, STEP_OUTCOMES } from "../workflow/assembly";
import { FOUR_TWO_BODY_MAX, FOUR_TWO_HEADCOUNT_MAX, FOUR_TWO_MINUTES_MAX } from "../workflow/four-two";
import { requiredText, untyped } from "./fields";
import { msg } from "./messages";
import { calendarDate } from "./party-review";

const headcount = z
  .number({ error: msg("errors.integer") })
  .int(msg("errors.integer"))
  .min(1, msg("errors.range", { min: 1, max: FOUR_TWO_HEADCOUNT_MAX }))
  .max(FOUR_TWO_HEADCOUNT_MAX, msg("errors.range", { min: 1, max: FOUR_TWO_HEADCOUNT_MAX }));

/**
 * 四议: one deliberation recorded on a topic — which step (set by the page: the next one), the day the
 * body met, the body, how many attended of how many expected, the outcome and the minutes.
 */
export const fourTwoStepSchema = z
  .object({
    intent: z.literal("fourTwoStep"),
    step: untyped(z.enum(FOUR_TWO_STEPS, { error: msg("errors.choice") })),
    heldOn: calendarDate("fourTwo.errors.date"),
    body: requiredText(1, FOUR_TWO_BODY_MAX),
    attended: headcount,
    expected: headcount,
    outcome: z.enum(STEP_OUTCOMES, { error: msg("errors.choice") }),
    minutes: requiredText(1, FOUR_TWO_MINUTES_MAX),
  })
  .refine((v) => v.attended <= v.expected, { path: ["attended"], message: msg("fourTwo.errors.attendance") });
