import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/card";
import { isoOf, useFormats, type Instant } from "./formats";

export interface HistoryEvent {
  id: number;
  action: string;
  reason: string;
  at: Instant;
  actorName: string | null;
}

/** 议题记录: every move with its time, who made it (or the system) and why. */
export function TopicHistory({ events }: { events: HistoryEvent[] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  return (
    <Card title={t("topic.history.title")}>
      {events.length ? (
        <ol className="space-y-3 border-l-2 border-stone-200 pl-3" data-testid="topic-history">
          {events.map((e) => (
            <li key={e.id} className="text-sm">
              <p className="text-xs text-stone-500">
                <time dateTime={isoOf(e.at)}>{dateTime.format(new Date(e.at))}</time>
              </p>
              <p>
                <span className="font-medium text-stone-900">{t(`topic.actions.${e.action}`)}</span>
                <span className="text-stone-600"> · {e.actorName ?? t("topic.system")}</span>
              </p>
              {e.reason ? (
                <p className="mt-0.5 whitespace-pre-wrap break-words text-stone-700">
                  {t("topic.reasonLabel")}: {e.reason}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-stone-500">{t("topic.history.none")}</p>
      )}
    </Card>
  );
}
