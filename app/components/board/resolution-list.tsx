import { useTranslation } from "~/i18n/use-translation";
import { FormattedText } from "~/components/topic/formatted-text";
import { PartyReviewLine } from "~/components/topic/party-review-card";
import { ResolutionHeading, type ResolutionStatusData } from "~/components/topic/resolution-status";
import { VoteRecordView, type VoteRecordData } from "~/components/topic/vote-record";
import type { PartyReviewOutcome } from "~/workflow/meetings";

export interface BoardResolution extends ResolutionStatusData {
  topicNumber: number;
  topicTitle: string;
  meetingNumber: number;
  /** Passed by the representatives' meeting or by the assembly (issue 17). */
  meetingBody?: "representatives" | "assembly";
  /** The canonical text voted on (its SHA-256 is the one shown) and the same text formatted. */
  text: string;
  html: string;
  objections: number;
  vote: VoteRecordData;
  partyReview?: { reviewedOn: string; body: string; outcome: PartyReviewOutcome } | null;
}

/** 决议公示: each resolution with the text voted on (folded, formatted, and canonical for checking) beside its hash, the vote that made it and its 公示 period; objectors are not named. */
export function ResolutionList({ items }: { items: BoardResolution[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="text-sm text-stone-600">{t("board.noResolutions")}</p>;
  return (
    <ul className="space-y-4">
      {items.map((r) => (
        <li key={`${r.year}-${r.number}`} id={`resolution-${r.year}-${r.number}`} className="space-y-3 rounded-md border border-stone-200 p-3 sm:p-4" data-testid="board-resolution" data-status={r.status}>
          <div className="space-y-1">
            <ResolutionHeading resolution={r} />
            <h3 className="pt-1 font-semibold leading-snug text-stone-900">{t("board.topic", { number: r.topicNumber, title: r.topicTitle })}</h3>
            <p className="text-sm text-stone-600">{t(r.meetingBody === "assembly" ? "assembly.fromAssembly" : "board.fromMeeting", { number: r.meetingNumber })}</p>
            {r.partyReview ? <PartyReviewLine review={r.partyReview} /> : null}
            <p className="break-all text-xs text-stone-600">
              {t("resolutions.sha256")}: <code className="font-mono text-stone-800" data-testid="board-sha256">{r.vote.sha256}</code>
            </p>
            <details className="rounded-md bg-stone-50 px-3 text-sm" data-testid="board-text">
              <summary className="min-h-[44px] cursor-pointer py-2.5 font-medium text-hall-700">{t("board.resolutionText")}</summary>
              <div className="pb-3">
                <FormattedText html={r.html} text={r.text} testId="board-text-body" />
              </div>
            </details>
          </div>
          <VoteRecordView vote={r.vote} />
          <p className="text-sm text-stone-700" data-testid="board-objections">
            {r.objections ? t("resolutions.objections.count", { count: r.objections }) : t("resolutions.objections.none")}
            {r.openObjections ? ` · ${t("resolutions.objections.open", { count: r.openObjections })}` : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
