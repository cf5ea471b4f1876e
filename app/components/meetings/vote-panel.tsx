import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { BALLOT_CHOICES } from "~/workflow/meetings";
import type { MotionItem, RosterEntry, Viewer } from "./types";

const CHOICE_STYLE = {
  yes: "bg-green-700 hover:bg-green-800",
  no: "bg-red-700 hover:bg-red-800",
  abstain: "bg-stone-600 hover:bg-stone-700",
} as const;

interface Props {
  motion: MotionItem;
  viewer: Viewer;
  present: number;
  roster: RosterEntry[];
  justVoted: boolean;
}

/**
 * While a motion is being voted on: the three big buttons, "您已投票" (and who recorded it, for a hand
 * vote), the count so far; the convener's hand-vote form, offering only those the convener registered
 * as present, and none on a secret motion (the server refuses the same).
 */
export function VotePanel({ motion, viewer, present, roster, justVoted }: Props) {
  const { t } = useTranslation();
  const mine = motion.myBallot;
  const waiting = roster.filter((p) => p.checkedInAt && p.assisted && !motion.votedUserIds.includes(p.userId));
  const myChoice = !motion.secret && mine?.choice ? t(`meetings.vote.${mine.choice}`) : null;
  return (
    <div className="space-y-3 rounded-md border-2 border-green-600 bg-green-50/40 p-3" data-testid="vote-panel">
      <p className="text-sm font-medium text-stone-800" data-testid="vote-progress">
        {t("meetings.vote.progress", { voted: motion.voted, present })}
      </p>
      {justVoted ? <Alert tone="success">{t("meetings.vote.recorded")}</Alert> : null}
      {viewer.onRoster && !viewer.checkedIn ? (
        <p className="text-sm text-stone-700">
          <a href="#attendance">{t("meetings.vote.checkInFirst")}</a>
        </p>
      ) : null}
      {viewer.checkedIn && mine ? (
        <p className="rounded-md bg-white px-3 py-2 text-base font-semibold text-stone-900" data-testid="my-ballot">
          ✓{" "}
          {mine.recordedBy
            ? t(myChoice ? "meetings.vote.doneByConvenerChoice" : "meetings.vote.doneByConvener", { name: mine.recordedBy, choice: myChoice })
            : myChoice
              ? t("meetings.vote.doneChoice", { choice: myChoice })
              : t("meetings.vote.done")}
        </p>
      ) : null}
      {viewer.checkedIn && !mine ? (
        <Form method="post" className="space-y-2" data-testid="ballot-form">
          <p className="text-sm text-stone-700">{t("meetings.vote.prompt")}</p>
          <input type="hidden" name="intent" value="vote" />
          <input type="hidden" name="motionId" value={motion.id} />
          {/* A ballot cannot be changed: the box is ticked first (the server refuses a ballot without it). */}
          <ConfirmTick label={t("meetings.vote.confirm")} className="rounded-md bg-white px-3" />
          <div className="grid grid-cols-3 gap-2">
            {BALLOT_CHOICES.map((choice) => (
              <button key={choice} type="submit" name="choice" value={choice} className={`min-h-[64px] rounded-md text-lg font-bold text-white shadow-sm ${CHOICE_STYLE[choice]}`} data-testid={`vote-${choice}`}>
                {t(`meetings.vote.${choice}`)}
              </button>
            ))}
          </div>
        </Form>
      ) : null}
      {viewer.isConvener && motion.secret ? (
        <p className="border-t border-green-200 pt-3 text-sm text-stone-700" data-testid="proxy-secret">
          {t("meetings.vote.proxySecret")}
        </p>
      ) : null}
      {viewer.isConvener && !motion.secret ? (
        <Form method="post" className="space-y-2 border-t border-green-200 pt-3" data-testid="proxy-form">
          <input type="hidden" name="intent" value="vote" />
          <input type="hidden" name="motionId" value={motion.id} />
          <p className="text-sm font-semibold text-stone-900">{t("meetings.vote.proxyTitle")}</p>
          {waiting.length ? (
            <>
              <div className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end">
                <label className="text-sm text-stone-700">
                  {t("meetings.vote.proxyWho")}
                  <select name="forUserId" required className="mt-1 block min-h-[44px] w-full rounded-md border border-stone-300 bg-white px-3 text-base">
                    {waiting.map((p) => (
                      <option key={p.userId} value={p.userId}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="text-sm text-stone-700">
                  {t("meetings.vote.proxyChoice")}
                  <select name="choice" required className="mt-1 block min-h-[44px] w-full rounded-md border border-stone-300 bg-white px-3 text-base">
                    {BALLOT_CHOICES.map((choice) => (
                      <option key={choice} value={choice}>
                        {t(`meetings.vote.${choice}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <ConfirmTick label={t("meetings.vote.proxyConfirm")} />
              <Button variant="secondary">{t("meetings.vote.proxySubmit")}</Button>
            </>
          ) : (
            <p className="text-sm text-stone-600">{t("meetings.vote.proxyNone")}</p>
          )}
        </Form>
      ) : null}
    </div>
  );
}
