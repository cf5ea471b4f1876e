import { z } from "./zod";
import { hiddenId, requiredText } from "./fields";
import { CORRECTION_REASON_MAX } from "./limits";
import { msg } from "./messages";

/** 责令改正: the street's public reason, and a ticked box that says the admin knows it cannot be undone. */
export const correctionSchema = z.object({
  intent: z.literal("orderCorrection"),
  resolutionId: hiddenId,
  reason: requiredText(1, CORRECTION_REASON_MAX),
  confirm: z.literal("on", { error: msg("resolutions.correction.confirmRequired") }),
});
