import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { kindVariables } from "~/i18n/kind-words";
import { formatsFor, isoOf } from "./formats";
import { describe, type NotificationData, type Translate } from "./notification-words";

export type { NotificationData } from "./notification-words";

/** One notification in words: what happened, to which topic or meeting (a link), when. */
export function NotificationItem({ item }: { item: NotificationData }) {
  const { t: translate, i18n } = useTranslation();
  const { dateTime } = formatsFor(i18n.language, item.timeZone);
  const words = kindVariables(i18n, item.communityKind);
  const t = ((key: string, options?: Record<string, unknown>) => translate(key, { ...words, ...options })) as Translate;
  const { what, detail, link } = describe(item, t, (iso) => dateTime.format(new Date(iso)));
  const unread = item.readAt === null;
  return (
    <article className={`rounded-md border p-3 ${unread ? "border-hall-500 bg-hall-50" : "border-stone-200 bg-white"}`} data-testid="notification" data-unread={unread}>
      <p className="flex flex-wrap items-center gap-2 text-xs text-stone-500">
        {unread ? <span className="rounded bg-hall-600 px-1.5 py-0.5 font-medium text-white">{t("notifications.unread")}</span> : null}
        <time dateTime={isoOf(item.createdAt)}>{dateTime.format(new Date(item.createdAt))}</time>
      </p>
      <p className="mt-1 break-words text-sm text-stone-900">{what}</p>
      {detail ? <p className="mt-1 whitespace-pre-wrap break-words text-sm text-stone-700">{detail}</p> : null}
      {link ? (
        <p className="mt-2 text-sm">
          <Link to={link.to}>{link.label}</Link>
        </p>
      ) : null}
    </article>
  );
}
