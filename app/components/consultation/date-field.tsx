import type { FieldMetadata } from "@conform-to/react";
import { controlClass, describedBy, FieldShell } from "../ui/field-shell";

/** A labelled native date input ("YYYY-MM-DD") bound to a conform field, with translated errors. */
export function DateField({ field, label, hint }: { field: FieldMetadata<string | undefined>; label: string; hint?: string }) {
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <input
        type="date"
        id={field.id}
        name={field.name}
        key={field.key}
        defaultValue={field.initialValue}
        required
        aria-invalid={field.errors?.length ? true : undefined}
        aria-describedby={describedBy(field, hint)}
        className={controlClass(field)}
      />
    </FieldShell>
  );
}
