import { z } from "./zod";
import { msg } from "./messages";
import { MODES, PREF_KINDS } from "../notify/pref-kinds";

export const EMAIL_MAX = 254;

// A plain address: something@host.tld, no spaces, no display name. Empty clears it.
const EMAIL = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+\.[^\s@<>(),;:"\\[\]]+$/;

const mode = z.enum(MODES, { error: msg("mail.errors.mode") });

export const notificationPrefsSchema = z.object({
  intent: z.literal("save"),
  email: z
    .string()
    .trim()
    .max(EMAIL_MAX, msg("errors.tooLong", { max: EMAIL_MAX }))
    .refine((v) => v === "" || EMAIL.test(v), msg("mail.errors.email"))
    .optional()
    .default(""),
  ...(Object.fromEntries(PREF_KINDS.map((k) => [`mode_${k}`, mode])) as Record<`mode_${(typeof PREF_KINDS)[number]}`, typeof mode>),
});
