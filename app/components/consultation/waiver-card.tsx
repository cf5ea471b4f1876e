import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { TextareaField } from "~/components/ui/textarea-field";
import { translateError } from "~/forms/messages";
import { REASON_MAX } from "~/forms/limits";
import { waiveSchema } from "~/forms/consultation";

/**
 * 不经协商: the committee's public reason, once recorded; before that, for a category the catalogue
 * lets skip consultation, the form that records it (a required reason and the confirm tick; no JS needed).
 */
export function WaiverCard({ waiver, mayWaive, lastResult }: { waiver: string | null; mayWaive: boolean; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  return (
    <Card title={t("consultation.waiver.title")}>
      <div id="waiver" className="space-y-3 text-sm" data-testid="waiver">
        {waiver ? (
          <>
            <p className="text-stone-700">{t("consultation.waiver.recorded")}</p>
            <blockquote className="whitespace-pre-wrap break-words border-l-4 border-amber-300 bg-amber-50 px-3 py-2 text-stone-900" data-testid="waiver-reason">
              {waiver}
            </blockquote>
          </>
        ) : mayWaive ? (
          <WaiverForm lastResult={lastResult} />
        ) : null}
      </div>
    </Card>
  );
}

function WaiverForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "waive-consultation",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: waiveSchema }),
    shouldValidate: "onBlur",
  });
  const confirmError = (fields.confirm.errors ?? []).map((e) => translateError(t, e)).join(" ");
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" data-testid="waive-form">
      <input type="hidden" name="intent" value="waive" />
      <p className="text-stone-700">{t("consultation.waiver.explain")}</p>
      <TextareaField field={fields.reason} label={t("consultation.waiver.reason")} rows={3} maxLength={REASON_MAX} />
      <ConfirmTick label={t("consultation.waiver.confirm")} error={confirmError || null} />
      <Button variant="danger">{t("consultation.waiver.submit")}</Button>
    </Form>
  );
}
