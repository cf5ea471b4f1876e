import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";
import type { CallOrigin, CallState, Timeliness } from "~/workflow/department-call";

export interface RecentCallRow {
  id: number;
  state: CallState;
  origin: CallOrigin;
  sentAt: Instant;
  departmentZh: string;
  departmentEn: string;
  number: number;
  title: string;
  communityNameZh: string;
  communityNameEn: string;
  timeliness: Timeliness;
}

const TONE: Record<Timeliness, string> = {
  onTime: "bg-green-50 text-green-800",
  late: "bg-amber-50 text-amber-900",
  waiting: "bg-stone-100 text-stone-700",
  overdue: "bg-red-50 text-red-700",
};

/** The street's latest calls: department, community and topic, state, and 按时响应 / 超时. */
export function RecentCalls({ rows, streetSlug }: { rows: RecentCallRow[]; streetSlug: string }) {
  const { t, i18n } = useTranslation();
  const { date } = useFormats();
  const en = i18n.language === "en";
  if (rows.length === 0) return <p className="text-sm text-stone-600">{t("callsCommunity.dashboard.recentNone")}</p>;
  return (
    <ul className="divide-y divide-stone-100" data-testid="recent-calls">
      {rows.map((row) => (
        <li key={row.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2 text-sm" data-testid="recent-call">
          <div className="min-w-0">
            <Link to={`/s/${streetSlug}/calls/${row.id}`} className="font-medium">
              {en ? row.departmentEn : row.departmentZh}
            </Link>{" "}
            <span className="text-stone-500">
              {en ? row.communityNameEn : row.communityNameZh} · {t("hall.number", { number: row.number })} {row.title}
            </span>
            <p className="text-xs text-stone-500">
              {t(`call.origins.${row.origin}`)} · <time dateTime={isoOf(row.sentAt)}>{date.format(new Date(row.sentAt))}</time> · {t(`call.states.${row.state}`)}
            </p>
          </div>
          <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${TONE[row.timeliness]}`} data-testid="call-timeliness">
            {t(`callsCommunity.dashboard.timeliness.${row.timeliness}`)}
          </span>
        </li>
      ))}
    </ul>
  );
}
