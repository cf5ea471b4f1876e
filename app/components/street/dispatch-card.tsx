import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { DepartmentOption } from "~/components/calls/types";
import { useFormats, type Instant } from "~/components/topic/formats";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { translateError } from "~/forms/messages";
import { DispatchForm, type DispatchRefusal } from "./dispatch-form";

export interface StalledTaskRow {
  taskId: number;
  taskTitle: string;
  dueAt: Instant;
  percent: number;
  topicId: number;
  number: number;
  title: string;
  communitySlug: string;
  communityNameZh: string;
  communityNameEn: string;
}

export interface OverdueTopicRow {
  topicId: number;
  number: number;
  title: string;
  communitySlug: string;
  communityNameZh: string;
  communityNameEn: string;
  daysOverdue: number | null;
}

function TopicLine({ row }: { row: Pick<StalledTaskRow, "communitySlug" | "communityNameZh" | "communityNameEn" | "topicId" | "number" | "title"> }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="min-w-0">
      <span className="text-stone-500">{i18n.language === "en" ? row.communityNameEn : row.communityNameZh}</span>{" "}
      <Link to={`/c/${row.communitySlug}/topics/${row.topicId}`} className="break-words font-medium">
        {t("hall.number", { number: row.number })} {row.title}
      </Link>
    </div>
  );
}

/** 街道派单: the street's stalled tasks and topics overdue for screening, each with a form to send a department. */
export function DispatchCard({ tasks, topics, departments, refusal }: { tasks: StalledTaskRow[]; topics: OverdueTopicRow[]; departments: DepartmentOption[]; refusal: DispatchRefusal | null }) {
  const { t } = useTranslation();
  const { date } = useFormats();
  // A refused dispatch whose row is no longer listed (done meanwhile, or not the street's): said at the top.
  const rows = new Set([...tasks.map((r) => `task-${r.taskId}`), ...topics.map((r) => `topic-${r.topicId}`)]);
  const stray = refusal && !(departments.length && refusal.row && rows.has(refusal.row)) ? refusal : null;
  const strayErrors = Object.values((stray?.result as { error?: Record<string, string[] | null> } | null)?.error ?? {}).flatMap((e) => e ?? []);
  const form = (row: string, topicId: number, taskId: number | null) =>
    departments.length ? <DispatchForm row={row} topicId={topicId} taskId={taskId} departments={departments} refusal={refusal} /> : null;
  return (
    <Card title={t("callsCommunity.dashboard.dispatchTitle")}>
      <div className="space-y-4" data-testid="dispatch-card">
        <p className="text-sm text-stone-600">{t("callsCommunity.dashboard.dispatchHint")}</p>
        {stray ? <Alert tone="error">{stray.problem ? t(`call.problems.${stray.problem}`) : strayErrors.length ? strayErrors.map((e) => translateError(t, e)).join(" ") : t("errors.altered")}</Alert> : null}
        {departments.length === 0 ? <p className="text-sm text-amber-800">{t("callsCommunity.dashboard.noDepartments")}</p> : null}
        <section aria-labelledby="stalled-title" className="space-y-2">
          <h3 id="stalled-title" className="text-sm font-semibold text-stone-900">
            {t("callsCommunity.dashboard.stalledTasks")}
          </h3>
          {tasks.length === 0 ? <p className="text-sm text-stone-600">{t("callsCommunity.dashboard.noneStalled")}</p> : null}
          <ul className="divide-y divide-stone-100">
            {tasks.map((row) => (
              <li key={row.taskId} className="space-y-1 py-2 text-sm" data-testid="stalled-task">
                <TopicLine row={row} />
                <p className="text-red-700">
                  {t("callsCommunity.dashboard.taskDue", { task: row.taskTitle, date: date.format(new Date(row.dueAt)), percent: row.percent })}
                </p>
                {form(`task-${row.taskId}`, row.topicId, row.taskId)}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="overdue-topics-title" className="space-y-2">
          <h3 id="overdue-topics-title" className="text-sm font-semibold text-stone-900">
            {t("callsCommunity.dashboard.overdueTopics")}
          </h3>
          {topics.length === 0 ? <p className="text-sm text-stone-600">{t("callsCommunity.dashboard.noneOverdueTopics")}</p> : null}
          <ul className="divide-y divide-stone-100" data-testid="overdue-list">
            {topics.map((row) => (
              <li key={row.topicId} className="space-y-1 py-2 text-sm" data-testid="overdue-row">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <TopicLine row={row} />
                  <span className="whitespace-nowrap font-medium text-red-700">{row.daysOverdue === null ? t("hall.overdueUnknown") : t("hall.overdueDays", { count: row.daysOverdue })}</span>
                </div>
                {form(`topic-${row.topicId}`, row.topicId, null)}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Card>
  );
}
