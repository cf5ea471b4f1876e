import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";

/** A call past its response limit (unanswered) or past its promised date (unresolved), as the dashboard lists it. */
export interface OverdueCallView {
  id: number;
  kind: "response" | "work";
  dueAt: Instant;
  departmentNameZh: string;
  departmentNameEn: string;
  topicNumber: number;
  topicTitle: string;
  communityNameZh: string;
  communityNameEn: string;
}

/** 逾期未响应 / 逾期未办结: worst first, each linking to the call's page. */
export function OverdueCalls({ rows, streetSlug }: { rows: OverdueCallView[]; streetSlug: string }) {
  const { t, i18n } = useTranslation();
  const { date } = useFormats();
  const en = i18n.language === "en";
  if (rows.length === 0) return <p className="text-sm text-stone-600">{t("callsCommunity.dashboard.overdueNone")}</p>;
  return (
    <ul className="divide-y divide-stone-100" data-testid="overdue-calls">
      {rows.map((row) => (
        <li key={`${row.kind}-${row.id}`} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2 text-sm" data-testid="overdue-call">
          <div className="min-w-0">
            <Link to={`/s/${streetSlug}/calls/${row.id}`} className="font-medium">
              {en ? row.departmentNameEn : row.departmentNameZh}
            </Link>{" "}
            <span className="break-words text-stone-500">
              {en ? row.communityNameEn : row.communityNameZh} · {t("hall.number", { number: row.topicNumber })} {row.topicTitle}
            </span>
          </div>
          <span className="whitespace-nowrap font-medium text-red-700">
            {t(row.kind === "response" ? "callsCommunity.dashboard.responseOverdue" : "callsCommunity.dashboard.workOverdue")} ·{" "}
            <time dateTime={isoOf(row.dueAt)}>{t("callsCommunity.dashboard.since", { date: date.format(new Date(row.dueAt)) })}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}
