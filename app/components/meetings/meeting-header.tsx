import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats } from "~/components/topic/formats";
import { Card } from "~/components/ui/card";
import { MeetingStatusBadge } from "./status-badge";
import type { MeetingData } from "./types";

/**
 * 第N次代表会议: title, time, place, status, the notice given against the rules, an early start or a
 * 流会 said in words, and its other pages. `lapsed`: motions its end left unvoted.
 */
export function MeetingHeader({ meeting, slug, noticeGiven, lapsed = 0, overdue = false }: { meeting: MeetingData; slug: string; noticeGiven: number; lapsed?: number; overdue?: boolean }) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  const base = `/c/${slug}/meetings/${meeting.id}`;
  const link = "inline-flex min-h-[44px] items-center rounded-md border border-stone-300 bg-white px-3 text-sm font-medium text-stone-800 no-underline hover:bg-stone-100";
  return (
    <Card>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-stone-600">{t(meeting.body === "assembly" ? "assembly.numbered" : "meetings.numbered", { number: meeting.number })}</span>
        <MeetingStatusBadge status={meeting.status} overdue={overdue} />
      </div>
      <h1 className="mt-2 break-words text-2xl font-bold leading-snug text-stone-900" data-testid="meeting-title">
        {meeting.title}
      </h1>
      <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        {meeting.body === "assembly" ? (
          <>
            <dt className="text-stone-500">{t("assembly.schedule.body")}</dt>
            <dd data-testid="meeting-body">
              {t("assembly.body.assembly")} · {t(`assembly.countByShort.${meeting.countBy ?? "persons"}`)}
            </dd>
          </>
        ) : null}
        <dt className="text-stone-500">{t("meetings.at")}</dt>
        <dd>
          <time dateTime={isoOf(meeting.scheduledAt)}>{dateTime.format(new Date(meeting.scheduledAt))}</time>
        </dd>
        <dt className="text-stone-500">{t("meetings.place")}</dt>
        <dd className="break-words">{meeting.place}</dd>
        <dt className="text-stone-500">{t("meetings.page.notice")}</dt>
        <dd data-testid="notice">{t("meetings.page.noticeGiven", { given: Math.max(noticeGiven, 0), required: meeting.noticeDaysRequired })}</dd>
      </dl>
      {meeting.shortNotice ? (
        <p className="mt-3 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="short-notice-warning">
          ⚠ {t("meetings.page.shortNotice", { given: Math.max(noticeGiven, 0), required: meeting.noticeDaysRequired })}
        </p>
      ) : null}
      {meeting.startedEarly && meeting.startedAt ? (
        <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="started-early">
          {t("meetings.page.startedEarly", { at: dateTime.format(new Date(meeting.startedAt)) })}
        </p>
      ) : null}
      {meeting.status === "inquorate" ? (
        <p className="mt-3 rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-950" data-testid="inquorate">
          {t("meetings.page.inquorate")}
        </p>
      ) : meeting.status === "ended" && lapsed > 0 ? (
        <p className="mt-3 rounded-md border border-stone-300 bg-stone-50 px-3 py-2 text-sm text-stone-800" data-testid="lapsed-note">
          {t("meetings.page.lapsed", { count: lapsed })}
        </p>
      ) : null}
      {meeting.status !== "cancelled" ? (
        <p className="mt-3 flex flex-wrap gap-2">
          <Link to={`${base}/screen`} className={link} data-testid="screen-link">
            {t("meetings.page.screen")}
          </Link>
          <Link to={`${base}/minutes`} className={link} data-testid="minutes-link">
            {t("meetings.page.minutes")}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
