import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "~/i18n/use-translation";
import type { MeetingStatus } from "~/workflow/meetings";
import { motionMay } from "~/workflow/motion-lifecycle";
import { MotionCard } from "./motion-card";
import { TableForm, type TableableTopic } from "./table-form";
import type { MotionItem, RosterEntry, Viewer } from "./types";
import { VotePanel } from "./vote-panel";
import { CountForm } from "~/components/assembly/count-form";

interface Props {
  agenda: MotionItem[];
  meetingStatus: MeetingStatus;
  slug: string;
  viewer: Viewer;
  present: number;
  roster: RosterEntry[];
  /** Topics the convener may still table (only while the meeting is scheduled). */
  tableable: TableableTopic[] | null;
  lastTable: SubmissionResult<string[]> | null;
  votedMotionId: number | null;
  /** An assembly: votes are counted by hand and the convener records the count (no ballots). */
  countedByHand?: boolean;
}

/** 议程与表决: every motion in order, the open vote's panel, and (before the meeting) the form to table another. */
export function Agenda({ agenda, meetingStatus, slug, viewer, present, roster, tableable, lastTable, votedMotionId, countedByHand = false }: Props) {
  const { t } = useTranslation();
  const voting = agenda.find((m) => m.status === "voting") ?? null;
  return (
    <section className="space-y-3" aria-labelledby="agenda">
      <h2 id="agenda" className="text-lg font-semibold text-stone-900">
        {t("meetings.agenda.title")}
      </h2>
      <div className="space-y-4" data-testid="agenda">
        {agenda.length ? null : <p className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-500">{t("meetings.agenda.empty")}</p>}
        {agenda.map((motion) => (
          <MotionCard key={motion.id} motion={motion} meetingStatus={meetingStatus} slug={slug} isConvener={viewer.isConvener} otherVoting={voting !== null && voting.id !== motion.id} countedByHand={countedByHand}>
            {countedByHand ? (
              viewer.isConvener && motionMay(motion.status, "close") ? <CountForm motionId={motion.id} present={present} /> : null
            ) : motionMay(motion.status, "vote") ? <VotePanel motion={motion} viewer={viewer} present={present} roster={roster} justVoted={votedMotionId === motion.id} /> : null}
          </MotionCard>
        ))}
        {tableable ? <TableForm topics={tableable} lastResult={lastTable} /> : null}
      </div>
    </section>
  );
}
