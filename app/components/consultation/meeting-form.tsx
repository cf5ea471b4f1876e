import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { TextareaField } from "~/components/ui/textarea-field";
import { meetingSchema, MINUTES_MAX, OPINIONS_MAX, PARTICIPANTS_MAX } from "~/forms/consultation";
import { DateField } from "./date-field";

/** 记录议事协商会: date, place, participants (one per line), opinions heard and minutes. */
export function MeetingForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "record-meeting",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: meetingSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-stone-100 pt-3" data-testid="meeting-form">
      <input type="hidden" name="intent" value="meeting" />
      <h3 className="text-sm font-semibold text-stone-900">{t("consultation.meetings.recordTitle")}</h3>
      <DateField field={fields.heldAt} label={t("consultation.meetings.heldAt")} />
      <Field field={fields.place} label={t("consultation.meetings.place")} />
      <TextareaField field={fields.participants} label={t("consultation.meetings.participants")} hint={t("consultation.meetings.participantsHint")} rows={4} maxLength={PARTICIPANTS_MAX} />
      <TextareaField field={fields.opinions} label={t("consultation.meetings.opinions")} rows={4} maxLength={OPINIONS_MAX} />
      <TextareaField field={fields.minutes} label={t("consultation.meetings.minutes")} rows={6} maxLength={MINUTES_MAX} />
      <Button>{t("consultation.meetings.record")}</Button>
    </Form>
  );
}
