import { z } from "./zod";
import { confirmed, hiddenId, requiredText } from "./fields";

/** How long a token's label may be (it names the system that holds it: "市 12345 平台"). */
export const TOKEN_LABEL_MAX = 40;

/** The hotline page (/s/:street/hotline): make a token, revoke one (ticked: it cannot be undone). */
export const createTokenSchema = z.object({
  intent: z.literal("createToken"),
  label: requiredText(1, TOKEN_LABEL_MAX),
});

export const revokeTokenSchema = z.object({
  intent: z.literal("revokeToken"),
  tokenId: hiddenId,
  confirm: confirmed,
});
