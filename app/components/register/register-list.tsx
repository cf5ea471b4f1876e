import { useTranslation } from "~/i18n/use-translation";
import { HouseholdCard, type HouseholdView } from "./household-card";

/** The households by group (村民小组 / 居民小组): a list, readable on a phone. */
export function RegisterList({ households, canEdit, editing, accounts }: { households: HouseholdView[]; canEdit: boolean; editing: number | null; accounts: ReadonlyArray<{ id: number; name: string }> }) {
  const { t } = useTranslation();
  if (households.length === 0) return <p className="text-sm text-stone-600">{t("register.empty")}</p>;
  const groups = new Map<string, HouseholdView[]>();
  for (const h of households) groups.set(h.groupName, [...(groups.get(h.groupName) ?? []), h]);
  return (
    <div className="space-y-5">
      {[...groups].map(([group, members]) => (
        <section key={group} aria-label={group || t("register.noGroup")}>
          <h2 className="mb-2 text-lg font-semibold text-stone-900">
            {group || t("register.noGroup")} <span className="text-sm font-normal text-stone-500">({members.length})</span>
          </h2>
          <ul className="space-y-3">
            {members.map((h) => (
              <HouseholdCard key={h.id} household={h} canEdit={canEdit} editing={canEdit && editing === h.id} accounts={accounts} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
