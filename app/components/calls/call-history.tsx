import { useFormats, type Instant } from "~/components/topic/formats";
import { useTranslation } from "~/i18n/use-translation";
import type { CallEventKind } from "~/workflow/department-call";

export interface HistoryEvent {
  id: number;
  kind: CallEventKind;
  body: string;
  percent: number | null;
  dueAt: Instant | null;
  at: Instant;
  actorName: string | null;
  photoIds: number[];
}

/** A call's steps, oldest first: who (the system for the scheduler's flags), when, what was said, evidence photos. */
export function CallHistory({ events, community }: { events: HistoryEvent[]; community: string }) {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <ol className="space-y-3" data-testid="call-history">
      {events.map((e) => (
        <li key={e.id} id={`call-event-${e.id}`} className="border-l-2 border-stone-200 pl-3" data-kind={e.kind}>
          <p className="text-sm">
            <span className="font-medium">{t(`call.events.${e.kind}`)}</span>
            {e.percent !== null && e.kind === "progress" ? ` · ${t("calls.percent", { percent: e.percent })}` : ""}
            {e.dueAt && e.kind === "accepted" ? ` · ${t("calls.promisedBy")} ${formats.date.format(new Date(e.dueAt))}` : ""}
          </p>
          <p className="text-xs text-stone-500">
            {e.actorName ?? t("calls.bySystem")} · {formats.dateTime.format(new Date(e.at))}
          </p>
          {e.body ? <p className="mt-1 whitespace-pre-wrap break-words text-sm text-stone-800">{e.body}</p> : null}
          {e.photoIds.length ? (
            <div className="mt-2 flex flex-wrap gap-2">
              {e.photoIds.map((id, i) => (
                <a key={id} href={`/c/${community}/board/photos/${id}`} target="_blank" rel="noreferrer">
                  <img src={`/c/${community}/board/photos/${id}`} alt={t("calls.photo", { n: i + 1 })} className="h-20 w-20 rounded border border-stone-200 object-cover" loading="lazy" />
                </a>
              ))}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
