import { z } from "./zod";
import { ROLES } from "../workflow/roles";
import { msg } from "./messages";

export const revokeMembershipSchema = z.object({
  intent: z.literal("revoke"),
  community: z.string({ error: msg("errors.required") }).regex(/^[a-z0-9-]{1,40}$/, msg("errors.choice")),
  userId: z.number({ error: msg("errors.integer") }).int().min(1).max(Number.MAX_SAFE_INTEGER),
  role: z.enum(ROLES, { error: msg("errors.choice") }),
});
