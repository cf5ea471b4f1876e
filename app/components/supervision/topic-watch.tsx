import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { useMoney } from "~/components/dashboard/use-money";
import { TaskRow } from "./task-row";
import type { WatchedTopic } from "./types";

/** A topic in execution or supervision: its state, a one-line count of trouble, the money, and every task. */
export function TopicWatch({ slug, topic }: { slug: string; topic: WatchedTopic }) {
  const { t } = useTranslation();
  const money = useMoney();
  const overdue = topic.tasks.filter((task) => task.overdue).length;
  const stalled = topic.tasks.filter((task) => task.stalled).length;
  const { plannedFen, spentFen } = topic.budget;
  const over = plannedFen !== null && spentFen > plannedFen;
  return (
    <article className="break-inside-avoid rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid={`watch-${topic.id}`} id={`topic-${topic.id}`}>
      <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 className="text-base font-semibold">
          <Link to={`/c/${slug}/topics/${topic.id}`}>
            {t("hall.number", { number: topic.number })} {topic.title}
          </Link>
        </h3>
        <span className="rounded bg-stone-100 px-2 py-0.5 text-xs font-medium text-stone-700">{t(`supervision.states.${topic.state}`)}</span>
      </header>
      <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-stone-600">
        <span>{t("supervision.summary.tasks", { count: topic.tasks.length })}</span>
        {overdue ? <span className="font-semibold text-red-700">{t("supervision.summary.overdue", { count: overdue })}</span> : null}
        {stalled ? <span className="font-semibold text-amber-800">{t("supervision.summary.stalled", { count: stalled })}</span> : null}
      </p>
      <p className="mt-2 text-sm" data-testid="topic-budget">
        <span className="text-stone-500">{t("supervision.budget.label")}:</span>{" "}
        <span className={`tabular-nums ${over ? "font-semibold text-red-700" : "text-stone-900"}`}>
          {plannedFen === null ? t("supervision.budget.noPlan", { spent: money(spentFen) }) : t("supervision.budget.used", { spent: money(spentFen), planned: money(plannedFen) })}
        </span>
        {over ? <span className="ml-2 text-xs font-semibold text-red-700">{t("supervision.budget.over")}</span> : null}
      </p>
      {topic.tasks.length ? (
        <ul className="mt-1 divide-y divide-stone-100">
          {topic.tasks.map((task) => (
            <TaskRow key={task.id} task={task} />
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-stone-600">{t("supervision.task.none")}</p>
      )}
    </article>
  );
}
