import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
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
    // Folded away until wanted (a <details> opens without JavaScript); a refused post comes back open.
    <details className="border-t border-stone-100 pt-2" open={lastResult ? true : undefined}>
      <summary className="flex min-h-[44px] cursor-pointer items-center text-sm font-medium text-hall-700">{t("execution.rectify.submit")}</summary>
      <Form method="post" {...getFormProps(form)} className="space-y-3 pt-1" data-testid="rectify-form">
        <input type="hidden" name="intent" value="rectify" />
        <input type="hidden" name="taskId" value={taskId} />
        <TextareaField field={fields.body} label={t("execution.rectify.body")} hint={t("execution.rectify.hint")} rows={2} maxLength={RECTIFY_MAX} />
        <Button variant="secondary">{t("execution.rectify.submit")}</Button>
      </Form>
    </details>
  );
}
