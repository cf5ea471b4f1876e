import { z } from "./zod";
import { hiddenId, requiredText } from "./fields";
import { msg } from "./messages";

export const VERIFY_NOTES_MAX = 2000;
/** Photos of an on-site check, at most. */
export const VERIFY_MAX_PHOTOS = 3;

/** The posts of the supervision page. */
export const SUPERVISION_INTENTS = ["verify"] as const;

/** 核实: a supervisor's on-site check of a topic being verified (photos travel beside it, multipart). */
export const verifySchema = z.object({
  intent: z.literal("verify"),
  topicId: hiddenId,
  notes: requiredText(1, VERIFY_NOTES_MAX),
  // Nothing is chosen for the supervisor: a check says what was found, never what a form assumed.
  verified: z.enum(["yes", "no"], { error: msg("supervision.errors.verdict") }),
});
