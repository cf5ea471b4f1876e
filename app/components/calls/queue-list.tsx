import { Link } from "@remix-run/react";
import { useFormats, type Instant } from "~/components/topic/formats";
import { useTranslation } from "~/i18n/use-translation";
import type { CallState } from "~/workflow/department-call";
import { CallFlags } from "./call-flags";

export interface QueueItem {
  id: number;
  topicNumber: number;
  topicTitle: string;
  communityNameZh: string;
  communityNameEn: string;
  departmentNameZh: string;
  departmentNameEn: string;
  taskTitle: string | null;
  wantedBy: Instant;
  responseDueAt: Instant;
  promisedBy: Instant | null;
  state: CallState;
  percent: number;
  responseOverdue: boolean;
  workOverdue: boolean;
}

/** The department's queue: one card per call (a list, not a table, so it reads on a 390 px phone). */
export function QueueList({ street, calls }: { street: string; calls: QueueItem[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const formats = useFormats();
  const date = (v: Instant) => formats.date.format(new Date(v));
  if (calls.length === 0) return <p className="text-sm text-stone-600">{t("calls.none")}</p>;
  return (
    <ul className="divide-y divide-stone-200" data-testid="call-queue">
      {calls.map((c) => (
        <li key={c.id} id={`call-${c.id}`} className="space-y-1 py-3" data-testid="call-row" data-call-id={c.id}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <Link to={`/s/${street}/calls/${c.id}`} className="font-medium">
              #{c.topicNumber} {c.topicTitle}
            </Link>
            <CallFlags state={c.state} responseOverdue={c.responseOverdue} workOverdue={c.workOverdue} />
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-stone-700 sm:grid-cols-[auto_1fr_auto_1fr]">
            <dt className="text-stone-500">{t("calls.community")}</dt>
            <dd>{en ? c.communityNameEn : c.communityNameZh}</dd>
            <dt className="text-stone-500">{t("calls.department")}</dt>
            <dd>{en ? c.departmentNameEn : c.departmentNameZh}</dd>
            {c.taskTitle ? (
              <>
                <dt className="text-stone-500">{t("calls.task")}</dt>
                <dd>{c.taskTitle}</dd>
              </>
            ) : null}
            <dt className="text-stone-500">{t("calls.wantedBy")}</dt>
            <dd>{date(c.wantedBy)}</dd>
            {c.state === "sent" ? (
              <>
                <dt className="text-stone-500">{t("calls.responseDue")}</dt>
                <dd className={c.responseOverdue ? "font-medium text-red-700" : undefined}>{formats.dateTime.format(new Date(c.responseDueAt))}</dd>
              </>
            ) : null}
            {c.state === "accepted" && c.promisedBy ? (
              <>
                <dt className="text-stone-500">{t("calls.promisedBy")}</dt>
                <dd className={c.workOverdue ? "font-medium text-red-700" : undefined}>
                  {date(c.promisedBy)} · {t("calls.percent", { percent: c.percent })}
                </dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
