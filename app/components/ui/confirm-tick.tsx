import { useId } from "react";

/**
 * The box an irreversible one-tap act must have ticked (schema field `confirm`, builder `confirmed` in
 * app/forms/fields.ts). `required` lets the browser stop an unticked submit with or without our
 * script; the server refuses it again. `label` says what cannot be undone, in the page's words.
 */
export function ConfirmTick({ label, error, name = "confirm", className = "" }: { label: string; error?: string | null; name?: string; className?: string }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="flex min-h-[44px] cursor-pointer items-start gap-3 py-1 text-sm text-stone-800">
        <input id={id} type="checkbox" name={name} value="on" required aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="mt-0.5 h-5 w-5 shrink-0" />
        <span>{label}</span>
      </label>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
