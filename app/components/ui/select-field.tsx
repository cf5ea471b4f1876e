import type { FieldMetadata } from "@conform-to/react";
import { getSelectProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { translateError } from "~/forms/messages";

export function SelectField({
  field,
  label,
  options,
}: {
  field: FieldMetadata<string | undefined>;
  label: string;
  options: Array<{ value: string; label: string }>;
}) {
  const { t } = useTranslation();
  const errors = field.errors ?? [];
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select
        {...getSelectProps(field)}
        key={field.key}
        className={`block min-h-[44px] w-full rounded-md border bg-white px-3 py-2 text-base ${errors.length ? "border-red-500" : "border-stone-300"}`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errors.length ? (
        <p id={field.errorId} className="text-sm text-red-700">
          {errors.map((e) => translateError(t, e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
