import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "../forms/zod";
import { UNTYPED } from "../forms/fields";

/** The field an error belongs to: conform names nested errors `photos[0]` or `a.b`. */
const fieldOf = (name: string) => name.split(/[.[]/)[0];

const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> => (schema instanceof z.ZodObject ? schema.shape : {});

/** A list field (several ticked boxes), seen through `.optional()` and `.default()`. */
function isList(field: z.ZodType): boolean {
  if (field instanceof z.ZodOptional || field instanceof z.ZodDefault) return isList(field.def.innerType as z.ZodType);
  return field instanceof z.ZodArray;
}

/** A form field sent twice that holds one value: no page sends that, whoever typed it. */
function hasTwice(shape: Record<string, z.ZodType>, formData: FormData): boolean {
  return Object.keys(shape).some((name) => formData.getAll(name).length > 1 && !isList(shape[name]));
}

/** An error on the intent or on a field marked `untyped`: no person typed a wrong value there. */
function hasUntypedError(shape: Record<string, z.ZodType>, errors: Record<string, unknown>): boolean {
  return Object.keys(errors).some((name) => {
    const field = fieldOf(name);
    return field === "intent" || (Object.hasOwn(shape, field) && UNTYPED.has(shape[field]));
  });
}

/**
 * `parseWithZod`, except that a form refused for what no person types (a hidden id, a button's
 * value, the intent, a field sent twice) is answered with a thrown 400: the page would show no
 * message next to such a field, so the error boundary says the form was out of date or altered.
 * Errors on typed fields come back in the submission as before, to show next to their fields.
 */
export function parseForm<Schema extends z.ZodType>(formData: FormData, schema: Schema) {
  const submission = parseWithZod(formData, { schema });
  const shape = shapeOf(schema);
  if (submission.status === "error" && (hasTwice(shape, formData) || (submission.error && hasUntypedError(shape, submission.error)))) {
    throw new Response("Form out of date or altered", { status: 400, statusText: "Bad Request" });
  }
  return submission;
}
