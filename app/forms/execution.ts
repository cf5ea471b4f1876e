import { z } from "./zod";
import { UNIT_KINDS } from "../workflow/execution";
import { confirmed, hiddenId, hundredths, optionalText, recordId, requiredText, untyped } from "./fields";
import { REASON_MAX } from "./limits";
import { msg } from "./messages";

export const UNIT_NAME_MAX = 60;
export const UNIT_CONTACT_MAX = 100;
export const TASK_TITLE_MAX = 100;
export const REPORT_MAX = 2000;
export const RECTIFY_MAX = 1000;
export const RESULT_MAX = 4000;
export const REPORT_MAX_PHOTOS = 3;

/** The posts of the units page. */
export const UNITS_INTENTS = ["create"] as const;
/** The posts of a topic's execution page. */
export const EXECUTION_INTENTS = ["task", "editTask", "removeTask", "report", "complete", "rectify", "answerRectification", "publishResult"] as const;
export type ExecutionIntent = (typeof EXECUTION_INTENTS)[number];

const required = { error: msg("errors.required") };

/** Yuan as typed ("1200", "35.5", "0.08"), at most two decimals, read exactly into fen. */
const yuan = hundredths("execution.errors.money");

export const isoDate = z
  .string(required)
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("execution.errors.date"))
  .refine((v) => {
    const t = Date.parse(`${v}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
  }, msg("execution.errors.date"));

export const unitSchema = z.object({
  intent: z.literal("create"),
  name: requiredText(1, UNIT_NAME_MAX),
  kind: z.enum(UNIT_KINDS, { error: msg("errors.choice") }),
  contact: optionalText(UNIT_CONTACT_MAX),
  // Ticked boxes whose values the page sets: a value that is not one of them means the form was altered.
  memberIds: untyped(z.array(recordId).max(50).optional().default([])),
});

export const taskSchema = z.object({
  intent: z.literal("task"),
  title: requiredText(1, TASK_TITLE_MAX),
  unitId: recordId,
  dueDate: isoDate,
  budgetYuan: yuan.optional(),
});

/** 修改任务: the same fields as adding one, for the task named. */
export const editTaskSchema = taskSchema.extend({ intent: z.literal("editTask"), taskId: hiddenId });

/** 移除任务: irreversible, so ticked, and said why (the reason is public, in the ledger). */
export const removeTaskSchema = z.object({ intent: z.literal("removeTask"), taskId: hiddenId, reason: requiredText(1, REASON_MAX), confirm: confirmed });


export const reportSchema = z.object({
  intent: z.literal("report"),
  taskId: hiddenId,
  body: requiredText(1, REPORT_MAX),
  percent: z.number({ error: msg("errors.integer") }).int(msg("errors.integer")).min(0, msg("errors.range", { min: 0, max: 100 })).max(100, msg("errors.range", { min: 0, max: 100 })),
  spentYuan: yuan.optional(),
});

export const completeSchema = z.object({ intent: z.literal("complete"), confirm: confirmed });
export const rectifySchema = z.object({ intent: z.literal("rectify"), taskId: hiddenId, body: requiredText(1, RECTIFY_MAX) });
export const answerRectificationSchema = z.object({ intent: z.literal("answerRectification"), rectificationId: hiddenId, answer: requiredText(1, RECTIFY_MAX) });
export const publishResultSchema = z.object({ intent: z.literal("publishResult"), summary: requiredText(1, RESULT_MAX) });

