import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { UNTYPED } from "./fields";

/** The field an error belongs to: conform names nested errors `photos[0]` or `a.b`. */
const fieldOf = (name: string) => name.split(/[.[]/)[0];

/** True when an error falls on the intent or on a field marked `untyped`: no person typed a wrong value there. */
function isAltered(schema: z.ZodType, errors: Record<string, unknown>): boolean {
  const shape = "shape" in schema ? (schema.shape as Record<string, z.ZodType>) : {};
  return Object.keys(errors).some((name) => {
    const field = fieldOf(name);
    return field === "intent" || (Object.hasOwn(shape, field) && UNTYPED.has(shape[field]));
  });
}

/**
 * `parseWithZod`, except that a form refused for a field the person did not type (a hidden id, a
 * button's value, the intent, such a field sent twice) is answered with a thrown 400: the page would
 * show no message next to such a field, so the error boundary says the form was out of date or altered.
 * Errors on typed fields come back in the submission as before, to show next to their fields.
 */
export function parseForm<Schema extends z.ZodType>(formData: FormData, schema: Schema) {
  const submission = parseWithZod(formData, { schema });
  if (submission.status === "error" && submission.error && isAltered(schema, submission.error)) {
    throw new Response("Form out of date or altered", { status: 400, statusText: "Bad Request" });
  }
  return submission;
}
