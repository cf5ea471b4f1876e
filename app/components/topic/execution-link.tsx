import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { TopicState } from "~/workflow/states";

const HAS_EXECUTION: readonly TopicState[] = ["executing", "verifying", "closed"];

/** 执行情况: from the topic page to its plan, reports and demands, once the resolution is being carried out. */
export function ExecutionLink({ state, slug, topicId }: { state: TopicState; slug: string; topicId: number }) {
  const { t } = useTranslation();
  if (!HAS_EXECUTION.includes(state)) return null;
  return (
    <Link
      to={`/c/${slug}/topics/${topicId}/execution`}
      className="flex min-h-[44px] items-center rounded-lg border border-hall-200 bg-hall-50 px-4 py-2 text-sm font-medium text-hall-800 hover:bg-hall-100"
      data-testid="execution-link"
    >
      {t("execution.link")} →
    </Link>
  );
}
