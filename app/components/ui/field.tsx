import type { FieldMetadata } from "@conform-to/react";
import { getInputProps } from "@conform-to/react";
import { controlClass, describedBy, FieldShell } from "./field-shell";

type InputType = "text" | "password" | "number" | "email" | "date";

/** A labelled input bound to a conform field, with its hint and translated errors. */
export function Field({
  field,
  label,
  hint,
  type = "text",
  autoComplete,
  inputMode,
}: {
  field: FieldMetadata<string | number | undefined>;
  label: string;
  hint?: string;
  type?: InputType;
  autoComplete?: string;
  inputMode?: "numeric" | "text";
}) {
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <input
        {...getInputProps(field, { type, ariaDescribedBy: describedBy(field, hint) })}
        key={field.key}
        autoComplete={autoComplete}
        inputMode={inputMode}
        className={controlClass(field)}
      />
    </FieldShell>
  );
}
