import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Card } from "~/components/ui/card";
import type { UndoKind } from "~/workflow/assembly";
import type { TablingBlock } from "~/workflow/powers";
import { citeArticle, type ArticleKey } from "~/workflow/rule-packs";

export interface TopicPowersData {
  undo: { kind: UndoKind; resolution: { year: number; number: number; topicId: number; topicNumber: number; title: string } } | null;
  block: TablingBlock | null;
  undoArticle: ArticleKey;
  mattersArticle: ArticleKey;
  /** The committee may still name or clear the resolution (the text is not frozen yet). */
  mayName: boolean;
}

/**
 * 只能由村(居)民会议决定: what the topic proposes to revoke or change, and why it cannot go on a
 * representatives' meeting's agenda, with the article; the committee's link to name the resolution.
 */
export function AssemblyOnlyCard({ powers, slug, topicId }: { powers: TopicPowersData; slug: string; topicId: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "zh-CN";
  const { undo, block } = powers;
  return (
    <Card title={t("powers.undo.title")}>
      <div className="space-y-2 text-sm" data-testid="assembly-only" data-block={block ?? ""}>
        {undo ? (
          <p className="text-stone-900">
            <Link to={`/c/${slug}/topics/${undo.resolution.topicId}`} className="text-hall-700 underline">
              {t(`powers.undo.proposes.${undo.kind}`, { ...undo.resolution })}
            </Link>
          </p>
        ) : null}
        {block === "undoNeedsAssembly" ? <p className="font-medium text-orange-900">{t("powers.undo.onlyAssembly", { article: citeArticle(powers.undoArticle, language) })}</p> : null}
        {block === "assemblyMatter" ? <p className="font-medium text-orange-900">{t("powers.matters.blocked", { article: citeArticle(powers.mattersArticle, language) })}</p> : null}
        {powers.mayName ? (
          <Link to={`/c/${slug}/topics/${topicId}/undo`} className="inline-flex min-h-[44px] items-center font-medium text-hall-700 underline">
            {t("powers.undo.name")}
          </Link>
        ) : null}
      </div>
    </Card>
  );
}
