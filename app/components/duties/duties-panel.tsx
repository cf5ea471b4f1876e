import { useTranslation } from "~/i18n/use-translation";
import type { Duty } from "~/workflow/duties";
import { DUTY_RHYTHMS } from "~/workflow/duties";
import { citeArticle } from "~/workflow/rule-packs";
import { dutyName, periodLabel } from "./duty-words";

const TONE = { done: "bg-green-50 text-green-800", scheduled: "bg-sky-50 text-sky-900", due: "bg-amber-50 text-amber-900", overdue: "bg-red-50 text-red-800" } as const;

/** The meetings page's 法定会议与年度评议: each duty's period, deadline, status and article. */
export function DutiesPanel({ duties, kind }: { duties: Duty[]; kind: "urban" | "village" }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh-CN";
  const months = (d: Duty) => DUTY_RHYTHMS[kind].find((r) => r.duty === d.duty)?.months ?? 12;
  return (
    <div className="space-y-2" data-testid="duties-panel">
      <p className="text-xs text-stone-500">{t("duties.intro")}</p>
      <ul className="divide-y divide-stone-100">
        {duties.map((d) => (
          <li key={`${d.duty}-${d.period.key}`} className="space-y-0.5 py-2 text-sm" data-testid={`duty-${d.duty}-${d.status}`}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium">
                {dutyName(t, d.duty)} · {periodLabel(t, d.period.key)}
              </span>
              <span className={`rounded px-2 py-0.5 text-xs font-medium ${TONE[d.status]}`}>{t(`${d.duty === "appraisal" ? "duties.statusAppraisal" : "duties.status"}.${d.status}`)}</span>
            </div>
            <p className="text-xs text-stone-600">
              {t(`duties.rhythm.${d.duty}${months(d)}`)} · {t("duties.dueBy", { date: d.dueBy })} · {t("duties.basis", { article: citeArticle(d.article, lang) })}
            </p>
          </li>
        ))}
      </ul>
      <p className="text-xs text-stone-500">{t("duties.heldNote")}</p>
    </div>
  );
}
