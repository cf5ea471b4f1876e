import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { LanguageSwitch } from "./language-switch";
import { NotificationBell } from "./topic/notification-bell";

/** `queue`: a department contact's queue of calls (issue 19), linked from the header since they have no hall. */
export function SiteHeader({ user, unread = 0, queue = null }: { user: { displayName: string; username: string } | null; unread?: number; queue?: string | null }) {
  const { t } = useTranslation();
  return (
    <header className="border-b border-hall-700 bg-hall-600 text-white [&_:focus-visible]:outline-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <Link to="/" className="flex items-baseline gap-2 text-white no-underline hover:no-underline">
          <span className="text-xl font-bold tracking-wide">议事厅</span>
          <span className="hidden text-sm opacity-90 sm:inline">Yishiting</span>
        </Link>
        <nav className="flex flex-wrap items-center gap-2 text-sm" aria-label={t("nav.menu")}>
          <LanguageSwitch />
          {user ? (
            <>
              {queue ? (
                <Link to={queue} className="px-1 text-white" data-testid="calls-link">
                  {t("calls.link")}
                </Link>
              ) : null}
              <NotificationBell unread={unread} />
              <Link to="/account/sessions" className="px-1 text-white" data-testid="current-user">
                {user.displayName}
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="min-h-[40px] rounded-md bg-hall-700 px-3 text-white hover:bg-hall-500">
                  {t("nav.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <Link to="/login" className="rounded-md bg-white px-3 py-2 font-medium text-hall-700 no-underline">
              {t("nav.signIn")}
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}
