import { Link } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";
import { PageStyle, PrintButton, printCss } from "~/components/ui/print";
import { AttendanceRecord } from "./attendance-record";
import { meetingOver } from "~/workflow/meeting-lifecycle";
import { MotionRecord } from "./motion-record";
import { AssemblyRecord } from "~/components/assembly/assembly-record";
import type { RecordedMeeting } from "./record-types";

// Each motion starts a new sheet; a table row never splits across two, and a heading stays with what follows it.
const MINUTES_CSS = `${printCss("main")}
@media print {
  #main .motion-record + .motion-record { break-before: page; }
  #main tr, #main dl { break-inside: avoid; }
  #main h2, #main h3 { break-after: avoid; }
}`;

function When({ at }: { at: Instant }) {
  const { dateTime } = useFormats();
  return <time dateTime={isoOf(at)}>{dateTime.format(new Date(at))}</time>;
}

/**
 * The name after its role's label, the role said once: a display name that already begins with the
 * label ("召集人 周强" under 召集人) is given without it, so the line reads "召集人 周强", not "召集人 召集人 周强".
 */
export function nameAfterRole(label: string, name: string): string {
  const rest = name.startsWith(label) ? name.slice(label.length) : null;
  return rest !== null && /^\s+\S/.test(rest) ? rest.trim() : name;
}

/** 会议记录: a representatives' meeting as it is filed and signed — attendance, each motion, each result, the votes. */
export function MeetingMinutes({ record, communityName, meetingUrl, csvUrl }: { record: RecordedMeeting; communityName: string; meetingUrl: string; csvUrl: string }) {
  const { t } = useTranslation();
  const { meeting } = record;
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 bg-white px-4 py-6 text-stone-900">
      <PageStyle css={MINUTES_CSS} />
      <p className="no-print flex flex-wrap items-center justify-between gap-3 text-sm">
        <Link to={meetingUrl} className="inline-flex min-h-[44px] items-center">
          ← {t("meetingRecords.minutes.back")}
        </Link>
        <span className="flex flex-wrap items-center gap-3">
          <a href={csvUrl} download className="inline-flex min-h-[44px] items-center" data-testid="download-csv">
            {t("meetingRecords.minutes.download")}
          </a>
          <PrintButton label={t("meetingRecords.minutes.print")} />
        </span>
      </p>
      <header className="space-y-1 border-b-2 border-stone-800 pb-3 text-center">
        <p className="text-sm">{communityName}</p>
        <h1 className="text-2xl font-bold">
          {t(record.assembly ? "assembly.numbered" : "meetingRecords.meetingNumber", { number: meeting.number })} {t("meetingRecords.minutes.title")}
        </h1>
        <p className="break-words">{meeting.title}</p>
      </header>
      <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-sm" data-testid="minutes-meeting">
        <dt className="font-semibold">{t("meetingRecords.minutes.meetingTitle")}</dt>
        <dd className="break-words">{meeting.title}</dd>
        <dt className="font-semibold">{t("meetingRecords.minutes.time")}</dt>
        <dd>
          <When at={meeting.startedAt ?? meeting.scheduledAt} />
          {meeting.endedAt ? (
            <>
              {" — "}
              <When at={meeting.endedAt} />
            </>
          ) : null}
        </dd>
        <dt className="font-semibold">{t("meetingRecords.minutes.place")}</dt>
        <dd className="break-words">{meeting.place}</dd>
        <dt className="font-semibold">{t("meetingRecords.minutes.convener")}</dt>
        <dd data-testid="minutes-convener">{nameAfterRole(t("meetingRecords.minutes.convener"), record.convener)}</dd>
        <dt className="font-semibold">{t("meetingRecords.minutes.status")}</dt>
        <dd data-testid="minutes-status">
          {t(`meetingRecords.meetingStatus.${meeting.status}`)}
          {meeting.startedEarly ? <span className="block">{t("meetingRecords.minutes.startedEarly")}</span> : null}
        </dd>
      </dl>
      {meeting.status === "inquorate" ? (
        <p className="border-l-4 border-stone-800 pl-3 text-sm font-semibold" data-testid="minutes-inquorate">
          {t("meetingRecords.minutes.inquorate")}
        </p>
      ) : null}
      {record.assembly ? <AssemblyRecord assembly={record.assembly} quorum={record.quorum} /> : <AttendanceRecord record={record} />}
      {record.agenda.map((motion) => (
        <Fragment key={motion.id}>
          <MotionRecord motion={motion} meetingOver={meetingOver(meeting.status)} />
          {motion.countedBy ? (
            <p className="mt-2 text-sm" data-testid="minutes-tellers">
              {t("assembly.count.tellers", { names: motion.countedBy })}
            </p>
          ) : null}
        </Fragment>
      ))}
      <p className="pt-8 text-right text-sm">{t("meetingRecords.minutes.signatures")}</p>
    </main>
  );
}
