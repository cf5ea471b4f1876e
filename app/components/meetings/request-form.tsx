import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/textarea-field";
import { REQUEST_REASON_MAX, requestSchema } from "~/forms/meetings";

/** 提议召开会议: a representative asks for a meeting, with a reason; their own signature is the first. */
export function RequestForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "request-meeting",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: requestSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-stone-100 pt-3" data-testid="request-form">
      <input type="hidden" name="intent" value="request" />
      <h3 className="text-sm font-semibold text-stone-900">{t("meetings.requests.formTitle")}</h3>
      <TextareaField field={fields.reason} label={t("meetings.requests.reason")} hint={t("meetings.requests.reasonHint")} rows={3} maxLength={REQUEST_REASON_MAX} />
      <Button>{t("meetings.requests.submit")}</Button>
    </Form>
  );
}
