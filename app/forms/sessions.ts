import { z } from "./zod";

export const revokeSessionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("revoke"), sessionId: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ intent: z.literal("revokeOthers") }),
  z.object({ intent: z.literal("revokeAll") }),
]);
