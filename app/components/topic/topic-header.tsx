import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Card } from "~/components/ui/card";
import { renderStored, type StoredMessage } from "~/i18n/stored-message";
import type { Stage } from "~/workflow/stages";
import type { TopicState } from "~/workflow/states";
import { isoOf, useFormats, type Instant } from "./formats";
import { AssistMark } from "~/components/assist/assist-mark";

export interface TopicHeaderData {
  number: number;
  title: string;
  location: string;
  stage: Stage;
  state: TopicState;
  overdue: boolean;
  publicReason: string;
  /** A system-made reason (the reopening's), said in the reader's language; publicReason otherwise. */
  publicReasonMessage?: StoredMessage | null;
  proposerName: string;
  /** 代录: who recorded the topic for its proposer, and the channel (decision 040). */
  proposerAssistedBy?: string | null;
  proposerAssistChannel?: string | null;
  createdAt: Instant;
  categoryZh: string | null;
  categoryEn: string | null;
  mergedIntoId: number | null;
  mergedIntoNumber: number | null;
  mergedIntoTitle: string | null;
}

const REASONED = ["reject", "merge", "withdraw", "sendBack", "reopen"] as const;
type Reasoned = (typeof REASONED)[number];

function isReasoned(action: string | undefined): action is Reasoned {
  return (REASONED as readonly string[]).includes(action ?? "");
}

const STATE_TONE: Partial<Record<TopicState, string>> = {
  closed: "bg-green-100 text-green-800",
  rejected: "bg-stone-200 text-stone-800",
  expired: "bg-stone-200 text-stone-800",
  withdrawn: "bg-stone-200 text-stone-800",
  merged: "bg-stone-200 text-stone-800",
  failed: "bg-red-100 text-red-800",
};

/** 议题 #n, title, what it is, where it stands; the public reason of the last reasoned move. */
export function TopicHeader({ topic, lastAction, slug }: { topic: TopicHeaderData; lastAction?: string; slug: string }) {
  const { t, i18n } = useTranslation();
  const { date } = useFormats();
  const category = i18n.language === "en" ? topic.categoryEn : topic.categoryZh;
  const showReason = isReasoned(lastAction) && topic.publicReason;
  return (
    <Card>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-stone-600">{t("topic.number", { number: topic.number })}</span>
        <span className={`rounded px-2 py-0.5 font-medium ${STATE_TONE[topic.state] ?? "bg-amber-100 text-amber-900"}`} data-testid="topic-state">
          {t(`topic.states.${topic.state}`)}
        </span>
        {topic.overdue ? (
          <span className="rounded border border-amber-400 bg-amber-50 px-2 py-0.5 font-medium text-amber-900" role="status" data-testid="topic-overdue">
            ⚠ {t("topic.overdue")}
          </span>
        ) : null}
      </div>
      <h1 className="mt-2 break-words text-2xl font-bold leading-snug" data-testid="topic-title">
        {topic.title}
      </h1>
      <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)_auto_minmax(0,1fr)]">
        <dt className="text-stone-500">{t("topic.stage")}</dt>
        <dd>{t(`stages.${topic.stage}`)}</dd>
        <dt className="text-stone-500">{t("topic.category")}</dt>
        <dd>{category ?? "—"}</dd>
        <dt className="text-stone-500">{t("topic.location")}</dt>
        <dd className="break-words">{topic.location || "—"}</dd>
        <dt className="text-stone-500">{t("topic.proposer")}</dt>
        <dd className="break-words">
          {topic.proposerName}
          <AssistMark assisted={topic.proposerAssistedBy && topic.proposerAssistChannel ? { by: topic.proposerAssistedBy, channel: topic.proposerAssistChannel } : null} className="ml-1" />
        </dd>
        <dt className="text-stone-500">{t("topic.created")}</dt>
        <dd>
          <time dateTime={isoOf(topic.createdAt)}>{date.format(new Date(topic.createdAt))}</time>
        </dd>
      </dl>
      {showReason ? (
        <div className="mt-3 rounded-md border border-stone-300 bg-stone-50 px-3 py-2 text-sm" data-testid="topic-reason">
          <span className="font-medium">{t(`topic.reasonOf.${lastAction}`)}:</span> <span className="whitespace-pre-wrap break-words">{renderStored(t, topic.publicReasonMessage, topic.publicReason)}</span>
        </div>
      ) : null}
      {topic.mergedIntoId ? (
        <p className="mt-3 text-sm" data-testid="merged-into">
          {t("topic.mergedInto")}{" "}
          <Link to={`/c/${slug}/topics/${topic.mergedIntoId}`}>
            {t("topic.number", { number: topic.mergedIntoNumber })} {topic.mergedIntoTitle}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
