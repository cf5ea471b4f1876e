import { z } from "./zod";
import { msg } from "./messages";
import { cleanText } from "./topic-actions";

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
