import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats } from "~/components/topic/formats";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/textarea-field";
import { answerRectificationSchema, RECTIFY_MAX } from "~/forms/execution";
import { asResult, type RectificationRow, type ResultOf } from "./types";

/** 整改要求 on a task, each with the unit's answer (or the answer form, for the unit's contact people). */
export function RectificationList({ rectifications, answerOn, resultOf }: { rectifications: RectificationRow[]; answerOn: number[]; resultOf: ResultOf }) {
  const { t } = useTranslation();
  const formats = useFormats();
  if (rectifications.length === 0) return null;
  return (
    <div className="space-y-2">
      <h4 className="text-sm font-semibold text-stone-900">{t("execution.rectify.title")}</h4>
      <ul className="space-y-2">
        {rectifications.map((r) => (
          <li key={r.id} id={`rectification-${r.id}`} className="min-w-0 space-y-1 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="rectification">
            <p className="text-xs text-stone-500">
              <time dateTime={isoOf(r.createdAt)}>{formats.date.format(new Date(r.createdAt))}</time> · {r.answeredAt ? t("execution.rectify.answered") : t("execution.rectify.open")}
            </p>
            <p className="whitespace-pre-wrap break-words text-stone-900">{r.body}</p>
            {r.answer ? (
              <p className="whitespace-pre-wrap break-words border-l-2 border-stone-300 pl-2 text-stone-700">
                <span className="font-medium">{t("execution.rectify.answerLabel")}</span>
                {r.answer}
              </p>
            ) : null}
            {answerOn.includes(r.id) ? <AnswerForm rectificationId={r.id} lastResult={asResult(resultOf("answerRectification", r.id))} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AnswerForm({ rectificationId, lastResult }: { rectificationId: number; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `answer-${rectificationId}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: answerRectificationSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2 pt-1" data-testid="answer-form">
      <input type="hidden" name="intent" value="answerRectification" />
      <input type="hidden" name="rectificationId" value={rectificationId} />
      <TextareaField field={fields.answer} label={t("execution.rectify.answer")} rows={2} maxLength={RECTIFY_MAX} />
      <Button variant="secondary">{t("execution.rectify.answerSubmit")}</Button>
    </Form>
  );
}
