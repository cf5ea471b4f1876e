import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { PhotoInput } from "~/components/propose/photo-input";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { Field } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { TextareaField } from "~/components/ui/textarea-field";
import { acceptSchema, answerInfoSchema, askForMoreSchema, declineSchema, progressSchema, redispatchSchema, resolveSchema, withdrawSchema, type CallIntent } from "~/forms/calls";
import { translateError } from "~/forms/messages";
import { useTranslation } from "~/i18n/use-translation";
import { CALL_TEXT_MAX, type CallAction } from "~/workflow/department-call";

const SCHEMAS = { accept: acceptSchema, askForMore: askForMoreSchema, decline: declineSchema, progress: progressSchema, resolve: resolveSchema, answerInfo: answerInfoSchema, withdraw: withdrawSchema, redispatch: redispatchSchema };
/** The page's actions (the transition table's names) and the intents of their forms. */
export const INTENT_OF: Record<CallAction, CallIntent> = { accept: "accept", askForMore: "askForMore", decline: "decline", progress: "progress", resolve: "resolve", answerInfo: "answerInfo", withdraw: "withdraw", redispatch: "redispatch" };

export interface PhotoLimits {
  max: number;
  maxBytes: number;
  sizeLabel: string;
}

interface Props {
  action: CallAction;
  callId: number;
  lastResult: SubmissionResult<string[]> | null;
  problem: string | null;
  photos: PhotoLimits;
  departments: Array<{ id: number; name: string }>;
}

/** One of the forms a person may use on a call now; each works without JavaScript (post, then redirect back). */
export function CallActionForm({ action, callId, lastResult, problem, photos, departments }: Props) {
  const { t } = useTranslation();
  const intent = INTENT_OF[action];
  const [form, fields] = useForm({
    id: `call-${intent}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SCHEMAS[intent] }),
    shouldValidate: "onBlur",
  });
  const f = fields as unknown as Record<string, Parameters<typeof Field>[0]["field"]>;
  const text = (name: string, label: string, hint?: string) => <TextareaField field={f[name] as Parameters<typeof TextareaField>[0]["field"]} label={label} hint={hint} rows={3} maxLength={CALL_TEXT_MAX} />;
  const tick = (label: string) => <ConfirmTick label={label} error={f.confirm?.errors?.length ? translateError(t, f.confirm.errors[0]) : null} />;
  const body: Record<CallAction, ReactNode> = {
    accept: (
      <>
        {text("body", t("calls.acceptBody"))}
        <Field field={f.promisedDate} type="date" label={t("calls.acceptDate")} />
      </>
    ),
    askForMore: text("body", t("calls.askBody"), t("calls.askHint")),
    decline: (
      <>
        {text("reason", t("calls.declineReasonLabel"))}
        {tick(t("calls.declineConfirm"))}
      </>
    ),
    progress: (
      <>
        {text("body", t("calls.progressBody"))}
        <Field field={f.percent} type="number" inputMode="numeric" label={t("calls.progressPercent")} hint={t("calls.progressHint")} />
        <PhotoInput id={`call-${callId}-progress-photos`} name="photos" max={photos.max} maxBytes={photos.maxBytes} sizeLabel={photos.sizeLabel} errors={form.allErrors.photos ?? []} />
      </>
    ),
    resolve: (
      <>
        {text("body", t("calls.resolveBody"), t("calls.resolveHint"))}
        <PhotoInput id={`call-${callId}-resolve-photos`} name="photos" max={photos.max} maxBytes={photos.maxBytes} sizeLabel={photos.sizeLabel} errors={form.allErrors.photos ?? []} required />
        {tick(t("calls.resolveConfirm"))}
      </>
    ),
    answerInfo: text("body", t("calls.answerBody")),
    withdraw: (
      <>
        {text("reason", t("calls.withdrawReason"))}
        {tick(t("calls.withdrawConfirm"))}
      </>
    ),
    redispatch: (
      <>
        <SelectField field={f.departmentId} label={t("calls.redispatchDepartment")} options={[{ value: "", label: t("calls.chooseDepartment") }, ...departments.map((d) => ({ value: String(d.id), label: d.name }))]} />
        {text("ask", t("calls.redispatchAsk"))}
        <Field field={f.wantedDate} type="date" label={t("calls.redispatchDate")} />
        {tick(t("calls.redispatchConfirm"))}
      </>
    ),
  };
  const files = action === "progress" || action === "resolve";
  return (
    <Form method="post" {...(files ? { encType: "multipart/form-data" as const } : {})} {...getFormProps(form)} className="space-y-3" data-testid={`call-form-${intent}`}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="callId" value={callId} />
      {problem ? <Alert tone="error">{t(`call.problems.${problem}`)}</Alert> : null}
      {form.errors?.length ? <Alert tone="error">{form.errors.map((e) => translateError(t, e)).join(" ")}</Alert> : null}
      {body[action]}
      <Button variant={action === "decline" || action === "withdraw" ? "secondary" : "primary"}>{t(`calls.${SUBMIT[action]}`)}</Button>
    </Form>
  );
}

const SUBMIT: Record<CallAction, string> = {
  accept: "acceptSubmit",
  askForMore: "askSubmit",
  decline: "declineSubmit",
  progress: "progressSubmit",
  resolve: "resolveSubmit",
  answerInfo: "answerSubmit",
  withdraw: "withdrawSubmit",
  redispatch: "redispatchSubmit",
};

export const TITLE_OF: Record<CallAction, string> = {
  accept: "calls.acceptTitle",
  askForMore: "calls.askTitle",
  decline: "calls.declineTitle",
  progress: "calls.progressTitle",
  resolve: "calls.resolveTitle",
  answerInfo: "calls.answerTitle",
  withdraw: "calls.withdrawTitle",
  redispatch: "calls.redispatchTitle",
};
