import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The community's pages; visitors who do not belong there see only the public board. */
export function CommunityNav({ slug, name, belongs = true, supervises = false }: { slug: string; name: string; belongs?: boolean; supervises?: boolean }) {
  const { t } = useTranslation();
  const board = { to: `/c/${slug}/board`, label: t("nav.board"), end: false };
  const links = belongs
    ? [
        { to: `/c/${slug}`, label: t("nav.hall"), end: true },
        { to: `/c/${slug}/meetings`, label: t("meetings.nav"), end: false },
        board,
        ...(supervises ? [{ to: `/c/${slug}/supervision`, label: t("supervision.nav"), end: false }] : []),
        { to: `/c/${slug}/units`, label: t("execution.units.nav"), end: false },
        { to: `/c/${slug}/rules`, label: t("nav.rules"), end: false },
        { to: `/c/${slug}/ledger`, label: t("nav.ledger"), end: false },
      ]
    : [board];
  return (
    <div className="border-b border-stone-200 bg-white">
      {/* One landmark for the whole bar, named after the community, so its name is inside it too. */}
      <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2" aria-label={name}>
        <span className="font-semibold text-stone-900" data-testid="community-name">
          {name}
        </span>
        <div className="flex gap-1 overflow-x-auto text-sm">
          {links.map((link) => (
            <NavLink
              key={link.to}
              to={link.to}
              end={link.end}
              className={({ isActive }) =>
                `shrink-0 whitespace-nowrap rounded-md px-3 py-2 no-underline ${isActive ? "bg-hall-50 font-medium text-hall-700" : "text-stone-700 hover:bg-stone-100"}`
              }
            >
              {link.label}
            </NavLink>
          ))}
        </div>
      </nav>
    </div>
  );
}
