import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { translateError } from "~/forms/messages";

type AnyField = FieldMetadata<string | number | undefined>;

/** The ids an input should name in aria-describedby: its hint and, when present, its errors. */
export function describedBy(field: Pick<AnyField, "id" | "errorId" | "errors">, hint?: string): string | undefined {
  return [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined;
}

export function controlClass(field: Pick<AnyField, "errors">, extra = "min-h-[44px]"): string {
  return `block ${extra} w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-hall-500 ${field.errors?.length ? "border-red-500" : "border-stone-300"}`;
}

/** Label, the control, its hint and its translated errors: the frame every form field shares. */
export function FieldShell({ field, label, hint, children }: { field: Pick<AnyField, "id" | "errorId" | "errors">; label: string; hint?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const errors = field.errors ?? [];
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children}
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
