import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { meetingMay } from "~/workflow/meeting-lifecycle";
import type { MeetingStatus } from "~/workflow/meetings";
import { motionMay } from "~/workflow/motion-lifecycle";
import { FormattedText } from "~/components/topic/formatted-text";
import { PartyBlockedOpen } from "~/components/topic/party-review-card";
import { MotionResultView } from "./motion-result";
import { passRule } from "./rule-words";
import type { MotionItem } from "./types";

const STATUS_TONE = { pending: "bg-stone-100 text-stone-700", voting: "bg-green-700 text-white", passed: "bg-green-100 text-green-800", failed: "bg-red-100 text-red-800", lapsed: "bg-stone-200 text-stone-700" } as const;

const STATUS_WORD = { pending: "meetings.agenda.statusPending", voting: "meetings.agenda.statusVoting", passed: "meetings.agenda.passed", failed: "meetings.agenda.failed", lapsed: "meetings.agenda.statusLapsed" } as const;

function MotionButton({ intent, motionId, variant = "primary", confirm, children }: { intent: string; motionId: number; variant?: "primary" | "secondary" | "danger"; confirm?: string; children: ReactNode }) {
  return (
    <Form method="post" className={confirm ? "w-full space-y-1" : undefined}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="motionId" value={motionId} />
      {confirm ? <ConfirmTick label={confirm} /> : null}
      <Button variant={variant} data-testid={intent}>
        {children}
      </Button>
    </Form>
  );
}

interface Props {
  motion: MotionItem;
  meetingStatus: MeetingStatus;
  slug: string;
  isConvener: boolean;
  /** Another motion of this meeting is being voted on. */
  otherVoting: boolean;
  /** The vote panel, shown while this motion is being voted on. */
  children?: ReactNode;
  /** An assembly's motion: counted by hand, closed by recording the count (not by 结束表决). */
  countedByHand?: boolean;
}

/** One motion: its topic, the frozen text and hash, named or secret, the pass rule, what failure does; its controls and result. */
export function MotionCard({ motion, meetingStatus, slug, isConvener, otherVoting, children, countedByHand = false }: Props) {
  const { t, i18n } = useTranslation();
  const status = motion.status === "closed" ? (motion.result?.passed ? "passed" : "failed") : motion.status;
  return (
    <article id={`motion-${motion.id}`} className={`scroll-mt-4 space-y-3 rounded-lg border bg-white p-4 sm:p-5 ${motion.status === "voting" ? "border-green-600 shadow-md ring-1 ring-green-600" : "border-stone-200 shadow-sm"}`} data-testid="motion" data-status={motion.status}>
      <header className="space-y-1">
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <span className="font-medium text-stone-600">{t("meetings.agenda.item", { position: motion.position })}</span>
          <span className={`rounded px-2 py-0.5 font-medium ${STATUS_TONE[status]}`} data-testid="motion-status">
            {t(STATUS_WORD[status])}
          </span>
          <span className={`rounded border px-2 py-0.5 ${motion.secret ? "border-violet-300 bg-violet-50 text-violet-900" : "border-sky-300 bg-sky-50 text-sky-900"}`} data-testid="ballot-kind">
            {t(countedByHand ? "assembly.count.byHand" : motion.secret ? "meetings.agenda.secret" : "meetings.agenda.named")}
          </span>
        </div>
        <h3 className="break-words text-lg font-semibold leading-snug">
          <Link to={`/c/${slug}/topics/${motion.topicId}`} className="text-stone-900 underline decoration-stone-300 underline-offset-4 hover:decoration-hall-500">
            <span className="text-stone-500">#{motion.topicNumber}</span> {motion.topicTitle}
          </Link>
        </h3>
      </header>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className="text-stone-500">{t("meetings.agenda.passRule")}</dt>
        <dd className="font-medium text-stone-900" data-testid="pass-rule">
          {passRule(t, i18n.language, motion.rule)}
        </dd>
        <dt className="text-stone-500">{t("meetings.agenda.onFail")}</dt>
        <dd className="text-stone-800">{t(motion.onFail === "revise" ? "meetings.agenda.onFailRevise" : "meetings.agenda.onFailClose")}</dd>
      </dl>
      {motion.secret ? <p className="text-xs text-stone-500">{t("meetings.agenda.secretHint")}</p> : null}
      <details className="rounded-md bg-stone-50 p-3 text-sm">
        <summary className="cursor-pointer font-medium text-stone-800">{t("meetings.agenda.text")}</summary>
        <div className="mt-2">
          <FormattedText html={motion.html} text={motion.text} testId="motion-text" />
        </div>
      </details>
      <p className="text-xs text-stone-600">
        {t("meetings.agenda.sha256")}:{" "}
        <code className="break-all font-mono text-stone-800" data-testid="motion-sha256">
          {motion.sha256}
        </code>
      </p>
      {motion.status === "lapsed" ? (
        <p className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-700" data-testid="motion-lapsed">
          {t("meetings.agenda.lapsedHint")}
        </p>
      ) : null}
      {children}
      {motion.result ? <MotionResultView motion={motion} result={motion.result} slug={slug} /> : null}
      {motion.countedBy ? (
        <p className="text-sm text-stone-700" data-testid="tellers">
          {t("assembly.count.tellers", { names: motion.countedBy })}
        </p>
      ) : null}
      {isConvener ? (
        <div className="flex flex-wrap gap-2 empty:hidden">
          {meetingMay(meetingStatus, "editAgenda") && motionMay(motion.status, "withdraw") ? (
            <MotionButton intent="withdrawMotion" motionId={motion.id} variant="danger">
              {t("meetings.agenda.withdraw")}
            </MotionButton>
          ) : null}
          {meetingMay(meetingStatus, "vote") && motionMay(motion.status, "open") && !otherVoting ? (
            motion.partyBlock ? (
              <PartyBlockedOpen block={motion.partyBlock} />
            ) : (
              <MotionButton intent="open" motionId={motion.id}>
                {t("meetings.agenda.openVote")}
              </MotionButton>
            )
          ) : null}
          {motionMay(motion.status, "close") && !countedByHand ? (
            <MotionButton intent="close" motionId={motion.id} confirm={t("meetings.agenda.closeConfirm")}>
              {t("meetings.agenda.closeVote")}
            </MotionButton>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
