import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";
import { useYuan } from "./yuan";

export interface BoardTask {
  title: string;
  unit: string;
  dueAt: Instant;
  status: string;
  percent: number;
  overdue: boolean;
  budgetFen: number | null;
  spentFen: number;
  latest: { body: string; at: Instant } | null;
  photoIds: number[];
}

export interface BoardExecutionTopic {
  number: number;
  title: string;
  state: string;
  tasks: BoardTask[];
}

function TaskItem({ task, slug }: { task: BoardTask; slug: string }) {
  const { t } = useTranslation();
  const { date } = useFormats();
  const yuan = useYuan();
  return (
    <li className="space-y-2 rounded-md border border-stone-200 p-3" data-testid="board-task" data-overdue={task.overdue}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h4 className="font-medium text-stone-900">{task.title}</h4>
        {task.overdue ? <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">{t("board.execution.overdue")}</span> : null}
      </div>
      <p className="text-sm text-stone-700">
        {task.unit} · {t("board.execution.due")} <time dateTime={isoOf(task.dueAt)}>{date.format(new Date(task.dueAt))}</time>
        {task.budgetFen !== null ? ` · ${t("board.execution.budget", { spent: yuan(task.spentFen), budget: yuan(task.budgetFen) })}` : null}
      </p>
      <div className="flex items-center gap-2">
        <div className="h-2 flex-1 overflow-hidden rounded-full bg-stone-200" role="progressbar" aria-valuenow={task.percent} aria-valuemin={0} aria-valuemax={100} aria-label={task.title}>
          <div className={`h-full ${task.overdue ? "bg-red-500" : "bg-hall-600"}`} style={{ width: `${task.percent}%` }} />
        </div>
        <span className="w-12 text-right text-sm tabular-nums text-stone-800">{task.percent}%</span>
      </div>
      {task.latest ? (
        <p className="whitespace-pre-wrap break-words text-sm text-stone-700">
          <span className="text-stone-500">{t("board.execution.latest", { date: date.format(new Date(task.latest.at)) })}</span> {task.latest.body}
        </p>
      ) : (
        <p className="text-sm text-stone-500">{t("board.execution.noReport")}</p>
      )}
      {task.photoIds.length ? (
        <ul className="flex flex-wrap gap-2">
          {task.photoIds.map((id) => (
            <li key={id}>
              <a href={`/c/${slug}/board/photos/${id}`} className="block">
                <img src={`/c/${slug}/board/photos/${id}`} alt={t("board.execution.photo", { task: task.title })} loading="lazy" className="h-20 w-20 rounded border border-stone-200 object-cover" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** 执行进展: each topic in execution or supervision with its tasks, progress and evidence. */
export function ExecutionList({ topics, slug }: { topics: BoardExecutionTopic[]; slug: string }) {
  const { t } = useTranslation();
  if (topics.length === 0) return <p className="text-sm text-stone-600">{t("board.execution.none")}</p>;
  return (
    <ul className="space-y-4">
      {topics.map((topic) => (
        <li key={topic.number} className="space-y-2" data-testid="board-execution-topic">
          <h3 className="font-semibold leading-snug text-stone-900">
            {t("board.topic", { number: topic.number, title: topic.title })}
            <span className="ml-2 inline-block whitespace-nowrap rounded bg-stone-100 px-2 py-0.5 align-middle text-xs font-normal text-stone-700">{t(`board.execution.state.${topic.state === "verifying" ? "verifying" : "executing"}`)}</span>
          </h3>
          {topic.tasks.length ? (
            <ul className="space-y-2">
              {topic.tasks.map((task, i) => (
                <TaskItem key={i} task={task} slug={slug} />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-stone-500">{t("board.execution.noTasks")}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
