import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { PhotoInput } from "~/components/propose/photo-input";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { TextareaField } from "~/components/ui/textarea-field";
import { translateError } from "~/forms/messages";
import { REPORT_MAX, reportSchema } from "~/forms/execution";
import type { PhotoLimits } from "./types";

/** 报告进度: text, percentage, money spent and up to three photos (multipart, works without JavaScript). */
export function ReportForm({ taskId, photos, lastResult }: { taskId: number; photos: PhotoLimits; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    // Not "report-N": each report on the page is <li id="report-N"> by its own id, and a form sharing
    // an id with one pointed its fields at the <li> (the post then lacked them: a 400).
    id: `task-${taskId}-report`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reportSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-3 border-t border-stone-100 pt-3" data-testid="report-form">
      <input type="hidden" name="intent" value="report" />
      <input type="hidden" name="taskId" value={taskId} />
      <h4 className="text-sm font-semibold text-stone-900">{t("execution.report.formTitle")}</h4>
      {form.errors?.length ? <Alert tone="error">{form.errors.map((e) => translateError(t, e)).join(" ")}</Alert> : null}
      <TextareaField field={fields.body} label={t("execution.report.body")} rows={3} maxLength={REPORT_MAX} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field field={fields.percent} type="number" inputMode="numeric" label={t("execution.report.percentLabel")} hint={t("execution.report.percentHint")} />
        <Field field={fields.spentYuan} label={t("execution.report.spentLabel")} hint={t("execution.money.hint")} autoComplete="off" />
      </div>
      <PhotoInput id={`task-${taskId}-photos`} name="photos" max={photos.max} maxBytes={photos.maxBytes} sizeLabel={photos.sizeLabel} errors={form.allErrors.photos ?? []} />
      <Button>{t("execution.report.submit")}</Button>
    </Form>
  );
}
