import { useTranslation } from "~/i18n/use-translation";
import type { UnitKind } from "~/workflow/execution";

export interface UnitRow {
  id: number;
  name: string;
  kind: UnitKind;
  contact: string;
  contacts: string[];
}

/** 责任单位: name, kind, how to reach it and who reports for it. */
export function UnitList({ units }: { units: UnitRow[] }) {
  const { t } = useTranslation();
  if (units.length === 0) return <p className="rounded-lg border border-dashed border-stone-300 p-4 text-sm text-stone-600">{t("execution.units.none")}</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2" data-testid="unit-list">
      {units.map((u) => (
        <li key={u.id} id={`unit-${u.id}`} className="min-w-0 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="break-words text-base font-semibold text-stone-900">{u.name}</h2>
            <span className="rounded-full bg-hall-50 px-2 py-0.5 text-xs text-hall-800">{t(`execution.kinds.${u.kind}`)}</span>
          </div>
          <dl className="mt-2 space-y-1 text-sm">
            <div className="flex gap-2">
              <dt className="shrink-0 text-stone-500">{t("execution.units.contact")}</dt>
              <dd className="min-w-0 break-words text-stone-800">{u.contact || t("execution.units.noContact")}</dd>
            </div>
            <div className="flex gap-2">
              <dt className="shrink-0 text-stone-500">{t("execution.units.people")}</dt>
              <dd className="min-w-0 break-words text-stone-800">{u.contacts.length ? u.contacts.join("、") : t("execution.units.noPeople")}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
