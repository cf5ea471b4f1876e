import { parseWithZod } from "@conform-to/zod/v4";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkComment } from "~/forms/comment-check";
import { requiredText } from "~/forms/fields";
import { COMMENT_MAX } from "~/forms/limits";
import { commentSchema } from "~/forms/topic-actions";

function form(body: string | null): FormData {
  const data = new FormData();
  data.set("intent", "comment");
  if (body !== null) data.set("body", body);
  return data;
}

/** What a person sees from a check: accepted (with the stored text) or the error keys per field. */
function verdict(submission: { status?: string; value?: unknown; error?: Record<string, string[] | null> | null }) {
  return submission.status === "success" ? { ok: true, value: submission.value } : { ok: false, error: submission.error };
}

const agree = (body: string | null) => expect(verdict(checkComment(form(body)))).toEqual(verdict(parseWithZod(form(body), { schema: commentSchema })));

describe("the comment form's browser check (zod-free) and the server's schema", () => {
  it("agree on the edges: missing, blank, control characters only, at and past the limit", () => {
    for (const body of [null, "", "   ", "\n\r\n", "\u0000\u202e", " 好 ", "a\r\nb", "x".repeat(COMMENT_MAX), "x".repeat(COMMENT_MAX + 1), ` ${"字".repeat(COMMENT_MAX)} `]) agree(body);
  });

  it("agree on any text", () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom(" ", "\n", "\r\n", "\t", "\u0007", "\u202e", "\u3000", "评论"));
    const text = fc.oneof(fc.array(piece).map((p) => p.join("")), fc.integer({ min: COMMENT_MAX - 3, max: COMMENT_MAX + 3 }).map((n) => "好".repeat(n)));
    fc.assert(
      fc.property(text, (body) => {
        agree(body);
      }),
      { numRuns: 300 },
    );
  });
});

describe("required text made only of control characters", () => {
  it("is refused as required, in the translated message, not zod's own", () => {
    const schema = z.object({ title: requiredText(1, 10) });
    const data = new FormData();
    data.set("title", "\u0007\u202e");
    expect(parseWithZod(data, { schema }).reply().error).toEqual({ title: ["errors.required"] });
  });
});
