import { useTranslation } from "~/i18n/use-translation";
import { citeArticle, type ArticleKey } from "~/workflow/rule-packs";

export interface MakeUpData {
  members: number;
  committeeMembers: number;
  representatives: number;
  representativesShareMet: boolean;
  pack: string;
  shareArticle: ArticleKey;
}

/** 组成人员 20 人:居委会成员 5 人,居民代表 15 人 — and a warning, with the article, when representatives are under four fifths. */
export function RosterMakeUp({ makeUp }: { makeUp: MakeUpData }) {
  const { t, i18n } = useTranslation();
  const body = makeUp.pack === "villagers-representatives" ? "villagers" : "residents";
  return (
    <div className="space-y-1 text-sm" data-testid="roster-make-up">
      <p className="text-stone-800">{t(`meetings.makeUp.${body}`, { members: makeUp.members, committeeMembers: makeUp.committeeMembers, representatives: makeUp.representatives })}</p>
      {makeUp.representativesShareMet ? null : (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900" data-testid="share-warning">
          ⚠ {t("meetings.makeUp.shareShort", { article: citeArticle(makeUp.shareArticle, i18n.language === "en" ? "en" : "zh-CN") })}
        </p>
      )}
    </div>
  );
}
