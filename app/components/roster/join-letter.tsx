import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { joinClaimSchema } from "~/forms/auth";
import { translateError } from "~/forms/messages";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";

/** Joining from an invite letter: the roster's name and community shown, the person picks a username and a password. */
export function JoinLetter({ letter }: { letter: { displayName: string; communityNameZh: string; communityNameEn: string } }) {
  const lastResult = useActionData<SubmissionResult<string[]>>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { code: params.get("code") ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: joinClaimSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const community = i18n.language === "en" ? letter.communityNameEn : letter.communityNameZh;
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-8">
      <Card title={<span className="text-xl">{t("roster.join.title")}</span>}>
        <p className="mb-4 text-sm text-stone-700" data-testid="letter-welcome">
          {t("roster.join.welcome", { name: letter.displayName, community })}
        </p>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <input type="hidden" name="intent" value="claim" />
          {form.errors?.length ? <Alert tone="error">{form.errors.map((e) => translateError(t, e)).join(" ")}</Alert> : null}
          <Field field={fields.code} label={t("join.code")} autoComplete="off" />
          <Field field={fields.username} label={t("join.username")} hint={t("join.usernameHint")} autoComplete="username" />
          <Field field={fields.password} label={t("join.password")} hint={t("join.passwordHint")} type="password" autoComplete="new-password" />
          <Field field={fields.confirm} label={t("join.confirm")} type="password" autoComplete="new-password" />
          <Button className="w-full" disabled={navigation.state === "submitting"}>
            {t("roster.join.submit")}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
