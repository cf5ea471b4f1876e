import { useTranslation } from "~/i18n/use-translation";
import { citeArticle, type ArticleKey } from "~/workflow/rule-packs";

/** The three numbers the assembly's quorum is reckoned from, with the article that says so. */
export function RegisterTotals({ counts, today, article, ageArticle }: { counts: { households: number; adults: number; representatives: number }; today: string; article: ArticleKey; ageArticle: ArticleKey }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "zh-CN";
  const items = [
    ["households", counts.households],
    ["adults", counts.adults],
    ["representatives", counts.representatives],
  ] as const;
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" aria-labelledby="register-totals">
      <h2 id="register-totals" className="text-base font-semibold text-stone-900">
        {t("register.totals.title", { date: today })}
      </h2>
      <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
        {items.map(([key, value]) => (
          <div key={key} className="rounded-md bg-stone-50 p-2">
            <dd className="text-2xl font-bold tabular-nums text-stone-900" data-testid={`total-${key}`}>
              {value}
            </dd>
            <dt className="text-xs text-stone-600">{t(`register.totals.${key}`)}</dt>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-stone-600">{t("register.totals.rule", { article: citeArticle(article, language), ageArticle: citeArticle(ageArticle, language) })}</p>
    </section>
  );
}
