import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { TextareaField } from "~/components/ui/textarea-field";
import { publishResultSchema, RESULT_MAX } from "~/forms/execution";

/** 实施结果公开: the committee's published accounts, and its form once the topic is in supervision or closed. */
export function ResultsSection({ results, mayPublish, lastResult }: { results: Array<{ id: number; summary: string; publishedAt: Instant }>; mayPublish: boolean; lastResult: unknown }) {
  const { t } = useTranslation();
  const formats = useFormats();
  if (results.length === 0 && !mayPublish) return null;
  return (
    <Card title={<span id="results">{t("execution.result.title")}</span>}>
      <div className="space-y-3">
        {results.map((r) => (
          <article key={r.id} className="space-y-1" data-testid="result">
            <p className="text-xs text-stone-500">
              {t("execution.result.published")} <time dateTime={isoOf(r.publishedAt)}>{formats.dateTime.format(new Date(r.publishedAt))}</time>
            </p>
            <p className="whitespace-pre-wrap break-words text-sm text-stone-800">{r.summary}</p>
          </article>
        ))}
        {mayPublish ? <PublishForm lastResult={(lastResult ?? null) as SubmissionResult<string[]> | null} /> : null}
      </div>
    </Card>
  );
}

function PublishForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "publish-result",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: publishResultSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-stone-100 pt-3" data-testid="publish-form">
      <input type="hidden" name="intent" value="publishResult" />
      <TextareaField field={fields.summary} label={t("execution.result.summary")} hint={t("execution.result.hint")} rows={4} maxLength={RESULT_MAX} />
      <Button>{t("execution.result.submit")}</Button>
    </Form>
  );
}
