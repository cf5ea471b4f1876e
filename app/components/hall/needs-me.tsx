import { useTranslation } from "~/i18n/use-translation";
import type { NeedsMeTask } from "~/workflow/needs-me";
import { TopicCard, type TopicCardData } from "../topic-card";
import { Card } from "../ui/card";

/** 待我处理: the topics waiting on this person, each with what is asked of them. */
export function NeedsMe({ topics, now, communitySlug }: { topics: Array<TopicCardData & { task: NeedsMeTask }>; now: number; communitySlug: string }) {
  const { t } = useTranslation();
  return (
    <Card title={t("hall.needsMe")}>
      {topics.length === 0 ? (
        <p className="text-sm text-stone-600">{t("hall.needsMeEmpty")}</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4" data-testid="needs-me">
          {topics.map((topic) => (
            <li key={topic.id} className="space-y-1" data-task={topic.task}>
              <span className="inline-block rounded bg-hall-50 px-2 py-0.5 text-xs font-medium text-hall-700">{t(`hall.task_${topic.task}`)}</span>
              <TopicCard topic={topic} now={now} communitySlug={communitySlug} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
