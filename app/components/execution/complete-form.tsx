import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { translateError } from "~/forms/messages";
import type { Completion } from "./types";

/**
 * 报告完成: the topic moves to supervision and the residents' rating opens. Until the step gate lets it
 * (a plan with tasks, each at 100%, no demand unanswered) the button is disabled and the card says what
 * is missing, naming the tasks and demands; the server refuses the same way. `page` is the execution
 * page: the topic page shows this card too and posts it there.
 */
export function CompleteForm({ completion, page = "", confirmErrors = [] }: { completion: Completion; page?: string; confirmErrors?: string[] }) {
  const { t } = useTranslation();
  const blocked = completion.blockers.length > 0;
  return (
    <Form
      method="post"
      action={page || undefined}
      className={`space-y-2 rounded-lg border p-4 ${blocked ? "border-amber-300 bg-amber-50" : "border-green-300 bg-green-50"}`}
      data-testid="complete-form"
      data-blocked={blocked ? "true" : "false"}
    >
      <input type="hidden" name="intent" value="complete" />
      <h2 className="text-base font-semibold text-stone-900">{t("execution.complete.title")}</h2>
      {blocked ? <Missing completion={completion} page={page} /> : <p className="text-sm text-green-900">{t("execution.complete.hint")}</p>}
      {blocked ? null : <ConfirmTick label={t("execution.complete.confirm")} error={confirmErrors.map((e) => translateError(t, e)).join(" ") || null} />}
      <Button disabled={blocked} aria-describedby={blocked ? "complete-missing" : undefined}>
        {t("execution.complete.submit")}
      </Button>
    </Form>
  );
}

/** The list of what the gate finds missing, each with the tasks or demands it is about. */
export function Missing({ completion, page = "" }: { completion: Completion; page?: string }) {
  const { t } = useTranslation();
  return (
    <div id="complete-missing" className="space-y-2 text-sm text-amber-950" data-testid="complete-missing">
      <p>{t("topic.problems.blocked")}</p>
      <ul className="list-disc space-y-1 pl-5">
        {completion.blockers.map((b) => (
          <li key={b} data-blocker={b}>
            {t(`topic.blockers.${b}`)}
            {b === "tasksUnfinished" ? (
              <ul className="list-[circle] pl-5">
                {completion.unfinished.map((task) => (
                  <li key={task.id}>
                    <a href={`${page}#task-${task.id}`} className="break-words underline">
                      {task.title}
                    </a>{" "}
                    {t("execution.complete.taskAt", { percent: task.percent })}
                    {task.overdue ? ` · ${t("execution.task.overdue")}` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
            {b === "openRectification" ? (
              <ul className="list-[circle] pl-5">
                {completion.openDemands.map((d) => (
                  <li key={d.id} className="break-words">
                    <a href={`${page}#rectification-${d.id}`} className="underline">
                      {d.task}
                    </a>
                    {t("execution.complete.demandSep")}
                    {d.body}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
