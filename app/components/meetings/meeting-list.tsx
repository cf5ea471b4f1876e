import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats } from "~/components/topic/formats";
import type { MotionStatus } from "~/workflow/meetings";
import type { MeetingRef } from "./meeting-ref";
import { MeetingStatusBadge } from "./status-badge";

export interface MeetingListItem extends MeetingRef {
  shortNotice: boolean;
  /** The assembly (issue 17) is numbered with the representatives' meetings, and said so. */
  body?: "representatives" | "assembly";
  motions: Array<{ id: number; topicId: number; number: number; title: string; status: MotionStatus; passed: boolean | null }>;
}

function Verdict({ status, passed }: { status: MotionStatus; passed: boolean | null }) {
  const { t } = useTranslation();
  if (status === "voting") return <span className="shrink-0 rounded bg-green-700 px-1.5 text-xs font-medium text-white">{t("meetings.agenda.statusVoting")}</span>;
  if (status === "lapsed") return <span className="shrink-0 rounded bg-stone-200 px-1.5 text-xs font-medium text-stone-700">{t("meetings.agenda.statusLapsed")}</span>;
  if (passed === null) return null;
  return <span className={`shrink-0 rounded px-1.5 text-xs font-medium ${passed ? "bg-green-100 text-green-800" : "bg-red-100 text-red-800"}`}>{t(passed ? "meetings.agenda.passed" : "meetings.agenda.failed")}</span>;
}

/** Meetings as cards: number, title, when and where, status, and the agenda's topics with their results. */
export function MeetingList({ meetings, slug, empty, overdue = false }: { meetings: MeetingListItem[]; slug: string; empty: string; overdue?: boolean }) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  if (!meetings.length) return <p className="text-sm text-stone-500">{empty}</p>;
  return (
    <ul className="grid gap-3 md:grid-cols-2" data-testid="meeting-list">
      {meetings.map((m) => (
        <li key={m.id} className="min-w-0">
          <Link
            to={`/c/${slug}/meetings/${m.id}`}
            className={`block h-full rounded-md border bg-white p-3 no-underline shadow-sm transition-colors hover:border-hall-500 ${m.status === "inSession" ? "border-green-600 ring-1 ring-green-600" : "border-stone-200"}`}
            data-testid="meeting-item"
          >
            <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-stone-500">
              <span>{t(m.body === "assembly" ? "assembly.numbered" : "meetings.numbered", { number: m.number })}</span>
              <MeetingStatusBadge status={m.status} overdue={overdue} />
            </div>
            <p className="mt-1 break-words font-semibold text-stone-900">{m.title}</p>
            <p className="mt-1 text-sm text-stone-700">
              <time dateTime={isoOf(m.scheduledAt)}>{dateTime.format(new Date(m.scheduledAt))}</time>
              <span className="text-stone-400"> · </span>
              <span className="break-words">{m.place}</span>
            </p>
            {m.motions.length ? (
              <ul className="mt-2 space-y-1 border-t border-stone-100 pt-2 text-sm text-stone-700">
                {m.motions.map((motion) => (
                  <li key={motion.id} className="flex items-start justify-between gap-2">
                    <span className="min-w-0 break-words">
                      <span className="text-stone-500">#{motion.number}</span> {motion.title}
                    </span>
                    <Verdict status={motion.status} passed={motion.passed} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-xs text-stone-500">{t("meetings.agendaEmpty")}</p>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
