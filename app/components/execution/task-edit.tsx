import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { DateField } from "~/components/consultation/date-field";
import { Button } from "~/components/ui/button";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { Field } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { TextareaField } from "~/components/ui/textarea-field";
import { editTaskSchema, removeTaskSchema } from "~/forms/execution";
import { localDate } from "~/i18n/time-zone";
import { useTimeZone } from "~/components/time-zone";
import { REASON_MAX } from "~/forms/limits";
import { translateError } from "~/forms/messages";
import type { TaskRow } from "./types";

type Result = SubmissionResult<string[]> | null;

/**
 * 修改或移除任务 (the committee, until completion is reported): folded under the task, opening without
 * JavaScript; a refused post comes back open. Each form's id names its task ("task-N-edit").
 */
export function TaskEdit({ task, units, editResult, removeResult }: { task: TaskRow; units: Array<{ id: number; name: string }>; editResult: Result; removeResult: Result }) {
  const { t } = useTranslation();
  return (
    <details className="border-t border-stone-100 pt-2" open={editResult || removeResult ? true : undefined} data-testid="task-edit">
      <summary className="flex min-h-[44px] cursor-pointer items-center text-sm font-medium text-hall-700">{t("execution.task.edit.summary")}</summary>
      <div className="space-y-4 pt-1">
        <EditForm task={task} units={units} lastResult={editResult} />
        <RemoveForm taskId={task.id} lastResult={removeResult} />
      </div>
    </details>
  );
}

function EditForm({ task, units, lastResult }: { task: TaskRow; units: Array<{ id: number; name: string }>; lastResult: Result }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const [form, fields] = useForm({
    id: `task-${task.id}-edit`,
    lastResult,
    defaultValue: { title: task.title, unitId: String(task.unitId), dueDate: localDate(new Date(task.dueAt), zone), budgetYuan: task.budgetFen === null ? "" : (task.budgetFen / 100).toFixed(2) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editTaskSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" data-testid="task-edit-form">
      <h4 className="text-sm font-semibold text-stone-900">{t("execution.task.edit.title")}</h4>
      <input type="hidden" name="intent" value="editTask" />
      <input type="hidden" name="taskId" value={task.id} />
      <Field field={fields.title} label={t("execution.task.title")} autoComplete="off" />
      <SelectField field={fields.unitId} label={t("execution.task.unit")} options={units.map((u) => ({ value: String(u.id), label: u.name }))} />
      <div className="grid gap-3 sm:grid-cols-2">
        <DateField field={fields.dueDate} label={t("execution.task.due")} hint={t("execution.task.dueHint")} />
        <Field field={fields.budgetYuan} label={t("execution.task.budget")} hint={t("execution.money.hint")} autoComplete="off" />
      </div>
      <Button variant="secondary">{t("execution.task.edit.submit")}</Button>
    </Form>
  );
}

function RemoveForm({ taskId, lastResult }: { taskId: number; lastResult: Result }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `task-${taskId}-remove`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: removeTaskSchema }),
    shouldValidate: "onBlur",
  });
  const confirmError = (fields.confirm.errors ?? []).map((e) => translateError(t, e)).join(" ");
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-stone-100 pt-3" data-testid="task-remove-form">
      <h4 className="text-sm font-semibold text-stone-900">{t("execution.task.edit.removeTitle")}</h4>
      <input type="hidden" name="intent" value="removeTask" />
      <input type="hidden" name="taskId" value={taskId} />
      <TextareaField field={fields.reason} label={t("execution.task.edit.reason")} hint={t("execution.task.edit.reasonHint")} rows={2} maxLength={REASON_MAX} />
      <ConfirmTick label={t("execution.task.edit.confirm")} error={confirmError || null} />
      <Button variant="danger">{t("execution.task.edit.removeSubmit")}</Button>
    </Form>
  );
}
