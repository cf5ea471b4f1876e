import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/textarea-field";
import { RECTIFY_MAX, rectifySchema } from "~/forms/execution";

/** 提出整改要求: a supervisor's demand on one task; the unit must answer it. */
export function RectifyForm({ taskId, lastResult }: { taskId: number; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `rectify-${taskId}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rectifySchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-stone-100 pt-3" data-testid="rectify-form">
      <input type="hidden" name="intent" value="rectify" />
      <input type="hidden" name="taskId" value={taskId} />
      <TextareaField field={fields.body} label={t("execution.rectify.body")} hint={t("execution.rectify.hint")} rows={2} maxLength={RECTIFY_MAX} />
      <Button variant="secondary">{t("execution.rectify.submit")}</Button>
    </Form>
  );
}
