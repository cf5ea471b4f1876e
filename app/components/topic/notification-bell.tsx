import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/** The header's bell: a link to /notifications with the number of unread ones. */
export function NotificationBell({ unread }: { unread: number }) {
  const { t } = useTranslation();
  const label = unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell");
  return (
    <Link
      to="/notifications"
      className="relative inline-flex min-h-[44px] min-w-[44px] items-center justify-center rounded-md text-white hover:bg-hall-700"
      aria-label={label}
      title={label}
      data-testid="bell"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread > 0 ? (
        <span className="absolute right-0.5 top-0.5 min-w-[1.25rem] rounded-full bg-amber-400 px-1 text-center text-xs font-bold leading-5 text-stone-900" data-testid="unread-count">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
