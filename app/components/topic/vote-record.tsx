import { useTranslation } from "~/i18n/use-translation";
import { neededToPass } from "~/components/meetings/rule-words";
import type { NamedVote, VoteRecord } from "~/models/vote-record";
import { BALLOT_CHOICES, type BallotChoice } from "~/workflow/meetings";
import type { MotionResult } from "~/workflow/tally";

/** A closed vote as the topic page and the public board show it (the model's record, as JSON). */
export type VoteRecordData = Omit<VoteRecord, "closedAt">;

const CHOICE_TONE: Record<BallotChoice, string> = {
  yes: "border-green-200 bg-green-50 text-green-900",
  no: "border-red-200 bg-red-50 text-red-900",
  abstain: "border-stone-200 bg-stone-50 text-stone-800",
};

/** "到会 13 人,同意 9 人,需至少 7 人同意(到会 13 人的过半数)—— 通过": why the result is what it is. */
export function VoteArithmetic({ result }: { result: MotionResult }) {
  const { t, i18n } = useTranslation();
  return (
    <div>
      <p className={`text-base font-semibold ${result.passed ? "text-green-800" : "text-red-800"}`} data-testid="vote-arithmetic">
        {t("resolutions.arithmetic", {
          present: result.present,
          yes: result.yes,
          needed: neededToPass(t, i18n.language, result),
          verdict: t(result.passed ? "resolutions.passed" : "resolutions.failed"),
        })}
      </p>
      <p className="text-sm text-stone-600">{t("resolutions.minimum", { count: result.minimumYes })}</p>
    </div>
  );
}

/** The rule the vote was counted by, its basis, the arithmetic, the counts and, for a named vote, who chose what. */
export function VoteRecordView({ vote }: { vote: VoteRecordData }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const { result } = vote;
  return (
    <div className="space-y-3 text-sm">
      <VoteArithmetic result={result} />
      <p className="text-stone-700" data-testid="vote-counts">
        {t("resolutions.counts", { yes: result.yes, no: result.no, abstain: result.abstain, notVoting: result.notVoting })}
        <span className="block text-xs text-stone-500">{t("resolutions.countsHint")}</span>
      </p>
      <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="text-stone-500">{t("resolutions.rule")}</dt>
        <dd className="text-stone-900" data-testid="vote-rule">
          {t(vote.rule.inclusive ? "resolutions.ruleAtLeast" : "resolutions.ruleMoreThan", { num: vote.rule.num, den: vote.rule.den })}
          {vote.raisedBy ? t("resolutions.raisedBy", { category: en ? vote.raisedBy.en : vote.raisedBy.zh }) : null}
        </dd>
        <dt className="text-stone-500">{t("resolutions.basis")}</dt>
        <dd className="text-stone-700" data-testid="vote-basis">
          {en ? vote.basis.en : vote.basis.zh}
        </dd>
      </dl>
      {vote.secret ? (
        <div className="rounded-md border border-stone-200 bg-stone-50 p-3" data-testid="vote-secret">
          <p className="font-medium text-stone-900">
            {t("resolutions.secret")} · {t("resolutions.voted", { count: vote.voted })}
          </p>
          <p className="mt-1 text-stone-600">{t("resolutions.secretHint")}</p>
        </div>
      ) : (
        <NamedVotes named={vote.named} />
      )}
    </div>
  );
}

function NamedVotes({ named }: { named: NamedVote[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="named-votes">
      <p className="font-medium text-stone-900">
        {t("resolutions.named")} · {t("resolutions.voted", { count: named.length })}
      </p>
      <p className="text-xs text-stone-500">{t("resolutions.namedHint")}</p>
      <div className="mt-2 space-y-2">
        {BALLOT_CHOICES.map((choice) => {
          const who = named.filter((b) => b.choice === choice);
          return (
            <div key={choice} className="sm:flex sm:gap-3" data-testid={`named-${choice}`}>
              <p className="shrink-0 whitespace-nowrap font-medium text-stone-700 sm:w-24">
                {t(`resolutions.choices.${choice}`)} {who.length}
              </p>
              {who.length ? (
                <ul className="mt-1 flex flex-wrap gap-1.5 sm:mt-0">
                  {who.map((b, i) => (
                    <li key={`${i}-${b.name}`} className={`rounded border px-2 py-0.5 ${CHOICE_TONE[choice]}`} data-choice={choice}>
                      {b.name}
                      {b.recordedBy ? <span className="ml-1 text-xs text-stone-500">({t("resolutions.recordedBy", { name: b.recordedBy })})</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-stone-400">{t("resolutions.nobody")}</p>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
