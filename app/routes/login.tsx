import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { getUser } from "~/auth/guards.server";
import { safeRedirect } from "~/auth/redirect";
import { signIn } from "~/auth/sign-in.server";
import { passRetryAfter, retryAfter } from "~/auth/throttle.server";
import { loginSchema } from "~/forms/auth";
import { landingPath } from "~/models/community.server";
import { translateError } from "~/forms/messages";
import { parseForm } from "~/actions/parse-form.server";
import { readForm } from "~/actions/read-form.server";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";

export const meta = titleMeta;

export const headers = passRetryAfter;

export async function loader(args: LoaderFunctionArgs) {
  if (getUser(args)) throw redirect(safeRedirect(new URL(args.request.url).searchParams.get("redirectTo")));
  return json({ title: await pageTitle(args.request, [["login.title"]]) });
}

export async function action(args: ActionFunctionArgs) {
  const formData = await readForm(args.request);
  const submission = parseForm(formData, loginSchema);
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  // Where to go is settled before a session exists: nothing after signing in may fail.
  const asked = safeRedirect(submission.value.redirectTo);
  const result = await signIn({ ...submission.value, request: args.request, clientIp: args.context.clientIp });
  if (!result.ok) {
    const headers = result.status === 429 ? retryAfter(result.waitMs) : undefined;
    return json(submission.reply({ formErrors: [result.error], hideFields: ["password"] }), { status: result.status, headers });
  }
  const to = asked === "/" ? landingPath({ userId: result.userId }) : asked;
  const headers = new Headers();
  for (const cookie of result.cookies) headers.append("Set-Cookie", cookie);
  return redirect(to, { headers });
}

export default function Login() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-8">
      <Card title={<span className="text-xl">{t("login.title")}</span>}>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
          {form.errors?.length ? <Alert tone="error" id={form.errorId}>{form.errors.map((e) => translateError(t, e)).join(" ")}</Alert> : null}
          <Field field={fields.username} label={t("login.username")} autoComplete="username" />
          <Field field={fields.password} label={t("login.password")} type="password" autoComplete="current-password" />
          <Button className="w-full" disabled={navigation.state === "submitting"}>
            {t("login.submit")}
          </Button>
        </Form>
        <p className="mt-4 text-sm text-stone-600">
          {t("login.noAccount")} <Link to="/join">{t("login.joinLink")}</Link>
        </p>
      </Card>
    </main>
  );
}
