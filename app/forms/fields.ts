import { z } from "./zod";
import { msg } from "./messages";
import { cleanText } from "./limits";

/** Field builders shared by the form schemas: cleaned, trimmed text with bounds, and record ids. */
const required = { error: msg("errors.required") };

export const requiredText = (min: number, max: number) =>
  z
    .string(required)
    .transform(cleanText)
    // "required" inside too: a text of control characters only is cleaned to "", which conform turns into undefined.
    .pipe(
      z
        .string(required)
        .trim()
        .min(min, msg("errors.required"))
        .max(max, msg("errors.tooLong", { max })),
    );

export const optionalText = (max: number) => z.string().transform(cleanText).pipe(z.string().trim().max(max, msg("errors.tooLong", { max }))).optional().default("");

export const recordId = z.number({ error: msg("errors.integer") }).int(msg("errors.integer")).min(1, msg("errors.integer")).max(999999999999, msg("errors.integer"));

/**
 * The fields of a form that the person does not type (hidden ids, a button's value): the page shows
 * no message next to them, so an error on one means the form was altered or is out of date.
 */
export const UNTYPED = z.registry();

/** Marks a field as one the page sets, not the person (a copy: shared builders such as `recordId` stay typed). */
export function untyped<T extends z.ZodType>(field: T): T {
  const copy = field.clone() as T;
  UNTYPED.add(copy);
  return copy;
}

/** A decimal as typed ("1200", "35.5", "0.08"), at most two decimals, read exactly into hundredths (fen, or hundredths of a m²). */
export const hundredths = (errorKey: string) =>
  z
    .string(required)
    .trim()
    .regex(/^\d{1,9}(\.\d{1,2})?$/, msg(errorKey))
    .transform((v) => {
      const [whole, fraction = ""] = v.split(".");
      return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
    });

/** A record id the page puts in a hidden field or a button. */
export const hiddenId = untyped(recordId);

/**
 * The ticked box of an irreversible one-tap act (accept or reject a topic, freeze, close a vote, end a
 * meeting, report completion, a phone ballot): the server refuses the act without it, so the
 * confirmation holds without JavaScript too. The page renders it with <ConfirmTick> (components/ui).
 */
export const confirmed = z.literal("on", { error: msg("errors.confirmRequired") });
