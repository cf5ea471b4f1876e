import { z } from "./zod";
import { untyped } from "./fields";
import { msg } from "./messages";

export const TITLE_MAX = 80;
export const DESCRIPTION_MAX = 2000;
export const LOCATION_MAX = 80;
export const MAX_PHOTOS = 3;
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

// Characters that change how text is shown without being visible: bidi overrides and isolates,
// zero-width spaces and joiners, the BOM, soft hyphens. A title is one line of plain text.
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// A description keeps its line breaks and tabs, and zero-width joiners (emoji sequences need them).
const INVISIBLE_IN_TEXT = /(?![\n\t\u200d])[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** One line of plain text: invisible and control characters removed, runs of spaces collapsed. */
export function cleanLine(value: string): string {
  return value.replace(LINE_BREAKS, " ").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}

/** Multi-line plain text: line breaks normalised to \n, control and bidi characters removed. */
export function cleanText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(INVISIBLE_IN_TEXT, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Length in characters as people count them (code points), not UTF-16 units. */
export function charCount(value: string): number {
  return Array.from(value).length;
}

const required = { error: msg("errors.required") };

const maxChars = (max: number) => [(v: string) => charCount(v) <= max, msg("errors.tooLong", { max })] as const;

export const titleField = z
  .string(required)
  .overwrite(cleanLine)
  .min(1, msg("errors.required"))
  .refine(...maxChars(TITLE_MAX));

export const descriptionField = z
  .string(required)
  .overwrite(cleanText)
  .min(1, msg("errors.required"))
  .refine(...maxChars(DESCRIPTION_MAX));

export const optionalDescriptionField = z
  .string()
  .overwrite(cleanText)
  .refine(...maxChars(DESCRIPTION_MAX))
  .default("");

export const locationField = z
  .string()
  .overwrite(cleanLine)
  .refine(...maxChars(LOCATION_MAX))
  .default("");

export const categoryCodeField = z
  .string({ error: msg("errors.choice") })
  .trim()
  .regex(/^[a-z0-9_-]{1,40}$/, msg("errors.choice"));

/** Proposing a topic. Photos travel in the same multipart body and are checked apart (by their bytes). */
export const proposeSchema = z.object({
  title: titleField,
  description: descriptionField,
  category: categoryCodeField,
  location: locationField,
  showName: untyped(z.boolean().default(false)),
  fileAs: untyped(z.enum(["resident", "committee"], { error: msg("errors.choice") }).optional()),
});

export type ProposeValue = z.infer<typeof proposeSchema>;

/** What the similar-topic search and the hall's search accept: one line, at most 100 characters. */
export function cleanSearchQuery(value: string | null | undefined): string {
  return Array.from(cleanLine(value ?? "")).slice(0, 100).join("");
}
