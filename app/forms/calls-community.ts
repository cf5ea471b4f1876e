import { z } from "./zod";
import { confirmed, hiddenId, recordId, requiredText, untyped } from "./fields";
import { isoDate } from "./execution";
import { REASON_MAX } from "./limits";
import { msg } from "./messages";

/** 吹哨 / 街道派单 (issue 19): the community's and the street's posts about calls on the street's departments. */
export const CALL_ASK_MAX = 2000;
export const CALL_BODY_MAX = 2000;

/** The posts of the topic page's 部门响应 card (routed there by their intent). */
export const CALL_INTENTS = ["sendCall", "answerCall", "withdrawCall", "redispatchCall"] as const;
export type CallIntent = (typeof CALL_INTENTS)[number];

/** The posts of the street dashboard. */
export const DISPATCH_INTENTS = ["dispatch"] as const;

/** A department chosen from the list: a typed choice (an empty choice is said next to the field). */
const departmentId = z.number({ error: msg("callsCommunity.errors.department") }).int(msg("callsCommunity.errors.department")).min(1, msg("callsCommunity.errors.department")).max(999999999999, msg("callsCommunity.errors.department"));

const callFields = {
  departmentId,
  ask: requiredText(1, CALL_ASK_MAX),
  wantedDate: isoDate,
};

/** 吹哨: the committee calls on a department about the topic, or one of its open tasks ("" = the topic itself). */
// The task is chosen from the topic's open tasks (a value the page sets): another value means the form was altered.
export const sendCallSchema = z.object({ intent: z.literal("sendCall"), taskId: untyped(recordId.optional()), ...callFields });

/** The committee answers a department's question. */
export const answerCallSchema = z.object({ intent: z.literal("answerCall"), callId: hiddenId, body: requiredText(1, CALL_BODY_MAX) });

/** 撤回: irreversible, so ticked and said why (the reason goes to the department and the record). */
export const withdrawCallSchema = z.object({ intent: z.literal("withdrawCall"), callId: hiddenId, reason: requiredText(1, REASON_MAX), confirm: confirmed });

/** 转派: a declined (or unanswered overdue) call sent to another department. */
export const redispatchCallSchema = z.object({ intent: z.literal("redispatchCall"), callId: hiddenId, ...callFields });

/** 街道派单 from the dashboard: a stalled task (taskId) or an overdue topic (no taskId). */
export const dispatchSchema = z.object({ intent: z.literal("dispatch"), topicId: hiddenId, taskId: untyped(recordId.optional()), ...callFields });
