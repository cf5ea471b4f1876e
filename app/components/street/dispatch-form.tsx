import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CallProblem } from "~/components/calls/community-call-forms";
import { CallFields } from "~/components/calls/fields";
import { fieldError, type CallRefusal, type DepartmentOption } from "~/components/calls/types";
import { Button } from "~/components/ui/button";

/** The street dashboard's refused dispatch: which row's form, the problem, conform's reply. */
export type DispatchRefusal = CallRefusal & { row?: string };

/** 街道派单 on one row: a department for a stalled task (taskId) or an overdue topic, what is asked, by when. */
export function DispatchForm({ row, topicId, taskId, departments, refusal }: { row: string; topicId: number; taskId: number | null; departments: DepartmentOption[]; refusal: DispatchRefusal | null }) {
  const { t } = useTranslation();
  const mine = refusal?.row === row ? refusal : null;
  return (
    <details className="no-print w-full" open={mine ? true : undefined}>
      <summary className="inline-flex min-h-[44px] cursor-pointer items-center text-sm font-medium text-hall-700">{t("callsCommunity.dashboard.dispatchOpen")}</summary>
      <Form method="post" className="mt-2 space-y-3 rounded-md border border-stone-200 bg-stone-50 p-3" data-testid="dispatch-form">
        <CallProblem refusal={mine} />
        <input type="hidden" name="intent" value="dispatch" />
        <input type="hidden" name="topicId" value={topicId} />
        {taskId ? <input type="hidden" name="taskId" value={taskId} /> : null}
        <CallFields formKey={`dispatch-${row}`} departments={departments} errorOf={(name) => fieldError(t, mine, name)} />
        <Button>{t("callsCommunity.dashboard.dispatch")}</Button>
      </Form>
    </details>
  );
}
