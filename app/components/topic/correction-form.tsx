import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/textarea-field";
import type { correctionSchema } from "~/forms/correction";
import { CORRECTION_REASON_MAX } from "~/forms/limits";
import type { z } from "~/forms/zod";
import { translateError } from "~/forms/messages";

/**
 * 责令改正, for an admin of the community's street only: a public reason and a ticked confirmation
 * (the order cannot be undone). Works without JavaScript; the server checks the street again.
 */
export function CorrectionForm({ resolution, refusal }: { resolution: { id: number; year: number; number: number }; refusal: { problem: string | null; result: SubmissionResult<string[]> | null } | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof correctionSchema>>({
    id: "correction-form",
    lastResult: refusal?.result ?? null,
    // Checked by the server (the action answers with the form's errors): a client-side schema would bring zod into every topic page's JavaScript.
  });
  const confirmError = (fields.confirm.errors ?? []).map((e) => translateError(t, e)).join(" ");
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 rounded-lg border border-red-200 bg-red-50/40 p-4 sm:p-5" data-testid="correction-form" aria-labelledby="correction-title">
      <input type="hidden" name="intent" value="orderCorrection" />
      <input type="hidden" name="resolutionId" value={resolution.id} />
      <h2 id="correction-title" className="text-base font-semibold text-red-900">
        {t("resolutions.correction.title")}
      </h2>
      <p className="text-sm text-stone-700">{t("resolutions.correction.hint", { year: resolution.year, number: resolution.number })}</p>
      <TextareaField field={fields.reason} label={t("resolutions.correction.reason")} rows={3} maxLength={CORRECTION_REASON_MAX} />
      <label className="flex min-h-[44px] cursor-pointer items-start gap-3 text-sm text-red-900">
        <input {...getInputProps(fields.confirm, { type: "checkbox", value: "on" })} key={fields.confirm.key} className="mt-0.5 h-5 w-5 shrink-0" />
        <span>{t("resolutions.correction.confirm")}</span>
      </label>
      {confirmError ? <p className="text-sm text-red-700">{confirmError}</p> : null}
      {refusal?.problem ? <Alert tone="error">{t(`resolutions.correction.problems.${refusal.problem}`)}</Alert> : null}
      <Button variant="danger" className="w-full sm:w-auto">
        {t("resolutions.correction.submit")}
      </Button>
    </Form>
  );
}
