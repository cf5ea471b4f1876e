import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { stageIndex, type Stage } from "~/workflow/stages";

// "More" is a plain link, like the cards' (decision 013): a router link resolves its path on every render.
export function StageColumn({ stage, total, shown, moreHref, children }: { stage: Stage; total: number; shown: number; moreHref?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="flex flex-col rounded-lg border border-stone-200 bg-stone-100/60 p-3" data-testid={`stage-${stage}`} aria-labelledby={`stage-${stage}-title`}>
      <header className="mb-2">
        <h2 id={`stage-${stage}-title`} className="flex items-center gap-2 font-semibold text-stone-900">
          <span className="flex h-6 w-6 items-center justify-center rounded-full bg-hall-600 text-xs text-white">{stageIndex(stage) + 1}</span>
          {t(`stages.${stage}`)}
          <span className="ml-auto whitespace-nowrap text-xs font-normal text-stone-600">{t("hall.topicsInStage", { count: total })}</span>
        </h2>
        <p className="mt-1 text-xs text-stone-600">{t(`stageHints.${stage}`)}</p>
      </header>
      {total === 0 ? <p className="text-sm text-stone-600">{t("hall.emptyStage")}</p> : <ul className="space-y-2">{children}</ul>}
      {total > shown ? (
        <p className="mt-2 text-sm">
          {moreHref ? (
            <a href={moreHref} className="inline-flex min-h-[44px] items-center" data-testid={`more-${stage}`}>
              {t("hall.more", { count: total - shown })}
            </a>
          ) : (
            <span className="text-stone-600">{t("hall.more", { count: total - shown })}</span>
          )}
        </p>
      ) : null}
    </section>
  );
}
