import { z } from "./zod";
import { msg } from "./messages";
import { confirmed, hiddenId, optionalText, requiredText } from "./fields";
import { REASON_MAX } from "./limits";

export const QUESTION_MAX = 200;
export const ANSWER_MAX = 1000;
export const PLACE_MAX = 100;
export const PARTICIPANTS_MAX = 2000;
export const OPINIONS_MAX = 4000;
export const MINUTES_MAX = 8000;
export const SUMMARY_MAX = 1000;
export const DEADLINE_MIN_DAYS = 1;
export const DEADLINE_MAX_DAYS = 60;

export const STANCES = ["support", "supportWithChanges", "oppose"] as const;
export type Stance = (typeof STANCES)[number];

/** What the consultation page's forms post as `intent`. */
export const CONSULTATION_INTENTS = ["open", "answer", "close", "summarise", "meeting", "freeze", "waive"] as const;
export type ConsultationIntent = (typeof CONSULTATION_INTENTS)[number];

export function consultationIntent(value: FormDataEntryValue | null): ConsultationIntent | null {
  return typeof value === "string" && (CONSULTATION_INTENTS as readonly string[]).includes(value) ? (value as ConsultationIntent) : null;
}

const required = { error: msg("errors.required") };
const text = requiredText;
const id = hiddenId;
const isoDate = z
  .string(required)
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("consultation.errors.date"))
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), msg("consultation.errors.date"));

export const openSchema = z.object({ intent: z.literal("open"), question: text(1, QUESTION_MAX), deadline: isoDate });

export const answerSchema = z.object({
  intent: z.literal("answer"),
  consultationId: id,
  stance: z.enum(STANCES, { error: msg("consultation.errors.stance") }),
  text: optionalText(ANSWER_MAX),
});

export const closeSchema = z.object({ intent: z.literal("close"), consultationId: id });

export const summariseSchema = z.object({ intent: z.literal("summarise"), consultationId: id, note: optionalText(SUMMARY_MAX) });

export const meetingSchema = z.object({
  intent: z.literal("meeting"),
  heldAt: isoDate,
  place: text(1, PLACE_MAX),
  participants: text(1, PARTICIPANTS_MAX),
  opinions: optionalText(OPINIONS_MAX),
  minutes: optionalText(MINUTES_MAX),
});

/** 定稿 cannot be undone: the form carries a <ConfirmTick>, and the server refuses it unticked. */
export const freezeSchema = z.object({ intent: z.literal("freeze"), confirm: confirmed });

/**
 * 不经协商: for a category whose catalogue entry makes consultation optional, the committee records
 * why it skips it (a public reason); it cannot be taken back, so it is confirmed too.
 */
export const waiveSchema = z.object({ intent: z.literal("waive"), reason: requiredText(1, REASON_MAX), confirm: confirmed });

/** Whole days from `today` to `date` (both "YYYY-MM-DD"). */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

// A date typed on a form is a day in the community's time zone (its rules): localDate, endOfLocalDay
// and startOfLocalDay take that zone (getTimeZone(communityId) on the server).
export { endOfLocalDay, localDate, startOfLocalDay } from "../i18n/time-zone";

/** A draft with nothing but its headings (and blank lines) has nothing to freeze. */
export function isEmptyDraft(canonical: string): boolean {
  return canonical.split("\n").every((line) => line.trim() === "" || /^#{1,6} /.test(line));
}
