import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";
import { PageStyle, PrintButton, printCss } from "~/components/ui/print";

interface Meeting {
  heldAt: Instant;
  place: string;
  participants: string;
  opinions: string;
  minutes: string;
  recorderName: string;
  topicNumber: number;
  topicTitle: string;
}

const PRINT_CSS = printCss("main");

function Block({ label, text }: { label: string; text: string }) {
  const { t } = useTranslation();
  return (
    <section className="space-y-1">
      <h2 className="text-base font-semibold">{label}</h2>
      <p className="whitespace-pre-wrap break-words leading-relaxed">{text || t("consultation.meetings.empty")}</p>
    </section>
  );
}

/** 会议纪要: a consultation meeting's record, laid out to be printed and signed. */
export function MinutesView({ slug, communityName, topicId, meeting }: { slug: string; communityName: string; topicId: number; meeting: Meeting }) {
  const { t } = useTranslation();
  const { date } = useFormats();
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-5 bg-white px-4 py-6 text-stone-900">
      <PageStyle css={PRINT_CSS} />
      <p className="no-print flex flex-wrap items-center justify-between gap-4 text-sm">
        <Link to={`/c/${slug}/topics/${topicId}/consultation`} className="inline-flex min-h-[44px] items-center">
          ← {t("consultation.title")}
        </Link>
        <PrintButton label={t("consultation.meetings.print")} />
      </p>
      <header className="space-y-1 border-b border-stone-300 pb-3 text-center">
        <p className="text-sm">{communityName}</p>
        <h1 className="text-xl font-bold">{t("consultation.meetings.minutesTitle")}</h1>
        <p className="break-words text-sm">
          {t("consultation.meetings.topic")}: #{meeting.topicNumber} {meeting.topicTitle}
        </p>
      </header>
      <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-semibold">{t("consultation.meetings.heldAt")}</dt>
        <dd>
          <time dateTime={isoOf(meeting.heldAt)}>{date.format(new Date(meeting.heldAt))}</time>
        </dd>
        <dt className="font-semibold">{t("consultation.meetings.place")}</dt>
        <dd className="break-words">{meeting.place}</dd>
      </dl>
      <Block label={t("consultation.meetings.participants")} text={meeting.participants} />
      <Block label={t("consultation.meetings.opinions")} text={meeting.opinions} />
      <Block label={t("consultation.meetings.minutes")} text={meeting.minutes} />
      <p className="text-right text-sm">{t("consultation.meetings.recordedBy", { name: meeting.recorderName })}</p>
    </main>
  );
}
