import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { BlockerList } from "./blocker-list";

/**
 * From the topic page to its consultation page (opinions, meetings, freezing). For the committee while
 * the topic is in consultation, what 定稿 still needs (the freeze's step gate) is listed under it.
 */
export function ConsultationLink({ slug, topicId, freezeBlockers = [] }: { slug: string; topicId: number; freezeBlockers?: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-2">
      <Link
        to={`/c/${slug}/topics/${topicId}/consultation`}
        className="flex min-h-[44px] items-center rounded-lg border border-hall-200 bg-hall-50 px-4 py-2 text-sm font-medium text-hall-800 hover:bg-hall-100"
        data-testid="consultation-link"
      >
        {t("consultation.link")} →
      </Link>
      <BlockerList blockers={freezeBlockers} slug={slug} topicId={topicId} title={t("consultation.blockersTitle")} />
    </div>
  );
}
