import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { readDeviceToken, rememberDevice } from "~/auth/device.server";
import { getUser } from "~/auth/guards.server";
import { createSession, generateSessionToken, sessionCookie } from "~/auth/session.server";
import { forgiveFailure, passRetryAfter, recordFailure, retryAfter, throttledFor, waitMessage } from "~/auth/throttle.server";
import { joinClaimSchema, joinExistingSchema, joinNewSchema } from "~/forms/auth";
import { translateError } from "~/forms/messages";
import { parseForm } from "~/actions/parse-form.server";
import { readForm } from "~/actions/read-form.server";
import { joinProblemField, joinWithCode } from "~/actions/join.server";
import { personalInvite } from "~/models/roster-claim.server";
import { checkDepartmentInvite } from "~/models/department-invite.server";
import { JoinLetter } from "~/components/roster/join-letter";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";

export const meta = titleMeta;

export const headers = passRetryAfter;

export async function loader(args: LoaderFunctionArgs) {
  const user = getUser(args);
  // An invite letter's link: the person it is for (whoever holds the code may see whose it is).
  const code = new URL(args.request.url).searchParams.get("code");
  const letter = code ? personalInvite(code.slice(0, 40)) : null;
  // A department's code in the link: say whose contact it makes its holder (issue 19).
  const forDepartment = code ? checkDepartmentInvite(code.slice(0, 40))?.invite : undefined;
  const department = forDepartment ? { nameZh: forDepartment.nameZh, nameEn: forDepartment.nameEn, streetNameZh: forDepartment.streetNameZh, streetNameEn: forDepartment.streetNameEn } : null;
  return json({ title: await pageTitle(args.request, [["join.title"]]), user: user ? { displayName: user.displayName } : null, letter, department });
}

export async function action(args: ActionFunctionArgs) {
  const user = getUser(args);
  const formData = await readForm(args.request);
  const schema = formData.get("intent") === "claim" ? joinClaimSchema : user ? joinExistingSchema : joinNewSchema;
  const submission = parseForm(formData, schema);
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  const ip = args.context.clientIp;
  const waitMs = throttledFor("address", ip);
  if (waitMs > 0) {
    return json(submission.reply({ formErrors: [waitMessage(waitMs)], hideFields: ["password", "confirm"] }), { status: 429, headers: retryAfter(waitMs) });
  }
  // Counted before the awaited redemption (hashing the password), in the same synchronous step as the
  // look above, so parallel guesses cannot all pass it; taken back unless the code was invalid.
  recordFailure("address", ip);
  const value = submission.value;
  const result = await joinWithCode(value, user?.id ?? null);
  if (!result.ok) {
    if (result.problem !== "invalid") forgiveFailure("address", ip);
    const { field, message } = joinProblemField(result.problem);
    return json(submission.reply({ fieldErrors: { [field]: [message] }, hideFields: ["password", "confirm"] }), { status: 400 });
  }
  forgiveFailure("address", ip);
  const headers = new Headers();
  if (!user || value.intent === "claim") {
    const token = generateSessionToken();
    const session = createSession({ token, userId: result.userId, userAgent: args.request.headers.get("user-agent") ?? "", ip });
    const secure = new URL(args.request.url).protocol === "https:";
    headers.append("Set-Cookie", sessionCookie(token, session.expiresAt, secure));
    headers.append("Set-Cookie", rememberDevice({ token: readDeviceToken(args.request.headers.get("cookie")), userId: result.userId, secure }));
  }
  return redirect(result.to, { headers });
}

export default function Join() {
  const { user, letter, department } = useLoaderData<typeof loader>();
  if (letter && !user) return <JoinLetter letter={letter} />;
  return <JoinForm user={user} department={department} />;
}

interface DepartmentOfCode {
  nameZh: string;
  nameEn: string;
  streetNameZh: string;
  streetNameEn: string;
}

function JoinForm({ user, department }: { user: { displayName: string } | null; department: DepartmentOfCode | null }) {
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const schema = user ? joinExistingSchema : joinNewSchema;
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { code: params.get("code") ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-8">
      <Card title={<span className="text-xl">{t("join.title")}</span>}>
        <p className="mb-4 text-sm text-stone-600">{t("join.intro")}</p>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <input type="hidden" name="intent" value={user ? "existing" : "new"} />
          {department ? (
            <Alert tone="info">{t("departments.join.becomes", { department: en ? department.nameEn : department.nameZh, street: en ? department.streetNameEn : department.streetNameZh })}</Alert>
          ) : null}
          {user ? <Alert tone="info">{t("join.signedInAs", { name: user.displayName })}</Alert> : null}
          {form.errors?.length ? <Alert tone="error">{form.errors.map((e) => translateError(t, e)).join(" ")}</Alert> : null}
          <Field field={fields.code} label={t("join.code")} autoComplete="off" />
          {user ? null : (
            <>
              <Field field={fields.username} label={t("join.username")} hint={t("join.usernameHint")} autoComplete="username" />
              <Field field={fields.displayName} label={t("join.displayName")} hint={t("join.displayNameHint")} autoComplete="nickname" />
              <Field field={fields.password} label={t("join.password")} hint={t("join.passwordHint")} type="password" autoComplete="new-password" />
              <Field field={fields.confirm} label={t("join.confirm")} type="password" autoComplete="new-password" />
            </>
          )}
          <Button className="w-full" disabled={navigation.state === "submitting"}>
            {user ? t("join.submitSignedIn", { name: user.displayName }) : t("join.submit")}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
