import { useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { useClientNavigation } from "./client-nav";

/** As a router NavLink matches: the page itself, or (unless `end`) any page below it. */
function isActive(pathname: string, to: string, end: boolean) {
  const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  return path === to || (!end && path.startsWith(`${to}/`));
}

/**
 * The community's pages; visitors who do not belong there see only the public board. Plain links
 * with one click handler (useClientNavigation): the bar is on every community page, and router
 * NavLinks were most of its rendering.
 */
export function CommunityNav({ slug, name, belongs = true, supervises = false, readsRegister = false, keepsRoster = false }: { slug: string; name: string; belongs?: boolean; supervises?: boolean; readsRegister?: boolean; keepsRoster?: boolean }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const onClick = useClientNavigation();
  const board = { to: `/c/${slug}/board`, label: t("nav.board"), end: false };
  const links = belongs
    ? [
        { to: `/c/${slug}`, label: t("nav.hall"), end: true },
        { to: `/c/${slug}/meetings`, label: t("meetings.nav"), end: false },
        board,
        ...(supervises ? [{ to: `/c/${slug}/supervision`, label: t("supervision.nav"), end: false }] : []),
        ...(readsRegister ? [{ to: `/c/${slug}/register`, label: t("register.nav"), end: false }] : []),
        { to: `/c/${slug}/appraisals`, label: t("appraisal.nav"), end: false },
        { to: `/c/${slug}/units`, label: t("execution.units.nav"), end: false },
        { to: `/c/${slug}/rules`, label: t("nav.rules"), end: false },
        { to: `/c/${slug}/ledger`, label: t("nav.ledger"), end: false },
        ...(keepsRoster ? [{ to: `/c/${slug}/roster`, label: t("roster.nav"), end: false }] : []),
      ]
    : [board];
  return (
    <div className="border-b border-stone-200 bg-white">
      {/* One landmark for the whole bar, named after the community, so its name is inside it too. */}
      <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2" aria-label={name} onClick={onClick}>
        <span className="font-semibold text-stone-900" data-testid="community-name">
          {name}
        </span>
        <div className="flex gap-1 overflow-x-auto text-sm">
          {links.map((link) => {
            const active = isActive(pathname, link.to, link.end);
            return (
              <a
                key={link.to}
                href={link.to}
                aria-current={active ? "page" : undefined}
                className={`shrink-0 whitespace-nowrap rounded-md px-3 py-2 no-underline ${active ? "bg-hall-50 font-medium text-hall-700" : "text-stone-700 hover:bg-stone-100"}`}
              >
                {link.label}
              </a>
            );
          })}
        </div>
      </nav>
    </div>
  );
}
