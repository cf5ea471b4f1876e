import { useTranslation } from "~/i18n/use-translation";
import { useMoney } from "~/components/dashboard/use-money";
import { useFormats } from "~/components/topic/formats";
import type { WatchedTask } from "./types";

function Flag({ tone, children, testId }: { tone: "bad" | "warn" | "ok"; children: string; testId: string }) {
  const tones = { bad: "border-red-700 bg-red-50 text-red-800", warn: "border-amber-700 bg-amber-50 text-amber-900", ok: "border-green-700 bg-green-50 text-green-800" };
  return (
    <span className={`inline-flex items-center rounded border px-2 py-0.5 text-xs font-semibold ${tones[tone]}`} data-testid={testId}>
      {children}
    </span>
  );
}

/** One task as a supervisor reads it: unit, due date, progress, money, and what is wrong with it. */
export function TaskRow({ task }: { task: WatchedTask }) {
  const { t } = useTranslation();
  const f = useFormats();
  const money = useMoney();
  const over = task.budgetFen !== null && task.spentFen > task.budgetFen;
  return (
    <li className="space-y-1 py-3" data-testid={`task-${task.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <span className="font-medium text-stone-900">{task.title}</span>
        <span className="flex flex-wrap gap-1">
          {task.status === "done" ? <Flag tone="ok" testId="task-done">{t("supervision.task.done")}</Flag> : null}
          {task.overdue ? <Flag tone="bad" testId="task-overdue">{t("supervision.task.overdue", { count: task.daysOverdue })}</Flag> : null}
          {task.stalled ? <Flag tone="warn" testId="task-stalled">{t("supervision.task.stalled", { count: task.daysQuiet })}</Flag> : null}
        </span>
      </div>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600">
        <span>{t("supervision.task.unit", { unit: task.unitName })}</span>
        <span>{t("supervision.task.due", { date: f.date.format(new Date(task.dueAt)) })}</span>
        <span>{task.lastReportAt ? t("supervision.task.lastReport", { date: f.date.format(new Date(task.lastReportAt)) }) : t("supervision.task.neverReported")}</span>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span className="flex items-center gap-2">
          <span className="h-2 w-24 overflow-hidden rounded border border-stone-400 bg-stone-100" aria-hidden="true">
            <span className="block h-full bg-hall-600" style={{ width: `${task.percent}%` }} />
          </span>
          <span className="tabular-nums">{t("supervision.task.percent", { percent: task.percent })}</span>
        </span>
        <span className={`tabular-nums ${over ? "font-semibold text-red-700" : "text-stone-700"}`} data-testid="task-money">
          {task.budgetFen === null ? t("supervision.budget.taskNoPlan", { spent: money(task.spentFen) }) : t("supervision.budget.taskLine", { spent: money(task.spentFen), planned: money(task.budgetFen) })}
        </span>
      </div>
      {task.demands.length ? (
        <div className="rounded border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm" data-testid="task-demands">
          <p className="font-medium text-amber-900">{t("supervision.demands.title")}</p>
          <ul className="list-disc pl-5">
            {task.demands.map((d) => (
              <li key={d.id}>
                {d.body} <span className="text-xs text-stone-500">{t("supervision.demands.raised", { date: f.date.format(new Date(d.raisedAt)) })}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
