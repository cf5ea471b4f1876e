import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isoOf, useFormats, type Instant } from "./formats";

export interface NotificationData {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: Instant;
  readAt: Instant | null;
  topicId: number | null;
  communitySlug: string;
}

const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");

/** One notification in words: what happened, to which topic (a link), when. */
export function NotificationItem({ item }: { item: NotificationData }) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  const p = item.payload;
  const topic = t("notifications.topicRef", { number: text(p.number), title: text(p.title) });
  let what: string;
  if (item.kind === "topic.moved") {
    const action = t(`topic.actions.${text(p.action)}`, { defaultValue: text(p.action) });
    const state = t(`topic.states.${text(p.to)}`, { defaultValue: text(p.to) });
    // "Not accepted. Now: not accepted." says it twice: the state is added only when it tells more.
    what = state === action ? t("notifications.movedTo", { topic, action }) : t("notifications.moved", { topic, action, state });
  } else if (item.kind === "topic.mergedIn") {
    what = t("notifications.mergedIn", { topic, fromNumber: text(p.fromNumber), fromTitle: text(p.fromTitle) });
  } else {
    what = t("notifications.unknown", { topic });
  }
  const unread = item.readAt === null;
  return (
    <article className={`rounded-md border p-3 ${unread ? "border-hall-500 bg-hall-50" : "border-stone-200 bg-white"}`} data-testid="notification" data-unread={unread}>
      <p className="flex flex-wrap items-center gap-2 text-xs text-stone-500">
        {unread ? <span className="rounded bg-hall-600 px-1.5 py-0.5 font-medium text-white">{t("notifications.unread")}</span> : null}
        <time dateTime={isoOf(item.createdAt)}>{dateTime.format(new Date(item.createdAt))}</time>
      </p>
      <p className="mt-1 break-words text-sm text-stone-900">{what}</p>
      {item.kind === "topic.moved" && text(p.reason) ? (
        <p className="mt-1 whitespace-pre-wrap break-words text-sm text-stone-700">{t("notifications.movedReason", { reason: text(p.reason) })}</p>
      ) : null}
      {item.topicId ? (
        <p className="mt-2 text-sm">
          <Link to={`/c/${item.communitySlug}/topics/${item.topicId}`}>{t("notifications.open")}</Link>
        </p>
      ) : null}
    </article>
  );
}
