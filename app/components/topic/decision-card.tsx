import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { MeetingRef } from "~/components/meetings/meeting-ref";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import type { ResolutionStatus } from "~/workflow/meetings";
import { resolutionMay } from "~/workflow/motion-lifecycle";
import { isoOf, useFormats, type Instant } from "./formats";
import { AnswerForm, ObjectForm, type ObjectionRefusal } from "./objection-forms";
import { ResolutionHeading, type ResolutionStatusData } from "./resolution-status";
import { VoteRecordView, type VoteRecordData } from "./vote-record";


export interface ObjectionData {
  id: number;
  body: string;
  author: string;
  createdAt: Instant;
  answer: string | null;
  upheld: boolean | null;
  answeredAt: Instant | null;
}

export interface DecisionData {
  tabled: { meeting: MeetingRef; voting: boolean; sha256: string } | null;
  votes: Array<VoteRecordData & { motionId: number; closedAt: Instant | null; meeting: MeetingRef; resolution: (ResolutionStatusData & { id: number; sha256: string; status: ResolutionStatus; objections: ObjectionData[] }) | null }>;
  mayObject: boolean;
  mayAnswer: boolean;
}

/**
 * 表决与决议: the meeting the topic is tabled for, then each vote on it (newest first) with the
 * arithmetic, the rule and the named ballots, and the resolution it made with its 公示 objections.
 */
export function DecisionCard({ decision, slug, refusal }: { decision: DecisionData; slug: string; refusal: ObjectionRefusal | null }) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  const { tabled } = decision;
  // Without a problem, the refusal was of fields the form shows: with the form gone, the form was out of date.
  const stray = refusal && !hasFormFor(decision, refusal) ? (refusal.problem ? `resolutions.problems.${refusal.problem}` : "errors.altered") : null;
  return (
    <div id="decision" className="scroll-mt-4" data-testid="decision">
      <Card title={t("resolutions.title")}>
        <div className="space-y-4">
          {/* A refusal whose form is no longer on the page (the period ended, the objection was answered) is said at the top. */}
          {stray ? <Alert tone="error">{t(stray)}</Alert> : null}
          {tabled ? (
            <div className="rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950" data-testid="decision-tabled">
              <p>
                {tabled.voting
                  ? t("resolutions.voting", { number: tabled.meeting.number })
                  : t("resolutions.tabled", { number: tabled.meeting.number, at: dateTime.format(new Date(tabled.meeting.scheduledAt)), place: tabled.meeting.place })}
              </p>
              <p className="mt-1 break-all text-xs text-sky-900">
                {t("resolutions.sha256")}: <code className="font-mono">{tabled.sha256}</code>
              </p>
              <p className="mt-2">
                <Link to={`/c/${slug}/meetings/${tabled.meeting.id}`} className="inline-flex min-h-[44px] items-center font-medium">
                  {t("resolutions.openMeeting")}
                </Link>
              </p>
            </div>
          ) : null}
          {decision.votes.map((vote) => (
            <article key={vote.motionId} className="space-y-3 border-t border-stone-100 pt-4 first:border-t-0 first:pt-0" data-testid="decision-vote" data-passed={vote.result.passed}>
              <header className="space-y-1">
                <p className="text-sm text-stone-600">
                  <Link to={`/c/${slug}/meetings/${vote.meeting.id}`}>
                    {t("resolutions.meeting", { number: vote.meeting.number })} · {vote.meeting.title}
                  </Link>
                  {vote.closedAt ? (
                    <>
                      {" · "}
                      <time dateTime={isoOf(vote.closedAt)}>{t("resolutions.votedOn", { date: dateTime.format(new Date(vote.closedAt)) })}</time>
                    </>
                  ) : null}
                </p>
                {vote.resolution ? <ResolutionHeading resolution={vote.resolution} undoneHref={(u) => `/c/${slug}/topics/${u.topicId}`} /> : null}
                <p className="break-all text-xs text-stone-600">
                  {t("resolutions.sha256")}: <code className="font-mono text-stone-800" data-testid="decision-sha256">{vote.sha256}</code>
                </p>
              </header>
              <VoteRecordView vote={vote} />
              {vote.resolution ? <Objections resolution={vote.resolution} decision={decision} refusal={refusal} /> : null}
            </article>
          ))}
        </div>
      </Card>
    </div>
  );
}

/** Whether the form that was refused is still shown, to say the problem next to it. */
function hasFormFor(decision: DecisionData, refusal: ObjectionRefusal): boolean {
  const current = decision.votes.find((v) => v.resolution && resolutionMay(v.resolution.status, "answerObjection"))?.resolution;
  if (!current) return false;
  if (refusal.intent === "object") return decision.mayObject;
  return decision.mayAnswer && current.objections.some((o) => o.id === refusal.objectionId && !o.answeredAt);
}

function Objections({ resolution, decision, refusal }: { resolution: NonNullable<DecisionData["votes"][number]["resolution"]>; decision: DecisionData; refusal: ObjectionRefusal | null }) {
  const { t } = useTranslation();
  const { date, dateTime } = useFormats();
  const current = resolutionMay(resolution.status, "object");
  return (
    <section className="space-y-2 rounded-md bg-stone-50 p-2 sm:p-3" aria-labelledby={`objections-${resolution.id}`} data-testid="objections">
      <h4 id={`objections-${resolution.id}`} className="text-sm font-semibold text-stone-900">
        {t("resolutions.objections.title")}
        {resolution.objections.length ? ` · ${t("resolutions.objections.count", { count: resolution.objections.length })}` : null}
      </h4>
      {resolution.objections.length === 0 ? <p className="text-sm text-stone-600">{t("resolutions.objections.none")}</p> : null}
      <ol className="space-y-3">
        {resolution.objections.map((o) => (
          <li key={o.id} id={`objection-${o.id}`} className="rounded-md border border-stone-200 bg-white p-2.5 text-sm sm:p-3" data-testid="objection">
            <p className="text-xs text-stone-500">
              {t("resolutions.objections.by", { name: o.author })} <time dateTime={isoOf(o.createdAt)}>{dateTime.format(new Date(o.createdAt))}</time>
            </p>
            <p className="mt-1 whitespace-pre-wrap break-words text-stone-900">{o.body}</p>
            {o.answeredAt ? (
              <div className={`mt-2 rounded border-l-4 p-2 ${o.upheld ? "border-red-400 bg-red-50" : "border-stone-300 bg-stone-50"}`} data-testid="objection-answer">
                <p className="text-xs font-medium text-stone-700">
                  {t("resolutions.objections.answer")} · {t(o.upheld ? "resolutions.objections.upheld" : "resolutions.objections.notUpheld")} ·{" "}
                  <time dateTime={isoOf(o.answeredAt)}>{dateTime.format(new Date(o.answeredAt))}</time>
                </p>
                <p className="mt-1 whitespace-pre-wrap break-words text-stone-900">{o.answer}</p>
              </div>
            ) : (
              <>
                <p className="mt-2 text-xs font-medium text-amber-800">{t("resolutions.objections.waiting")}</p>
                {current && decision.mayAnswer ? (
                  <AnswerForm objectionId={o.id} refusal={refusal?.intent === "answerObjection" && refusal.objectionId === o.id ? refusal : null} />
                ) : null}
              </>
            )}
          </li>
        ))}
      </ol>
      {current && decision.mayObject ? <ObjectForm until={date.format(new Date(resolution.publicityEndsAt))} refusal={refusal?.intent === "object" ? refusal : null} /> : null}
    </section>
  );
}
