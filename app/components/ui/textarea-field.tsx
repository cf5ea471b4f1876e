import type { FieldMetadata } from "@conform-to/react";
import { getTextareaProps } from "@conform-to/react";
import { controlClass, describedBy, FieldShell } from "./field-shell";

/** A labelled textarea bound to a conform field, with its hint and translated errors. */
export function TextareaField({ field, label, hint, rows = 4, maxLength }: { field: FieldMetadata<string | undefined>; label: string; hint?: string; rows?: number; maxLength?: number }) {
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <textarea
        {...getTextareaProps(field, { ariaDescribedBy: describedBy(field, hint) })}
        key={field.key}
        rows={rows}
        maxLength={maxLength}
        className={controlClass(field, "")}
      />
    </FieldShell>
  );
}
