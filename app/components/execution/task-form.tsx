import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { DateField } from "~/components/consultation/date-field";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { useZoneName } from "~/components/time-zone";
import { taskSchema } from "~/forms/execution";

/** 执行方案: the committee adds a task (title, responsible unit, due date, optional budget). */
export function TaskForm({ units, slug, lastResult }: { units: Array<{ id: number; name: string }>; slug: string; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const zone = useZoneName();
  const [form, fields] = useForm({
    id: "add-task",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: taskSchema }),
    shouldValidate: "onBlur",
  });
  if (units.length === 0) {
    return (
      <p className="text-sm text-stone-700" data-testid="no-units">
        {t("execution.task.noUnits")}{" "}
        <Link to={`/c/${slug}/units`} className="inline-flex min-h-[44px] items-center font-medium text-hall-700 underline">
          {t("execution.task.registerUnit")} →
        </Link>
      </p>
    );
  }
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" data-testid="task-form">
      <input type="hidden" name="intent" value="task" />
      <Field field={fields.title} label={t("execution.task.title")} autoComplete="off" />
      <SelectField field={fields.unitId} label={t("execution.task.unit")} options={[{ value: "", label: t("execution.task.unitPlaceholder") }, ...units.map((u) => ({ value: String(u.id), label: u.name }))]} />
      <div className="grid gap-3 sm:grid-cols-2">
        <DateField field={fields.dueDate} label={t("execution.task.due")} hint={t("execution.task.dueHint", { zone })} />
        <Field field={fields.budgetYuan} label={t("execution.task.budget")} hint={t("execution.money.hint")} autoComplete="off" />
      </div>
      <p className="text-sm">
        <Link to={`/c/${slug}/units`} className="text-hall-700 underline">
          {t("execution.task.manageUnits")}
        </Link>
      </p>
      <Button>{t("execution.task.submit")}</Button>
    </Form>
  );
}
