import { useTranslation } from "~/i18n/use-translation";
import type { Stage } from "~/workflow/stages";
import { CompactStageTimeline } from "./stage-timeline";
import { AssistMark } from "./assist/assist-mark";

export interface TopicCardData {
  id: number;
  number: number;
  title: string;
  stage: Stage;
  status: string;
  location: string;
  stageEnteredAt: string | Date;
  proposerName: string;
  /** 代录: who recorded the topic for its proposer, and the channel. */
  proposerAssistedBy?: string | null;
  proposerAssistChannel?: string | null;
  categoryZh: string | null;
  categoryEn: string | null;
  /** Screening is past the rules' deadline. */
  overdue?: boolean;
}

const DAY = 24 * 60 * 60 * 1000;

export function TopicCard({ topic, now, communitySlug }: { topic: TopicCardData; now: number; communitySlug: string }) {
  const { t, i18n } = useTranslation();
  const days = Math.max(1, Math.ceil((now - new Date(topic.stageEnteredAt).getTime()) / DAY));
  const category = i18n.language === "en" ? topic.categoryEn : topic.categoryZh;
  return (
    <article className="rounded-md border border-stone-200 bg-white p-3 shadow-sm" data-testid="topic-card">
      <div className="flex items-center justify-between gap-2 text-xs text-stone-500">
        <span>{t("hall.number", { number: topic.number })}</span>
        {category ? <span className="rounded bg-stone-100 px-1.5 py-0.5 text-stone-700">{category}</span> : null}
      </div>
      <h3 className="mt-1 text-sm font-semibold leading-snug">
        <a href={`/c/${communitySlug}/topics/${topic.id}`} className="text-stone-900">
          {topic.title}
        </a>
      </h3>
      <p className="mt-1 text-xs text-stone-500">
        {t("hall.proposedBy", { name: topic.proposerName })}
        <AssistMark assisted={topic.proposerAssistedBy && topic.proposerAssistChannel ? { by: topic.proposerAssistedBy, channel: topic.proposerAssistChannel } : null} className="ml-1" />
        {topic.location ? ` · ${topic.location}` : ""}
      </p>
      <div className="mt-2">
        <CompactStageTimeline current={topic.stage} closed={topic.status === "closed"} />
      </div>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-stone-500">
        {t("hall.daysInStage", { count: days })}
        {topic.status !== "active" ? <span className="rounded bg-stone-100 px-1.5 py-0.5 font-medium text-stone-700">{t(`status.${topic.status}`)}</span> : null}
        {topic.overdue ? (
          <span className="rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-800" data-testid="overdue-badge">
            {t("hall.overdue")}
          </span>
        ) : null}
      </p>
    </article>
  );
}
