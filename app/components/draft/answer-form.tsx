import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/textarea-field";
import { translateError } from "~/forms/messages";
import { ANSWER_MAX, answerSchema } from "~/forms/draft";

/** 采纳 / 不采纳: the committee's answer to one top-level comment (may be changed later). */
export function AnswerForm({ commentId, status, reply, lastResult }: { commentId: number; status: string; reply: string; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `draft-answer-${commentId}`,
    lastResult,
    defaultValue: { reply, status: status === "open" ? undefined : status },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: answerSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const statusErrors = fields.status.errors ?? [];
  return (
    <details open={Boolean(lastResult)}>
      <summary className="inline-flex min-h-[44px] cursor-pointer items-center text-sm text-hall-700">{t("draft.comments.answerTitle")}</summary>
      <Form method="post" {...getFormProps(form)} className="space-y-2" data-testid="draft-answer-form">
        <input type="hidden" name="intent" value="answer" />
        <input type="hidden" name="commentId" value={commentId} />
        <fieldset>
          <legend className="text-sm font-medium">{t("draft.comments.answerStatus")}</legend>
          <div className="flex flex-wrap gap-4">
            {(["adopted", "notAdopted"] as const).map((value) => (
              <label key={value} className="inline-flex min-h-[44px] items-center gap-2 text-sm">
                <input type="radio" name={fields.status.name} value={value} defaultChecked={fields.status.initialValue === value} className="h-5 w-5" />
                {t(`draft.comments.status.${value}`)}
              </label>
            ))}
          </div>
          {statusErrors.length ? <p className="text-sm text-red-700">{statusErrors.map((e) => translateError(t, e)).join(" ")}</p> : null}
        </fieldset>
        <TextareaField field={fields.reply} label={t("draft.comments.answerLabel")} rows={2} maxLength={ANSWER_MAX} />
        <Button>{t("draft.comments.answerSubmit")}</Button>
      </Form>
    </details>
  );
}
