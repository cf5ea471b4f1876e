import { z } from "./zod";
import { BALLOT_CHOICES, ON_FAIL } from "../workflow/meetings";
import { ASSEMBLY_COUNTS, MEETING_BODIES } from "../workflow/assembly";
import { confirmed, hiddenId, recordId, requiredText, untyped } from "./fields";
import { msg } from "./messages";
import { OBJECTION_ANSWER_MAX, OBJECTION_MAX } from "./limits";

export { OBJECTION_ANSWER_MAX, OBJECTION_MAX };

export const MEETING_TITLE_MAX = 80;
export const MEETING_PLACE_MAX = 100;
export const REQUEST_REASON_MAX = 500;
export const CANCEL_REASON_MAX = 300;

/** The posts of the meetings list page. */
export const MEETINGS_INTENTS = ["schedule", "request", "sign", "requestAssembly", "petition"] as const;
/** The posts of one meeting's page. */
export const MEETING_INTENTS = ["table", "withdrawMotion", "start", "end", "cancel", "checkIn", "observe", "open", "vote", "close", "count"] as const;
/** The posts of an assembly's door page. */
export const DOOR_INTENTS = ["doorCheckIn"] as const;
/** The posts about a resolution, on its topic's page. */
export const RESOLUTION_INTENTS = ["object", "answerObjection"] as const;

export function pickIntent<T extends readonly string[]>(intents: T, value: FormDataEntryValue | null): T[number] | null {
  return typeof value === "string" && (intents as readonly string[]).includes(value) ? (value as T[number]) : null;
}

// A box is ticked or not: only an altered form gets it refused.
const checkbox = untyped(
  z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true" || v === "1"),
);

/**
 * "YYYY-MM-DDTHH:MM" from a datetime-local input: a wall time in the community's zone, which the
 * server turns into an instant (instantOfWallTime with getTimeZone) — the schema cannot know the zone.
 */
const localDateTime = z
  .string({ error: msg("errors.required") })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, msg("meetings.errors.dateTime"))
  .refine((v) => !Number.isNaN(Date.parse(`${v}:00Z`)), msg("meetings.errors.dateTime"));

export const scheduleSchema = z.object({
  intent: z.literal("schedule"),
  title: requiredText(1, MEETING_TITLE_MAX),
  place: requiredText(1, MEETING_PLACE_MAX),
  scheduledAt: localDateTime,
  requestId: hiddenId.optional(),
  acceptShortNotice: checkbox,
  // 代表会议 or the assembly; for the assembly, persons or households (the model refuses an assembly without it).
  body: z.enum(MEETING_BODIES, { error: msg("errors.choice") }).default("representatives"),
  countBy: z.enum(ASSEMBLY_COUNTS, { error: msg("errors.choice") }).optional(),
});

export const requestSchema = z.object({ intent: z.literal("request"), reason: requiredText(1, REQUEST_REASON_MAX) });
export const signSchema = z.object({ intent: z.literal("sign"), requestId: hiddenId });

export const tableSchema = z.object({
  intent: z.literal("table"),
  topicId: recordId,
  secret: checkbox,
  onFail: z.enum(ON_FAIL, { error: msg("errors.choice") }).default("revise"),
});
export const withdrawMotionSchema = z.object({ intent: z.literal("withdrawMotion"), motionId: hiddenId });
/** 开会: before the announced time the convener ticks "会议提前于公告时间开始" (the model refuses without it). */
export const startSchema = z.object({ intent: z.literal("start"), early: checkbox });
/** 散会 cannot be undone: motions not voted on lapse, a session without quorum is 流会. */
export const endSchema = z.object({ intent: z.literal("end"), confirm: confirmed });
export const cancelSchema = z.object({ intent: z.literal("cancel"), reason: requiredText(1, CANCEL_REASON_MAX) });
export const checkInSchema = z.object({ intent: z.literal("checkIn"), forUserId: hiddenId.optional() });
export const observeSchema = z.object({ intent: z.literal("observe") });
export const openSchema = z.object({ intent: z.literal("open"), motionId: hiddenId });
/** 结束表决 settles the result for good. */
export const closeSchema = z.object({ intent: z.literal("close"), motionId: hiddenId, confirm: confirmed });
export const voteSchema = z.object({
  intent: z.literal("vote"),
  motionId: hiddenId,
  // The button pressed.
  choice: untyped(z.enum(BALLOT_CHOICES, { error: msg("meetings.errors.choice") })),
  forUserId: hiddenId.optional(),
  // A ballot, one's own or a hand vote recorded for another, can never be changed.
  confirm: confirmed,
});

export const TELLERS_MAX = 100;
const count = z.number({ error: msg("errors.integer") }).int(msg("errors.integer")).min(0, msg("errors.integer")).max(999999, msg("errors.integer"));
/** 计票结果: an assembly's motion counted by hand, with its tellers (计票人、监票人); it settles the result for good. */
export const countSchema = z.object({
  intent: z.literal("count"),
  motionId: hiddenId,
  yes: count,
  no: count,
  abstain: count,
  countedBy: requiredText(1, TELLERS_MAX),
  confirm: confirmed,
});
/** 门口签到: a seat of the assembly's roll, and (counting households) which adult came for it. */
export const doorCheckInSchema = z.object({ intent: z.literal("doorCheckIn"), rollId: hiddenId, memberId: hiddenId.optional() });

export const objectSchema = z.object({ intent: z.literal("object"), body: requiredText(1, OBJECTION_MAX) });
export const answerObjectionSchema = z.object({
  intent: z.literal("answerObjection"),
  objectionId: hiddenId,
  answer: requiredText(1, OBJECTION_ANSWER_MAX),
  upheld: z.enum(["yes", "no"], { error: msg("errors.choice") }).transform((v) => v === "yes"),
});
