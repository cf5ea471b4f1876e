import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { TopicState } from "~/workflow/states";

// From deliberation on, a topic has a proposal draft (frozen once it goes to the vote).
const HAS_DRAFT: readonly TopicState[] = ["drafting", "consulting", "onAgenda", "publicity", "executing", "verifying", "closed", "failed"];

/** 议案草案: a plain link to the drafting page; the editor's code loads there, never here. */
export function DraftLink({ state, slug, topicId }: { state: TopicState; slug: string; topicId: number }) {
  const { t } = useTranslation();
  if (!HAS_DRAFT.includes(state)) return null;
  return (
    <section className="rounded-lg border border-hall-200 bg-hall-50 p-4" data-testid="draft-link">
      <Link to={`/c/${slug}/topics/${topicId}/draft`} className="inline-flex min-h-[44px] items-center text-base font-semibold">
        {t("draft.link")} →
      </Link>
      <p className="text-sm text-stone-600">{t("draft.linkHint")}</p>
    </section>
  );
}
