import { parse } from "@conform-to/react";
import { cleanText, COMMENT_MAX } from "./limits";
import { msg } from "./messages";

/**
 * The comment form's check in the browser: the rules of `commentSchema` (which the server applies)
 * written without zod, so the topic page does not carry zod. tests/unit/comment-check.test.ts holds
 * the two to the same verdicts.
 */
export function checkComment(formData: FormData) {
  return parse(formData, {
    resolve(payload) {
      const body = typeof payload.body === "string" ? cleanText(payload.body).trim() : null;
      if (!body) return { error: { body: [msg("errors.required")] } };
      if (body.length > COMMENT_MAX) return { error: { body: [msg("errors.tooLong", { max: COMMENT_MAX })] } };
      return { value: { intent: "comment" as const, body } };
    },
  });
}
