import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { REASON_MAX } from "~/forms/limits";
import { CallFields, TextArea } from "./fields";
import { fieldError, type CallRefusal, type DepartmentOption } from "./types";

/** The problem of a refused post, translated (a refused form's field errors are said next to their fields). */
export function CallProblem({ refusal }: { refusal: CallRefusal | null }) {
  const { t } = useTranslation();
  return refusal?.problem ? <Alert tone="error">{t(`call.problems.${refusal.problem}`)}</Alert> : null;
}

/** The committee answers a department's question (the response clock starts again). */
export function AnswerForm({ callId, refusal }: { callId: number; refusal: CallRefusal | null }) {
  const { t } = useTranslation();
  const key = `call-${callId}-answer`;
  return (
    <Form method="post" className="space-y-2 rounded-md bg-amber-50 p-3" data-testid="call-answer-form">
      <h4 className="text-sm font-semibold text-stone-900">{t("callsCommunity.answer.title")}</h4>
      <CallProblem refusal={refusal} />
      <input type="hidden" name="intent" value="answerCall" />
      <input type="hidden" name="callId" value={callId} />
      <TextArea formKey={key} name="body" label={t("callsCommunity.answer.body")} error={fieldError(t, refusal, "body")} maxLength={2000} />
      <Button>{t("callsCommunity.answer.submit")}</Button>
    </Form>
  );
}

/** 撤回: with a reason and a tick (it cannot be undone). */
export function WithdrawForm({ callId, refusal }: { callId: number; refusal: CallRefusal | null }) {
  const { t } = useTranslation();
  const key = `call-${callId}-withdraw`;
  return (
    <details className="rounded-md border border-stone-200 p-3" open={refusal ? true : undefined}>
      <summary className="flex min-h-[44px] cursor-pointer items-center text-sm font-medium text-stone-800">{t("callsCommunity.withdraw.title")}</summary>
      <Form method="post" className="mt-2 space-y-2" data-testid="call-withdraw-form">
        <CallProblem refusal={refusal} />
        <input type="hidden" name="intent" value="withdrawCall" />
        <input type="hidden" name="callId" value={callId} />
        <TextArea formKey={key} name="reason" label={t("callsCommunity.withdraw.reason")} error={fieldError(t, refusal, "reason")} maxLength={REASON_MAX} />
        <ConfirmTick label={t("callsCommunity.withdraw.confirm")} error={fieldError(t, refusal, "confirm")} />
        <Button variant="danger">{t("callsCommunity.withdraw.submit")}</Button>
      </Form>
    </details>
  );
}

/** 转派: a declined or unanswered overdue call, to another department. */
export function RedispatchForm({ callId, departments, refusal }: { callId: number; departments: DepartmentOption[]; refusal: CallRefusal | null }) {
  const { t } = useTranslation();
  const key = `call-${callId}-redispatch`;
  return (
    <details className="rounded-md border border-stone-200 p-3" open={refusal ? true : undefined}>
      <summary className="flex min-h-[44px] cursor-pointer items-center text-sm font-medium text-stone-800">{t("callsCommunity.redispatch.title")}</summary>
      <Form method="post" className="mt-2 space-y-3" data-testid="call-redispatch-form">
        <p className="text-sm text-stone-600">{t("callsCommunity.redispatch.hint")}</p>
        <CallProblem refusal={refusal} />
        <input type="hidden" name="intent" value="redispatchCall" />
        <input type="hidden" name="callId" value={callId} />
        <CallFields formKey={key} departments={departments} errorOf={(name) => fieldError(t, refusal, name)} />
        <Button>{t("callsCommunity.redispatch.submit")}</Button>
      </Form>
    </details>
  );
}
