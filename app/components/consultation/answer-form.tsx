import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/select-field";
import { TextareaField } from "~/components/ui/textarea-field";
import { ANSWER_MAX, answerSchema, STANCES, type Stance } from "~/forms/consultation";

/** 提交意见: a resident's or representative's one answer, which they may change until the deadline. */
export function AnswerForm({ consultationId, mine, lastResult }: { consultationId: number; mine: { stance: Stance; text: string } | null; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `answer-${consultationId}`,
    lastResult,
    defaultValue: { stance: mine?.stance ?? "support", text: mine?.text ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: answerSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" data-testid="answer-form">
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="consultationId" value={consultationId} />
      <h4 className="text-sm font-semibold text-stone-900">{t("consultation.solicitation.answerTitle")}</h4>
      {mine ? <p className="text-sm text-stone-600">{t("consultation.solicitation.yours", { stance: t(`consultation.stances.${mine.stance}`) })}</p> : null}
      <SelectField field={fields.stance} label={t("consultation.solicitation.stance")} options={STANCES.map((s) => ({ value: s, label: t(`consultation.stances.${s}`) }))} />
      <TextareaField field={fields.text} label={t("consultation.solicitation.text")} rows={3} maxLength={ANSWER_MAX} />
      <Button>{mine ? t("consultation.solicitation.update") : t("consultation.solicitation.submit")}</Button>
    </Form>
  );
}
