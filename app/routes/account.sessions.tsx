import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { requireUser } from "~/auth/guards.server";
import { blankSessionCookie, listUserSessions, revokeOtherSessions, revokeUserSession } from "~/auth/session.server";
import { readForm } from "~/actions/read-form.server";
import { formatsFor } from "~/components/topic/formats";
import { revokeSessionSchema } from "~/forms/sessions";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const current = args.context.auth!.sessionId;
  const sessions = listUserSessions({ userId: user.id }).map((s) => ({ ...s, current: s.id === current }));
  return json({ title: await pageTitle(args.request, [["sessions.title"]]), sessions });
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const current = args.context.auth!.sessionId;
  const submission = parseWithZod(await readForm(args.request), { schema: revokeSessionSchema });
  if (submission.status !== "success") return json({ revoked: 0, error: "errors.formInvalid" }, { status: 400 });
  const value = submission.value;
  if (value.intent === "revoke" && value.sessionId !== current) {
    return json({ revoked: revokeUserSession({ userId: user.id, sessionId: value.sessionId }) ? 1 : 0, error: null });
  }
  if (value.intent === "revokeOthers") {
    return json({ revoked: revokeOtherSessions({ userId: user.id, keepSessionId: current }), error: null });
  }
  // Revoking the current session, or all of them, signs this device out too.
  if (value.intent === "revokeAll") revokeOtherSessions({ userId: user.id, keepSessionId: current });
  revokeUserSession({ userId: user.id, sessionId: current });
  return redirect("/", { headers: { "Set-Cookie": blankSessionCookie(new URL(args.request.url).protocol === "https:") } });
}

function describeAgent(ua: string): string {
  if (!ua) return "";
  const browser = /Edg\//.test(ua) ? "Edge" : /Chrome\//.test(ua) ? "Chrome" : /Firefox\//.test(ua) ? "Firefox" : /Safari\//.test(ua) ? "Safari" : "";
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Windows/.test(ua) ? "Windows" : /Mac OS/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : "";
  return [browser, os].filter(Boolean).join(" · ") || ua.slice(0, 40);
}

export default function Sessions() {
  const { sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  // A person's sessions belong to no community: shown in the default zone, the same on server and browser.
  const format = formatsFor(i18n.language).dateTime;
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-6">
      <h1 className="text-2xl font-bold">{t("sessions.title")}</h1>
      <p className="text-stone-600">{t("sessions.intro")}</p>
      <p className="text-sm">
        <Link to="/account/notifications">{t("mail.prefs.link")}</Link>
      </p>
      {result && !result.error ? <Alert tone="success">{t("sessions.revoked", { count: result.revoked })}</Alert> : null}
      {result?.error ? <Alert tone="error">{t(result.error)}</Alert> : null}
      <ul className="space-y-3">
        {sessions.map((s) => (
          <li key={s.id}>
            <Card>
              <div className="flex flex-wrap items-start justify-between gap-3" data-testid="session-row">
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-stone-500">{t("sessions.device")}</dt>
                  <dd>
                    {describeAgent(s.userAgent) || t("sessions.unknownDevice")}
                    {s.current ? <span className="ml-2 rounded bg-green-100 px-1.5 text-xs text-green-800">{t("sessions.current")}</span> : null}
                  </dd>
                  <dt className="text-stone-500">{t("sessions.address")}</dt>
                  <dd>{s.ip || "—"}</dd>
                  <dt className="text-stone-500">{t("sessions.created")}</dt>
                  <dd>{format.format(new Date(s.createdAt))}</dd>
                  <dt className="text-stone-500">{t("sessions.lastSeen")}</dt>
                  <dd>{format.format(new Date(s.lastSeenAt))}</dd>
                  <dt className="text-stone-500">{t("sessions.expires")}</dt>
                  <dd>{format.format(new Date(s.expiresAt))}</dd>
                </dl>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="sessionId" value={s.id} />
                  <Button variant="secondary">{t(s.current ? "nav.signOut" : "sessions.revoke")}</Button>
                </Form>
              </div>
            </Card>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <Form method="post">
          <input type="hidden" name="intent" value="revokeOthers" />
          <Button variant="secondary">{t("sessions.revokeOthers")}</Button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="revokeAll" />
          <Button variant="danger">{t("sessions.signOutEverywhere")}</Button>
        </Form>
      </div>
    </main>
  );
}
