import { useTranslation } from "~/i18n/use-translation";
import { PageStyle } from "~/components/ui/print";
import type { ScreenState } from "~/models/meeting-screen";
import { AttendancePanel } from "./attendance-panel";
import { MotionPanel } from "./motion-panel";
import { Panel } from "./screen-parts";
import { useRecordWords } from "./use-record-words";
import { useScreenFeed, type FeedStatus } from "./use-screen-feed";

// A projector shows the meeting and nothing else: the site header and the community bar go.
const SCREEN_CSS = `body > header, body > div:has(> nav > [data-testid="community-name"]) { display: none !important; }
body { background: #0c0a09; }`;

const CHIP = {
  pending: "bg-stone-700 text-stone-100",
  voting: "bg-amber-400 text-stone-950",
  passed: "bg-emerald-500 text-stone-950",
  failed: "bg-rose-500 text-white",
  lapsed: "bg-stone-600 text-stone-200",
} as const;

function AgendaList({ motions }: { motions: ScreenState["motions"] }) {
  const { t } = useTranslation();
  const words = useRecordWords();
  return (
    <Panel title={t("meetingRecords.screen.agenda")}>
      <ol className="divide-y divide-stone-800" data-testid="screen-agenda">
        {motions.map((m) => {
          const chip = m.status === "closed" ? (m.passed ? "passed" : "failed") : m.status;
          return (
            <li key={m.id} className="flex gap-3 py-2 text-lg lg:text-2xl" data-status={chip}>
              <span className="w-8 shrink-0 tabular-nums text-stone-400">{m.position}.</span>
              <div className="flex min-w-0 flex-1 flex-wrap items-center justify-between gap-x-4 gap-y-1">
                <span className="min-w-0 flex-[1_1_12rem] break-words">
                  #{m.topicNumber} {m.topicTitle}
                </span>
                <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  {m.resolution ? <span className="text-base text-stone-300 lg:text-lg">{words.resolution(m.resolution)}</span> : null}
                  <span className={`rounded-full px-3 py-1 text-base font-semibold lg:text-lg ${CHIP[chip]}`}>{words.motionStatus(m.status, m.passed)}</span>
                </span>
              </div>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}

function FeedBadge({ status }: { status: FeedStatus }) {
  const { t } = useTranslation();
  const dot = status === "live" ? "bg-emerald-400" : "bg-amber-400";
  return (
    <span className="inline-flex items-center gap-2 text-sm text-stone-300 lg:text-base" data-testid="screen-feed" data-status={status}>
      <span className={`inline-block h-3 w-3 rounded-full ${dot}`} aria-hidden="true" />
      {t(`meetingRecords.screen.${status}`)}
    </span>
  );
}

/** 大屏: the meeting as the hall sees it, kept current by the meeting's event stream. No names anywhere. */
export function MeetingScreen({ initial, communityName, eventsUrl, meetingUrl }: { initial: ScreenState; communityName: string; eventsUrl: string; meetingUrl: string }) {
  const { t } = useTranslation();
  const { state, status } = useScreenFeed(initial, eventsUrl);
  const { meeting } = state;
  return (
    <main id="main" className="min-h-screen bg-stone-950 text-white" data-testid="meeting-screen">
      <PageStyle css={SCREEN_CSS} />
      <noscript>
        <meta httpEquiv="refresh" content="10" />
      </noscript>
      <div className="mx-auto max-w-[1600px] space-y-4 px-4 py-4 lg:space-y-6 lg:px-8 lg:py-6">
        <header className="flex flex-wrap items-end justify-between gap-3">
          <div className="min-w-0">
            <p className="text-base text-stone-300 lg:text-2xl">
              {communityName} · {t(state.assembly ? "assembly.numbered" : "meetingRecords.meetingNumber", { number: meeting.number })}
            </p>
            <h1 className="break-words text-3xl font-bold lg:text-6xl">{meeting.title}</h1>
          </div>
          <div className="flex flex-col items-start gap-1 sm:items-end">
            <span className="rounded-full bg-hall-600 px-4 py-1 text-lg font-semibold lg:text-2xl" data-testid="screen-status">
              {t(`meetingRecords.meetingStatus.${meeting.status}`)}
            </span>
            <FeedBadge status={status} />
          </div>
        </header>
        {meeting.status === "inquorate" ? (
          <p className="rounded-lg bg-rose-900/60 px-4 py-3 text-xl font-semibold lg:text-3xl" data-testid="screen-inquorate">
            {t("meetingRecords.screen.inquorate")}
          </p>
        ) : null}
        <div className="grid gap-4 lg:grid-cols-[2fr_3fr] lg:gap-6">
          <AttendancePanel state={state} />
          <MotionPanel motion={state.motion} present={state.present} />
        </div>
        {state.motions.length ? <AgendaList motions={state.motions} /> : null}
        <footer className="flex flex-wrap items-center justify-between gap-2 text-sm text-stone-400">
          <p>
            {t("meetingRecords.screen.noNames")}
            <noscript> {t("meetingRecords.screen.noScript")}</noscript>
          </p>
          <a href={meetingUrl} className="inline-flex min-h-[44px] items-center text-stone-300">
            ← {t("meetingRecords.screen.backToMeeting")}
          </a>
        </footer>
      </div>
    </main>
  );
}
