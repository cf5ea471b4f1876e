import type { FieldMetadata } from "@conform-to/react";
import { getInputProps } from "@conform-to/react";
import { useTranslation } from "~/i18n/use-translation";
import { translateError } from "~/forms/messages";

type NumberField = FieldMetadata<number | undefined>;

export function fieldErrors(t: ReturnType<typeof useTranslation>["t"], ...fields: NumberField[]) {
  return fields.flatMap((f) => f.errors ?? []).map((e) => translateError(t, e));
}

/** A small number box for forms with many numbers (no label of its own: the caller's label points at it). */
export function NumberInput({ field, label, className = "w-24" }: { field: NumberField; label: string; className?: string }) {
  const invalid = Boolean(field.errors?.length);
  return (
    <input
      {...getInputProps(field, { type: "number", ariaDescribedBy: invalid ? field.errorId : undefined })}
      key={field.key}
      aria-label={label}
      inputMode="numeric"
      className={`min-h-[44px] rounded-md border bg-white px-2 py-2 text-base ${className} ${invalid ? "border-red-500" : "border-stone-300"}`}
    />
  );
}

export function Errors({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="text-sm text-red-700" data-testid="field-error">
      {messages.join(" ")}
    </p>
  );
}
