import { useId } from "react";

const INPUT = "block min-h-[44px] w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-hall-500";

/** A labelled plain input of the register's forms (they post without JavaScript; the server checks every field). */
export function RegisterInput({ name, label, hint, type = "text", defaultValue, required = false, maxLength }: { name: string; label: string; hint?: string; type?: "text" | "date"; defaultValue?: string; required?: boolean; maxLength?: number }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input id={id} name={name} type={type} defaultValue={defaultValue} required={required} maxLength={maxLength} aria-describedby={hint ? `${id}-hint` : undefined} className={INPUT} />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The account a member is linked to: none, or one of the community's accounts. */
export function AccountSelect({ label, none, accounts, defaultValue }: { label: string; none: string; accounts: ReadonlyArray<{ id: number; name: string }>; defaultValue: number | null }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select id={id} name="userId" defaultValue={defaultValue === null ? "" : String(defaultValue)} className={INPUT}>
        <option value="">{none}</option>
        {accounts.map((a) => (
          <option key={a.id} value={String(a.id)}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A form that opens under its summary: many per page, none in the way on a phone. */
export function Disclosure({ summary, children, danger = false }: { summary: string; children: React.ReactNode; danger?: boolean }) {
  return (
    <details className="rounded-md border border-stone-200 bg-stone-50 px-3 py-1">
      <summary className={`min-h-[44px] cursor-pointer py-2 text-sm font-medium ${danger ? "text-red-700" : "text-hall-700"}`}>{summary}</summary>
      <div className="space-y-3 pb-3">{children}</div>
    </details>
  );
}
