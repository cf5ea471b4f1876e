import { useTranslation } from "~/i18n/use-translation";
import type { PackId } from "~/workflow/legal-floors";
import { ARTICLES, citeArticle, RULE_PACKS } from "~/workflow/rule-packs";

/** The articles a rule pack rests on, each cited and quoted as the law words it. */
export function PackArticles({ packId }: { packId: PackId }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "zh-CN";
  return (
    <section className="mt-4 space-y-1 text-sm" data-testid="pack-articles">
      <h3 className="font-medium text-stone-900">{t("rulesLaw.articlesTitle")}</h3>
      <p className="text-xs text-stone-500">{t("rulesLaw.articlesIntro")}</p>
      <ul className="mt-2 space-y-3">
        {RULE_PACKS[packId].articles.map((key) => {
          const article = ARTICLES[key];
          return (
            <li key={key} data-testid="pack-article">
              <div className="font-medium text-stone-900">{citeArticle(key, language)}</div>
              {language === "en" ? <div className="text-xs text-stone-500">{article.about}</div> : null}
              <blockquote lang="zh-CN" className="mt-1 border-l-4 border-stone-200 pl-3 text-stone-700">
                {article.textZh}
              </blockquote>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
