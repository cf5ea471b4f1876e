import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { translateError } from "~/forms/messages";
import { unitSchema } from "~/forms/execution";
import { UNIT_KINDS } from "~/workflow/execution";

/** 登记责任单位: name, kind, contact, and the people (holding the executor role) who report for it. */
export function UnitForm({ executors, lastResult }: { executors: Array<{ id: number; name: string; username: string }>; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "create-unit",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: unitSchema }),
    shouldValidate: "onBlur",
  });
  const memberErrors = fields.memberIds.errors ?? [];
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" data-testid="unit-form">
      <input type="hidden" name="intent" value="create" />
      <Field field={fields.name} label={t("execution.units.name")} autoComplete="off" />
      <SelectField field={fields.kind} label={t("execution.units.kind")} options={[{ value: "", label: t("execution.units.kindPlaceholder") }, ...UNIT_KINDS.map((k) => ({ value: k, label: t(`execution.kinds.${k}`) }))]} />
      <Field field={fields.contact} label={t("execution.units.contact")} hint={t("execution.units.contactHint")} autoComplete="off" />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-stone-800">{t("execution.units.people")}</legend>
        {executors.length === 0 ? <p className="text-sm text-stone-500">{t("execution.units.noExecutors")}</p> : null}
        {executors.map((e) => (
          <label key={e.id} className="flex min-h-[44px] items-center gap-3 text-sm">
            <input type="checkbox" name={fields.memberIds.name} value={String(e.id)} className="h-5 w-5" />
            <span>
              {e.name} <span className="text-stone-500">({e.username})</span>
            </span>
          </label>
        ))}
        <p className="text-xs text-stone-500">{t("execution.units.peopleHint")}</p>
        {memberErrors.length ? <p className="text-sm text-red-700">{memberErrors.map((m) => translateError(t, m)).join(" ")}</p> : null}
      </fieldset>
      <Button>{t("execution.units.submit")}</Button>
    </Form>
  );
}
