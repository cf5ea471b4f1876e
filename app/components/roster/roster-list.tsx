import { useTranslation } from "~/i18n/use-translation";
import { kindVariables, type CommunityKind } from "~/i18n/kind-words";
import { Card } from "~/components/ui/card";

export interface RosterListPerson {
  id: number;
  displayName: string;
  pending: boolean;
  household: string;
  importId: number | null;
  communitySlug: string;
  communityNameZh: string;
  communityNameEn: string;
  communityKind: CommunityKind;
  roles: string[];
}

/** Who is on the roster (staff only): name, community, roles, household, joined or not, the import. */
export function RosterList({ people, street }: { people: RosterListPerson[]; street: boolean }) {
  const { t, i18n } = useTranslation();
  const pending = people.filter((p) => p.pending).length;
  return (
    <Card title={t("roster.list.title", { count: people.length })}>
      <p className="mb-2 text-sm text-stone-600" data-testid="roster-counts">
        {t("roster.list.counts", { pending, joined: people.length - pending })}
      </p>
      {people.length === 0 ? <p className="text-sm text-stone-600">{t("roster.list.empty")}</p> : null}
      <ul className="divide-y divide-stone-100" data-testid="roster-list">
        {people.map((p) => (
          <li key={p.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2 text-sm" data-testid="roster-person">
            <span className="font-medium">{p.displayName}</span>
            {street ? <span className="text-stone-600">{i18n.language === "en" ? p.communityNameEn : p.communityNameZh}</span> : null}
            <span>{p.roles.map((r) => t(`roles.${r}`, kindVariables(i18n, p.communityKind))).join("、")}</span>
            {p.household ? <span className="text-stone-600">{p.household}</span> : null}
            <span className={p.pending ? "rounded bg-amber-100 px-2 text-amber-900" : "rounded bg-green-100 px-2 text-green-900"}>{t(p.pending ? "roster.list.pending" : "roster.list.joined")}</span>
            {p.importId !== null ? <span className="text-xs text-stone-500">{t("roster.list.import", { id: p.importId })}</span> : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
