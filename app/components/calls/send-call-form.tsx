import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { CallProblem } from "./community-call-forms";
import { CallFields } from "./fields";
import { fieldError, type CallRefusal, type DepartmentOption } from "./types";

/** 吹哨: the committee calls on a department about the topic or one of its open tasks (`task` preselects one: the execution page links here with ?task=). */
export function SendCallForm({ departments, tasks, task, refusal }: { departments: DepartmentOption[]; tasks: Array<{ id: number; title: string }>; task: number | null; refusal: CallRefusal | null }) {
  const { t } = useTranslation();
  if (departments.length === 0) return <p className="text-sm text-stone-600">{t("callsCommunity.send.noDepartments")}</p>;
  const taskError = fieldError(t, refusal, "taskId");
  const preselected = tasks.some((x) => x.id === task) ? String(task) : "";
  return (
    <Form method="post" id="send-call" className="scroll-mt-4 space-y-3 rounded-md border border-hall-200 bg-hall-50/40 p-3" data-testid="send-call-form">
      <h3 className="text-base font-semibold text-stone-900">{t("callsCommunity.send.title")}</h3>
      <CallProblem refusal={refusal} />
      <input type="hidden" name="intent" value="sendCall" />
      {tasks.length ? (
        <div className="space-y-1">
          <label htmlFor="send-call-taskId" className="block text-sm font-medium text-stone-800">
            {t("callsCommunity.send.task")}
          </label>
          <select id="send-call-taskId" name="taskId" defaultValue={preselected} aria-invalid={taskError ? true : undefined} className="block min-h-[44px] w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm">
            <option value="">{t("callsCommunity.wholeTopic")}</option>
            {tasks.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
          {taskError ? <p className="text-sm text-red-700">{taskError}</p> : null}
        </div>
      ) : null}
      <CallFields formKey="send-call" departments={departments} errorOf={(name) => fieldError(t, refusal, name)} />
      <Button>{t("callsCommunity.send.submit")}</Button>
    </Form>
  );
}
