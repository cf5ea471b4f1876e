import { useTranslation } from "~/i18n/use-translation";
import { useFormats, type Instant } from "../topic/formats";

export interface BannerMeeting {
  id: number;
  number: number;
  title: string;
  place: string;
  scheduledAt: Instant;
  status: string;
  agenda: number;
}

/**
 * The representatives' meeting now in session (check in, vote), or the next one with its time and
 * place. Its link is plain: the hall navigates its links in the app (useClientNavigation).
 */
export function MeetingBanner({ meeting, communitySlug, isRepresentative }: { meeting: BannerMeeting; communitySlug: string; isRepresentative: boolean }) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  const live = meeting.status === "inSession";
  return (
    <section
      aria-label={t("hall.meeting.label")}
      data-testid="meeting-banner"
      className={`flex flex-wrap items-center justify-between gap-3 rounded-lg border p-4 ${live ? "border-amber-400 bg-amber-50" : "border-hall-200 bg-hall-50"}`}
    >
      <div className="min-w-0">
        <p className="text-sm font-medium text-stone-600">{live ? t("hall.meeting.live") : t("hall.meeting.next")}</p>
        <p className="break-words text-lg font-semibold text-stone-900">{t("hall.meeting.name", { number: meeting.number, title: meeting.title })}</p>
        <p className="text-sm text-stone-700">
          {dateTime.format(new Date(meeting.scheduledAt))} · {meeting.place} · {t("hall.meeting.agenda", { count: meeting.agenda })}
        </p>
      </div>
      <a
        href={`/c/${communitySlug}/meetings/${meeting.id}`}
        className={`inline-flex min-h-[44px] items-center rounded-md px-4 font-medium no-underline ${live ? "bg-amber-700 text-white hover:bg-amber-800" : "border border-stone-300 bg-white text-stone-900 hover:bg-stone-100"}`}
      >
        {live && isRepresentative ? t("hall.meeting.join") : t("hall.meeting.open")}
      </a>
    </section>
  );
}
