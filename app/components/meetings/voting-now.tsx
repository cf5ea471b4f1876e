import { useTranslation } from "~/i18n/use-translation";
import type { MotionItem, Viewer } from "./types";

/** At the top of the page while a vote is open: which motion, and a jump to its buttons for those who still have to vote. */
export function VotingNow({ motion, viewer }: { motion: MotionItem; viewer: Viewer }) {
  const { t } = useTranslation();
  const mayVote = viewer.checkedIn && !motion.myBallot;
  return (
    <a
      href={`#motion-${motion.id}`}
      className={`flex min-h-[56px] items-center justify-between gap-3 rounded-lg border-2 px-4 py-2 no-underline shadow-sm ${mayVote ? "border-green-700 bg-green-700 text-white" : "border-green-600 bg-green-50 text-green-950"}`}
      data-testid="voting-now"
    >
      <span className="min-w-0">
        <span className="block text-xs font-medium">
          <span className="mr-1 inline-block h-2 w-2 animate-pulse rounded-full bg-current" aria-hidden="true" />
          {t("meetings.vote.now")} · {t("meetings.agenda.item", { position: motion.position })}
        </span>
        <span className="block break-words font-semibold">
          #{motion.topicNumber} {motion.topicTitle}
        </span>
      </span>
      <span className={`shrink-0 rounded-md px-3 py-2 text-sm font-bold ${mayVote ? "bg-white text-green-800" : "border border-green-600"}`}>{t(mayVote ? "meetings.vote.goVote" : "meetings.vote.see")} ↓</span>
    </a>
  );
}
