import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { NotificationItem } from "~/components/topic/notification-item";
import { Button } from "~/components/ui/button";
import { requireUser } from "~/auth/guards.server";
import { readForm } from "~/actions/read-form.server";
import { markAllRead } from "~/models/notification.server";
import { listMyNotifications } from "~/models/notification-page.server";
import { takeUnseenAssistedActs } from "~/models/assist-withdraw.server";
import { AssistNotice } from "~/components/assist/assist-lists";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const before = new URL(args.request.url).searchParams.get("before");
  const beforeId = before && /^[1-9]\d{0,11}$/.test(before) ? Number(before) : undefined;
  const title = await pageTitle(args.request, [["notifications.title"]]);
  // 代录: what staff recorded for this person in any community since they last looked (shown once).
  return json({ title, ...listMyNotifications({ userId: user.id, beforeId }), olderPage: beforeId !== undefined, assisted: takeUnseenAssistedActs({ userId: user.id }) });
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const form = await readForm(args.request);
  if (form.get("intent") !== "markAllRead") return json({ ok: false }, { status: 400 });
  markAllRead({ userId: user.id });
  return redirect("/notifications");
}

export default function Notifications() {
  const { items, hasOlder, olderPage, assisted } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("notifications.title")}</h1>
        <Link to="/account/notifications" className="text-sm" data-testid="notification-prefs-link">
          {t("mail.prefs.link")}
        </Link>
        {items.length ? (
          <Form method="post">
            <input type="hidden" name="intent" value="markAllRead" />
            <Button variant="secondary" disabled={busy}>
              {t("notifications.markAllRead")}
            </Button>
          </Form>
        ) : null}
      </div>
      <AssistNotice acts={assisted} />
      {items.length ? (
        <ol className="space-y-2" data-testid="notifications">
          {items.map((item) => (
            <li key={item.id}>
              <NotificationItem item={item} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-stone-600">{t("notifications.none")}</p>
      )}
      <nav className="flex justify-between text-sm">
        {olderPage ? <Link to="?">{t("notifications.newest")}</Link> : <span />}
        {hasOlder ? <Link to={`?before=${items[items.length - 1].id}`}>{t("notifications.older")}</Link> : null}
      </nav>
    </main>
  );
}
