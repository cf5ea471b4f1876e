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
  const props = getSelectProps(field, { ariaDescribedBy: describedBy(field, hint) });
  // A tampered post may carry the field twice: conform echoes both values, a single <select> shows one.
  const defaultValue = Array.isArray(props.defaultValue) ? props.defaultValue[0] : props.defaultValue;
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <select {...props} defaultValue={defaultValue} key={field.key} className={controlClass(field)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
