import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { translateError } from "~/forms/messages";

/** A labelled native date input ("YYYY-MM-DD") bound to a conform field, with translated errors. */
export function DateField({ field, label, hint }: { field: FieldMetadata<string | undefined>; label: string; hint?: string }) {
  const { t } = useTranslation();
  const errors = field.errors ?? [];
  const describedBy = [hint ? `${field.id}-hint` : null, errors.length ? field.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        type="date"
        id={field.id}
        name={field.name}
        key={field.key}
        defaultValue={field.initialValue}
        required
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy}
        className={`block min-h-[44px] w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-hall-500 ${errors.length ? "border-red-500" : "border-stone-300"}`}
      />
      {hint ? (
        <p id={`${field.id}-hint`} className="text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <p id={field.errorId} className="text-sm text-red-700">
          {errors.map((e) => translateError(t, e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
