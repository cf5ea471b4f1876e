import type { FieldMetadata } from "@conform-to/react";
import { getInputProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { translateError } from "~/forms/messages";

type InputType = "text" | "password" | "number" | "email";

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
  const { t } = useTranslation();
  const errors = field.errors ?? [];
  const describedBy = [hint ? `${field.id}-hint` : null, errors.length ? field.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        {...getInputProps(field, { type, ariaDescribedBy: describedBy })}
        key={field.key}
        autoComplete={autoComplete}
        inputMode={inputMode}
        className={`block min-h-[44px] w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-hall-500 ${
          errors.length ? "border-red-500" : "border-stone-300"
        }`}
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
