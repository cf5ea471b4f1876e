import { useTranslation } from "~/i18n/use-translation";
import { dutyName, periodLabel } from "~/components/duties/duty-words";
import type { DutyKind } from "~/workflow/duties";
import { citeArticle, type ArticleKey } from "~/workflow/rule-packs";

export interface DutyFlags {
  overdue: { duty: DutyKind; period: { key: string } }[];
  flagged: { name: string; years: [number, number] }[];
  appraisalArticle: ArticleKey;
}

/** A community's overdue meetings and appraisals on the street dashboard, and any member rated 不称职 twice in a row. */
export function DutyFlagsLine({ slug, kind, flags }: { slug: string; kind: string; flags: DutyFlags | null }) {
  const { t, i18n } = useTranslation();
  if (!flags) return null;
  const join = t("supervision.charts.listJoin");
  const overdue = flags.overdue.map((d) => `${dutyName(t, d.duty, kind)}(${periodLabel(t, d.period.key)})`).join(join);
  return (
    <div className="space-y-1 text-xs" data-testid={`duties-${slug}`}>
      <p className="font-medium text-stone-700">{t("duties.street.column")}</p>
      {overdue ? (
        <p className="text-red-700" data-testid={`duties-overdue-${slug}`}>
          {t("duties.street.overdue", { list: overdue })}
        </p>
      ) : (
        <p className="text-stone-600">{t("duties.street.none")}</p>
      )}
      {flags.flagged.length ? (
        <p className="font-semibold text-red-700" data-testid={`duties-flagged-${slug}`}>
          {t("duties.street.flagged", { list: flags.flagged.map((f) => `${f.name}(${f.years.join("、")})`).join(join) })} {t("duties.street.flaggedNote", { article: citeArticle(flags.appraisalArticle, i18n.language === "en" ? "en" : "zh-CN") })}
        </p>
      ) : null}
    </div>
  );
}
