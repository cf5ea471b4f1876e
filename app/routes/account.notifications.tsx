import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { requireUser } from "~/auth/guards.server";
import { readForm } from "~/actions/read-form.server";
import { notificationPrefsSchema } from "~/forms/notification-prefs";
import { MODES, PREF_KINDS, type Mode } from "~/notify/pref-kinds";
import { readEmail, readModes, saveNotificationPrefs } from "~/notify/prefs.server";
import { digestHour } from "~/notify/outbox.server";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  return json({ title: await pageTitle(args.request, [["mail.prefs.title"]]), email: readEmail(user.id), modes: readModes(user.id), digestHour: digestHour() });
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const submission = parseWithZod(await readForm(args.request), { schema: notificationPrefsSchema });
  if (submission.status !== "success") return json({ ok: false, result: submission.reply() }, { status: 400 });
  const { email, intent: _intent, ...modes } = submission.value;
  saveNotificationPrefs({ userId: user.id, email, modes: Object.fromEntries(PREF_KINDS.map((k) => [k, modes[`mode_${k}`]])) as Record<(typeof PREF_KINDS)[number], Mode> });
  return json({ ok: true, result: submission.reply() });
}

export default function NotificationPrefs() {
  const { email, modes, digestHour } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    lastResult: data?.result,
    defaultValue: { email, ...Object.fromEntries(PREF_KINDS.map((k) => [`mode_${k}`, modes[k]])) },
    shouldValidate: "onBlur",
  });
  const shown = data?.ok ? undefined : data?.result?.initialValue;
  const chosen = (kind: string) => (typeof shown?.[`mode_${kind}`] === "string" ? shown[`mode_${kind}`] : modes[kind as keyof typeof modes]);
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-6">
      <h1 className="text-2xl font-bold">{t("mail.prefs.title")}</h1>
      <p className="text-stone-600">{t("mail.prefs.intro")}</p>
      {data?.ok ? <Alert tone="success">{t("mail.prefs.saved")}</Alert> : null}
      {data && !data.ok ? <Alert tone="error">{t("errors.formInvalid")}</Alert> : null}
      {!email ? <p className="text-sm text-stone-600" data-testid="no-email">{t("mail.prefs.noEmail")}</p> : null}
      <Card>
        <Form method="post" {...getFormProps(form)} className="space-y-5">
          <input type="hidden" name="intent" value="save" />
          <Field field={fields.email} label={t("mail.prefs.email")} hint={t("mail.prefs.emailHint")} type="email" autoComplete="email" />
          <fieldset className="space-y-3">
            <legend className="font-medium">{t("mail.prefs.kindsLegend")}</legend>
            {PREF_KINDS.map((kind) => {
              const errors = data?.ok ? null : data?.result?.error?.[`mode_${kind}`];
              return (
                <fieldset key={kind} className="rounded-md border border-stone-200 p-3" data-testid={`pref-${kind}`}>
                  <legend className="px-1 text-sm text-stone-800">{t(`mail.prefs.kinds.${kind}`)}</legend>
                  <div className="flex flex-wrap gap-x-4 gap-y-2">
                    {MODES.map((mode) => (
                      <label key={mode} className="flex min-h-[40px] items-center gap-2 text-sm">
                        <input type="radio" name={`mode_${kind}`} value={mode} defaultChecked={chosen(kind) === mode} className="h-5 w-5" />
                        {t(`mail.prefs.modes.${mode}`)}
                      </label>
                    ))}
                  </div>
                  {errors?.length ? <p className="text-sm text-red-700">{t("mail.errors.mode")}</p> : null}
                </fieldset>
              );
            })}
          </fieldset>
          <p className="text-sm text-stone-600">{t("mail.prefs.digestAt", { hour: digestHour })}</p>
          <Button>{t("mail.prefs.save")}</Button>
        </Form>
      </Card>
      <p className="text-sm">
        <Link to="/notifications">{t("notifications.title")}</Link>
      </p>
    </main>
  );
}
