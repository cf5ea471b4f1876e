import type { FieldMetadata } from "@conform-to/react";
import { getSelectProps } from "@conform-to/react";
import { controlClass, describedBy, FieldShell } from "./field-shell";

export function SelectField({
  field,
  label,
  hint,
  options,
}: {
  field: FieldMetadata<string | number | undefined>;
  label: string;
  hint?: string;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <select {...getSelectProps(field, { ariaDescribedBy: describedBy(field, hint) })} key={field.key} className={controlClass(field)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
