import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { useZoneName } from "~/components/time-zone";
import type { DepartmentOption } from "./types";

/**
 * The plain fields of the call forms (no client-side schema: the topic page keeps zod out of its
 * script). Each takes the form's key so that ids stay unique on a page with a form per call.
 */
const control = (error: string | null) => `block min-h-[44px] w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-hall-500 ${error ? "border-red-500" : "border-stone-300"}`;

function Shell({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error: string | null; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const described = (id: string, hint: string | undefined, error: string | null) => [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

export function TextArea({ formKey, name, label, hint, error, maxLength }: { formKey: string; name: string; label: string; hint?: string; error: string | null; maxLength: number }) {
  const id = `${formKey}-${name}`;
  return (
    <Shell id={id} label={label} hint={hint} error={error}>
      <textarea id={id} name={name} rows={3} required maxLength={maxLength} aria-invalid={error ? true : undefined} aria-describedby={described(id, hint, error)} className={control(error)} />
    </Shell>
  );
}

export function DepartmentSelect({ formKey, departments, error }: { formKey: string; departments: DepartmentOption[]; error: string | null }) {
  const { t, i18n } = useTranslation();
  const id = `${formKey}-departmentId`;
  return (
    <Shell id={id} label={t("callsCommunity.send.department")} error={error}>
      <select id={id} name="departmentId" required defaultValue="" aria-invalid={error ? true : undefined} aria-describedby={described(id, undefined, error)} className={control(error)}>
        <option value="">{t("callsCommunity.send.departmentPlaceholder")}</option>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {t("callsCommunity.send.departmentOption", { name: i18n.language === "en" ? d.nameEn : d.nameZh, hours: d.responseHours })}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function WantedDate({ formKey, error, zone }: { formKey: string; error: string | null; zone?: string }) {
  const { t } = useTranslation();
  const zoneName = useZoneName();
  const id = `${formKey}-wantedDate`;
  const hint = t("callsCommunity.send.wantedHint", { zone: zone ?? zoneName });
  return (
    <Shell id={id} label={t("callsCommunity.send.wanted")} hint={hint} error={error}>
      <input type="date" id={id} name="wantedDate" required aria-invalid={error ? true : undefined} aria-describedby={described(id, hint, error)} className={control(error)} />
    </Shell>
  );
}

/** Department, what is asked and by when: the fields every new call has (吹哨, 转派, 派单). */
export function CallFields({ formKey, departments, errorOf, zone }: { formKey: string; departments: DepartmentOption[]; errorOf: (name: string) => string | null; zone?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <DepartmentSelect formKey={formKey} departments={departments} error={errorOf("departmentId")} />
      <TextArea formKey={formKey} name="ask" label={t("callsCommunity.send.ask")} hint={t("callsCommunity.send.askHint")} error={errorOf("ask")} maxLength={2000} />
      <WantedDate formKey={formKey} error={errorOf("wantedDate")} zone={zone} />
    </>
  );
}
