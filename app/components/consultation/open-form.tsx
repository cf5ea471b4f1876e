import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/textarea-field";
import { openSchema, QUESTION_MAX } from "~/forms/consultation";
import { DateField } from "./date-field";

/** 发起征求意见: the committee's question and a deadline (a date; the server checks 1–60 days ahead). */
export function OpenSolicitationForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "open-solicitation",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: openSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-stone-100 pt-3" data-testid="open-form">
      <input type="hidden" name="intent" value="open" />
      <h3 className="text-sm font-semibold text-stone-900">{t("consultation.solicitation.openTitle")}</h3>
      <TextareaField field={fields.question} label={t("consultation.solicitation.question")} hint={t("consultation.solicitation.questionHint")} rows={2} maxLength={QUESTION_MAX} />
      <DateField field={fields.deadline} label={t("consultation.solicitation.deadline")} hint={t("consultation.solicitation.deadlineHint")} />
      <Button>{t("consultation.solicitation.open")}</Button>
    </Form>
  );
}
