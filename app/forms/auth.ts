import { z } from "./zod";
import { untyped } from "./fields";
import { cleanDisplayName, DISPLAY_NAME_MAX } from "./display-name";
import { msg } from "./messages";

const required = { error: msg("errors.required") };

export const USERNAME_PATTERN = /^[a-z0-9_-]{3,32}$/;

export const loginSchema = z.object({
  username: z.string(required).trim().max(64, msg("errors.tooLong", { max: 64 })),
  password: z.string(required).max(200, msg("errors.tooLong", { max: 200 })),
  redirectTo: untyped(z.string().max(500).optional()),
});

const code = z.string(required).trim().max(40, msg("errors.tooLong", { max: 40 }));

const username = z.string(required).trim().toLowerCase().regex(USERNAME_PATTERN, msg("errors.username"));
const password = z
  .string(required)
  .min(8, msg("errors.tooShort", { min: 8 }))
  .max(200, msg("errors.tooLong", { max: 200 }));

/** Joining as a new person: the invite fixes the community and role; the person picks the rest. */
export const joinNewSchema = z
  .object({
    intent: z.literal("new"),
    code,
    username,
    // Cleaned first, then checked: a name of invisible characters only is no name.
    displayName: z
      .string(required)
      .transform(cleanDisplayName)
      .pipe(
        z
          .string(required)
          .min(1, msg("errors.required"))
          .max(DISPLAY_NAME_MAX, msg("errors.tooLong", { max: DISPLAY_NAME_MAX })),
      ),
    password,
    confirm: z.string(required),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: msg("errors.passwordMismatch") });

/**
 * Joining with an invite letter (a roster's personal invite): the name, community and roles are the
 * roster's; the person picks a username and a password.
 */
export const joinClaimSchema = z
  .object({
    intent: z.literal("claim"),
    code,
    username,
    password,
    confirm: z.string(required),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: msg("errors.passwordMismatch") });

/** Joining as the signed-in person: only the code. */
export const joinExistingSchema = z.object({ intent: z.literal("existing"), code });
