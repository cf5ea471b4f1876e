import { z } from "./zod";
import { msg } from "./messages";
import { confirmed, hiddenId, optionalText } from "./fields";
import { cleanDisplayName } from "./display-name";
import { RESPONSE_HOURS_MAX, RESPONSE_HOURS_MIN } from "../workflow/department-call";

/**
 * The street's departments page (/s/:street/departments): add, edit, archive and restore a
 * department; add and remove its contact people; invite a new contact with a one-use code.
 */
export const DEPARTMENT_NAME_MAX = 40;
export const DEPARTMENT_CONTACT_MAX = 100;
export const INVITE_NOTE_MAX = 100;

const required = { error: msg("errors.required") };
// One cleaned line (as display names are), 1–40 characters.
const nameZh = z
  .string(required)
  .transform(cleanDisplayName)
  .pipe(z.string(required).min(1, msg("errors.required")).max(DEPARTMENT_NAME_MAX, msg("errors.tooLong", { max: DEPARTMENT_NAME_MAX })));
// Optional: an empty English name is the Chinese one (the model fills it in).
const nameEn = z
  .string()
  .transform(cleanDisplayName)
  .pipe(z.string().max(DEPARTMENT_NAME_MAX, msg("errors.tooLong", { max: DEPARTMENT_NAME_MAX })))
  .optional()
  .default("");
const responseHours = z
  .number({ error: msg("departments.problems.responseHours") })
  .int(msg("departments.problems.responseHours"))
  .min(RESPONSE_HOURS_MIN, msg("departments.problems.responseHours"))
  .max(RESPONSE_HOURS_MAX, msg("departments.problems.responseHours"));

// How the public reaches it (an office, a phone line): one cleaned line, may be empty.
const contact = z
  .string()
  .transform(cleanDisplayName)
  .pipe(z.string().max(DEPARTMENT_CONTACT_MAX, msg("errors.tooLong", { max: DEPARTMENT_CONTACT_MAX })))
  .optional()
  .default("");

const departmentFields = { nameZh, nameEn, contact, responseHours };

export const addDepartmentSchema = z.object({ intent: z.literal("add"), ...departmentFields });
export const editDepartmentSchema = z.object({ intent: z.literal("edit"), departmentId: hiddenId, ...departmentFields });
export const archiveDepartmentSchema = z.object({ intent: z.literal("archive"), departmentId: hiddenId, confirm: confirmed });
export const restoreDepartmentSchema = z.object({ intent: z.literal("restore"), departmentId: hiddenId });

/** An existing account, by the username it signs in with. */
export const addContactSchema = z.object({
  intent: z.literal("addContact"),
  departmentId: hiddenId,
  username: z
    .string(required)
    .trim()
    .toLowerCase()
    .min(1, msg("errors.required"))
    .max(32, msg("departments.problems.unknownUser")),
});
export const removeContactSchema = z.object({ intent: z.literal("removeContact"), departmentId: hiddenId, userId: hiddenId, confirm: confirmed });

export const inviteContactSchema = z.object({ intent: z.literal("invite"), departmentId: hiddenId, note: optionalText(INVITE_NOTE_MAX) });
export const revokeDepartmentInviteSchema = z.object({ intent: z.literal("revokeInvite"), inviteId: hiddenId, confirm: confirmed });

export const DEPARTMENT_INTENTS = ["add", "edit", "archive", "restore", "addContact", "removeContact", "invite", "revokeInvite"] as const;
export type DepartmentIntent = (typeof DEPARTMENT_INTENTS)[number];

export const DEPARTMENT_SCHEMAS = {
  add: addDepartmentSchema,
  edit: editDepartmentSchema,
  archive: archiveDepartmentSchema,
  restore: restoreDepartmentSchema,
  addContact: addContactSchema,
  removeContact: removeContactSchema,
  invite: inviteContactSchema,
  revokeInvite: revokeDepartmentInviteSchema,
} as const;

/** "48 小时(2 天)": the limit in hours, and in days too from a day up (one decimal at most). */
export function responseDays(hours: number): number | null {
  return hours >= 24 ? Math.round((hours / 24) * 10) / 10 : null;
}
