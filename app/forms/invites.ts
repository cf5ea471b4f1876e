import { z } from "./zod";
import { ROLES } from "../workflow/roles";
import { msg } from "./messages";

const required = { error: msg("errors.required") };
const int = (min: number, max: number) =>
  z.number({ error: msg("errors.integer") }).int(msg("errors.integer")).min(min, msg("errors.range", { min, max })).max(max, msg("errors.range", { min, max }));

export const createInviteSchema = z.object({
  intent: z.literal("create"),
  community: z.string(required).regex(/^[a-z0-9-]{1,40}$/, msg("errors.choice")),
  role: z.enum(ROLES, { error: msg("errors.choice") }),
  maxUses: int(1, 500),
  expiresInDays: int(1, 90),
  note: z.string().trim().max(100, msg("errors.tooLong", { max: 100 })).default(""),
});

export const revokeInviteSchema = z.object({
  intent: z.literal("revoke"),
  inviteId: int(1, Number.MAX_SAFE_INTEGER),
});
