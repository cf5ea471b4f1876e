import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { useFormats } from "~/components/topic/formats";
import { formatYuan } from "./money";
import { ProgressBar } from "./progress-bar";
import { RectificationList } from "./rectification-list";
import { RectifyForm } from "./rectify-form";
import { ReportForm } from "./report-form";
import { ReportList } from "./report-list";
import { TaskEdit } from "./task-edit";
import { asResult, type ExecutionMayView, type PhotoLimits, type ResultOf, type TaskRow } from "./types";

/** One task of the plan: unit, due date (overdue flagged), money, progress, reports, demands, and the forms this person gets. */
export function TaskCard({
  task,
  slug,
  may,
  photos,
  units,
  resultOf,
  topicId,
}: {
  /** Given on the execution page: the committee's 吹哨 link on an open task goes to this topic's page. */
  topicId?: number;
  task: TaskRow;
  slug: string;
  may: ExecutionMayView;
  photos: PhotoLimits;
  units: Array<{ id: number; name: string }>;
  resultOf: ResultOf;
}) {
  const { t, i18n } = useTranslation();
  const formats = useFormats();
  const yuan = (fen: number) => t("execution.task.yuan", { amount: formatYuan(fen, i18n.language) });
  const done = task.status === "done";
  return (
    <article id={`task-${task.id}`} className="min-w-0 space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-5" data-testid="task">
      <header className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="break-words text-base font-semibold text-stone-900">{task.title}</h3>
          <span className={`rounded-full px-2 py-0.5 text-xs ${done ? "bg-green-50 text-green-800" : "bg-stone-100 text-stone-700"}`}>{t(`execution.task.status.${task.status}`)}</span>
          {task.overdue && !done ? <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700">{t("execution.task.overdue")}</span> : null}
        </div>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
          <div className="flex gap-2">
            <dt className="shrink-0 text-stone-500">{t("execution.task.unit")}</dt>
            <dd className="min-w-0 break-words">{task.unitName}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="shrink-0 text-stone-500">{t("execution.task.due")}</dt>
            <dd className={task.overdue && !done ? "font-medium text-red-700" : undefined}>{formats.date.format(new Date(task.dueAt))}</dd>
          </div>
          <div className="flex gap-2 sm:col-span-2">
            <dt className="shrink-0 text-stone-500">{t("execution.task.money")}</dt>
            <dd className="min-w-0">{task.budgetFen === null ? t("execution.task.spentNoBudget", { spent: yuan(task.spentFen) }) : t("execution.task.spentOfBudget", { spent: yuan(task.spentFen), budget: yuan(task.budgetFen) })}</dd>
          </div>
        </dl>
      </header>
      <ProgressBar percent={task.percent} label={t("execution.task.progress", { percent: task.percent })} />
      <ReportList reports={task.reports} slug={slug} />
      <RectificationList rectifications={task.rectifications} answerOn={may.answerOn} resultOf={resultOf} />
      {may.reportOn.includes(task.id) ? <ReportForm taskId={task.id} photos={photos} lastResult={asResult(resultOf("report", task.id))} /> : null}
      {may.plan && !done && topicId ? (
        // 吹哨 (issue 19): the topic page's form, with this task chosen.
        <Link to={`/c/${slug}/topics/${topicId}?task=${task.id}#send-call`} aria-label={t("callsCommunity.execLinkLabel", { title: task.title })} className="inline-flex min-h-[44px] items-center rounded-md border border-hall-300 bg-white px-4 text-sm font-medium text-hall-700 no-underline hover:bg-hall-50" data-testid="task-call-link">
          {t("callsCommunity.execLink")}
        </Link>
      ) : null}
      {may.plan ? <TaskEdit task={task} units={units} editResult={asResult(resultOf("editTask", task.id))} removeResult={asResult(resultOf("removeTask", task.id))} /> : null}
      {may.rectify ? <RectifyForm taskId={task.id} lastResult={asResult(resultOf("rectify", task.id))} /> : null}
    </article>
  );
}
