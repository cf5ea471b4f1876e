import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";

export interface MeetingData {
  id: number;
  heldAt: Instant;
  place: string;
  participants: string;
  opinions: string;
  recorderName: string;
}

/** The topic's consultation meetings, newest first, each with a link to its printable minutes. */
export function MeetingList({ meetings, slug, topicId }: { meetings: MeetingData[]; slug: string; topicId: number }) {
  const { t } = useTranslation();
  const { date } = useFormats();
  if (!meetings.length) return <p className="text-sm text-stone-500">{t("consultation.meetings.none")}</p>;
  return (
    <ul className="space-y-3" data-testid="meetings">
      {meetings.map((m) => (
        <li key={m.id} id={`meeting-${m.id}`} className="rounded-md border border-stone-200 p-3 text-sm">
          <p className="font-medium text-stone-900">
            <time dateTime={isoOf(m.heldAt)}>{date.format(new Date(m.heldAt))}</time> · <span className="break-words">{m.place}</span>
          </p>
          <p className="mt-1 line-clamp-3 whitespace-pre-wrap break-words text-stone-700">{m.participants}</p>
          {m.opinions ? <p className="mt-1 line-clamp-3 whitespace-pre-wrap break-words text-stone-600">{m.opinions}</p> : null}
          <p className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-stone-500">
            <span>{t("consultation.meetings.recordedBy", { name: m.recorderName })}</span>
            <Link to={`/c/${slug}/topics/${topicId}/minutes/${m.id}`} className="inline-flex min-h-[44px] items-center text-sm text-hall-700 underline">
              {t("consultation.meetings.printable")}
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
