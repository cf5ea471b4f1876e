import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

export interface OverdueRow {
  topicId: number;
  number: number;
  title: string;
  communitySlug: string;
  communityNameZh: string;
  communityNameEn: string;
  daysOverdue: number | null;
}

/** The street's overdue screening: which community, which topic (linked), how many days late. */
export function OverdueList({ rows }: { rows: OverdueRow[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  if (rows.length === 0) return <p className="text-sm text-stone-600">{t("hall.overdueNone")}</p>;
  return (
    <ul className="divide-y divide-stone-100" data-testid="overdue-list">
      {rows.map((row) => (
        <li key={row.topicId} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2 text-sm" data-testid="overdue-row">
          <div className="min-w-0">
            <span className="text-stone-500">{en ? row.communityNameEn : row.communityNameZh}</span>{" "}
            <Link to={`/c/${row.communitySlug}/topics/${row.topicId}`} className="font-medium">
              {t("hall.number", { number: row.number })} {row.title}
            </Link>
          </div>
          <span className="whitespace-nowrap font-medium text-red-700">
            {row.daysOverdue === null ? t("hall.overdueUnknown") : t("hall.overdueDays", { count: row.daysOverdue })}
          </span>
        </li>
      ))}
    </ul>
  );
}
