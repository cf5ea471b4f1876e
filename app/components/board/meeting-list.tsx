import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";
import type { MeetingStatus, MotionStatus } from "~/workflow/meetings";

export interface BoardMeeting {
  number: number;
  title: string;
  place: string;
  /** When it is called for, or when it opened once it sat. */
  at: Instant;
  status: MeetingStatus;
  shortNotice: boolean;
  agenda: Array<{ topicNumber: number; topicTitle: string; sha256: string; secret: boolean; status: MotionStatus; passed: boolean | null }>;
}

/** 代表会议 on the board: the meetings to come with their agendas, then those held recently with their results. */
export function MeetingList({ upcoming, recent }: { upcoming: BoardMeeting[]; recent: BoardMeeting[] }) {
  const { t } = useTranslation();
  if (upcoming.length === 0 && recent.length === 0) return <p className="text-sm text-stone-600">{t("board.noMeetings")}</p>;
  return (
    <div className="space-y-4">
      {upcoming.length ? <MeetingGroup title={t("board.upcoming")} meetings={upcoming} kind="upcoming" /> : null}
      {recent.length ? <MeetingGroup title={t("board.recent")} meetings={recent} kind="recent" /> : null}
    </div>
  );
}

function MeetingGroup({ title, meetings, kind }: { title: string; meetings: BoardMeeting[]; kind: "upcoming" | "recent" }) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  return (
    <div>
      <h3 className="text-sm font-semibold uppercase tracking-wide text-stone-500">{title}</h3>
      <ul className="mt-2 space-y-3">
        {meetings.map((m) => (
          <li key={m.number} className={`rounded-md border p-3 ${kind === "upcoming" ? "border-sky-200 bg-sky-50/60" : "border-stone-200"}`} data-testid="board-meeting" data-kind={kind} data-status={m.status}>
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-semibold text-stone-900">{t("board.meetingTitle", { number: m.number })}</span>
              {m.status === "inSession" ? <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-medium text-green-800">{t("board.inSession")}</span> : null}
              {m.status === "inquorate" ? (
                <span className="rounded bg-rose-100 px-1.5 py-0.5 text-xs font-medium text-rose-900" data-testid="board-inquorate">
                  {t("board.inquorate")}
                </span>
              ) : null}
              {m.shortNotice ? <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">{t("board.shortNotice")}</span> : null}
            </p>
            <p className="text-sm text-stone-700">{m.title}</p>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
              <dt className="text-stone-500">{t("board.when")}</dt>
              <dd>
                <time dateTime={isoOf(m.at)}>{dateTime.format(new Date(m.at))}</time>
              </dd>
              <dt className="text-stone-500">{t("board.place")}</dt>
              <dd className="break-words">{m.place}</dd>
            </dl>
            <p className="mt-2 text-sm font-medium text-stone-800">{t("board.agenda")}</p>
            {m.agenda.length ? (
              <ol className="mt-1 space-y-2 text-sm">
                {m.agenda.map((a) => (
                  <li key={a.topicNumber} className="rounded bg-white/80 p-2" data-testid="board-agenda-item">
                    <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      <span className="text-stone-900">{t("board.topic", { number: a.topicNumber, title: a.topicTitle })}</span>
                      {a.secret ? <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700">{t("resolutions.secret")}</span> : null}
                      {a.status === "lapsed" ? <span className="rounded bg-stone-200 px-1.5 py-0.5 text-xs font-medium text-stone-700">{t("board.lapsed")}</span> : null}
                      {a.passed === null ? null : (
                        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${a.passed ? "bg-green-100 text-green-800" : "bg-red-100 text-red-800"}`}>
                          {t(a.passed ? "resolutions.passed" : "resolutions.failed")}
                        </span>
                      )}
                    </p>
                    <p className="mt-0.5 break-all font-mono text-xs text-stone-600">SHA-256 {a.sha256}</p>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-stone-600">{t("board.noAgenda")}</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
