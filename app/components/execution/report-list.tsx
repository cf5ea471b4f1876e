import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats } from "~/components/topic/formats";
import { formatYuan } from "./money";
import type { ReportRow } from "./types";

/** 进度报告, newest first: who, when, the percentage, money spent, the text and the evidence photos. */
export function ReportList({ reports, slug }: { reports: ReportRow[]; slug: string }) {
  const { t, i18n } = useTranslation();
  const formats = useFormats();
  if (reports.length === 0) return <p className="text-sm text-stone-500">{t("execution.report.none")}</p>;
  return (
    <div className="space-y-2">
      <h4 className="text-sm font-semibold text-stone-900">{t("execution.report.title")}</h4>
      <ol className="space-y-3 border-l-2 border-hall-100 pl-3">
        {reports.map((r) => (
          <li key={r.id} id={`report-${r.id}`} className="min-w-0 space-y-1" data-testid="report">
            <p className="text-xs text-stone-500">
              <time dateTime={isoOf(r.createdAt)}>{formats.dateTime.format(new Date(r.createdAt))}</time> · {r.author} · {t("execution.report.percent", { percent: r.percent })}
              {r.spentFen > 0 ? ` · ${t("execution.report.spent", { amount: formatYuan(r.spentFen, i18n.language) })}` : ""}
            </p>
            <p className="whitespace-pre-wrap break-words text-sm text-stone-800">{r.body}</p>
            {r.photoIds.length ? (
              <ul className="flex flex-wrap gap-2">
                {r.photoIds.map((id, i) => (
                  <li key={id}>
                    <a href={`/c/${slug}/photos/${id}`} className="block h-20 w-20 overflow-hidden rounded-md border border-stone-200" target="_blank" rel="noreferrer">
                      <img src={`/c/${slug}/photos/${id}`} alt={t("execution.report.photoAlt", { n: i + 1 })} loading="lazy" className="h-full w-full object-cover" />
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
