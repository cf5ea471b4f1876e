import { z } from "./zod";
import { confirmed, hiddenId, recordId, requiredText } from "./fields";
import { isoDate } from "./execution";
import { msg } from "./messages";
import { CALL_PROGRESS_MAX, CALL_TEXT_MAX } from "../workflow/department-call";

/** Issue 19, part calls: the forms of a call's street page (the department's answers; the admin's withdrawal and re-dispatch). */
export const CALL_INTENTS = ["accept", "askForMore", "decline", "progress", "resolve", "answerInfo", "withdraw", "redispatch"] as const;
export type CallIntent = (typeof CALL_INTENTS)[number];
export const CALL_MAX_PHOTOS = 3;

const text = requiredText(1, CALL_TEXT_MAX);

const percent = z
  .number({ error: msg("errors.integer") })
  .int(msg("errors.integer"))
  .min(0, msg("errors.range", { min: 0, max: CALL_PROGRESS_MAX }))
  .max(CALL_PROGRESS_MAX, msg("errors.range", { min: 0, max: CALL_PROGRESS_MAX }));

export const acceptSchema = z.object({ intent: z.literal("accept"), callId: hiddenId, promisedDate: isoDate, body: text });
export const askForMoreSchema = z.object({ intent: z.literal("askForMore"), callId: hiddenId, body: text });
/** 退回: final for this department, so ticked. */
export const declineSchema = z.object({ intent: z.literal("decline"), callId: hiddenId, reason: text, confirm: confirmed });
export const progressSchema = z.object({ intent: z.literal("progress"), callId: hiddenId, body: text, percent });
/** 办结: final, so ticked; the photos come as files. */
export const resolveSchema = z.object({ intent: z.literal("resolve"), callId: hiddenId, body: text, confirm: confirmed });
export const answerInfoSchema = z.object({ intent: z.literal("answerInfo"), callId: hiddenId, body: text });
export const withdrawSchema = z.object({ intent: z.literal("withdraw"), callId: hiddenId, reason: text, confirm: confirmed });
export const redispatchSchema = z.object({ intent: z.literal("redispatch"), callId: hiddenId, departmentId: recordId, ask: text, wantedDate: isoDate, confirm: confirmed });
