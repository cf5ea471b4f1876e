import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { MotionResult as Result } from "~/workflow/tally";
import { FrozenBasis } from "~/components/meeting-records/motion-record";
import { neededToPass } from "./rule-words";
import type { MotionItem } from "./types";

const CHOICE_TONE = { yes: "text-green-800", no: "text-red-800", abstain: "text-stone-600" } as const;

/** A closed motion: the arithmetic against the rule, the four counts, who voted what (named votes), what became of the topic. */
export function MotionResultView({ motion, result, slug }: { motion: MotionItem; result: Result; slug: string }) {
  const { t, i18n } = useTranslation();
  const verdict = t(result.passed ? "meetings.result.passed" : "meetings.result.failed");
  const sentence = t("meetings.result.sentence", { present: result.present, yes: result.yes, needed: neededToPass(t, i18n.language, result), verdict });
  const counts = [
    ["yes", result.yes],
    ["no", result.no],
    ["abstain", result.abstain],
    ["notVoting", result.notVoting],
  ] as const;
  return (
    <div className="space-y-3" data-testid="motion-result" data-passed={result.passed ? "yes" : "no"}>
      <p className={`rounded-md px-3 py-2 text-base font-semibold ${result.passed ? "bg-green-100 text-green-900" : "bg-red-50 text-red-900"}`} data-testid="arithmetic">
        {sentence}
      </p>
      <dl className="grid grid-cols-4 gap-2 text-center">
        {counts.map(([key, n]) => (
          <div key={key} className="rounded-md border border-stone-200 bg-white px-1 py-2">
            <dt className="text-xs text-stone-500">{t(`meetings.vote.${key}`)}</dt>
            <dd className="text-xl font-bold tabular-nums text-stone-900" data-testid={`count-${key}`}>
              {n}
            </dd>
          </div>
        ))}
      </dl>
      {motion.secret ? <p className="text-xs text-stone-500">{t("meetings.result.secretNote")}</p> : null}
      {motion.basis ? <FrozenBasis basis={motion.basis} /> : null}
      {motion.named.length ? (
        <details className="rounded-md border border-stone-200 p-3 text-sm">
          <summary className="cursor-pointer font-medium text-stone-900">{t("meetings.result.namedTitle", { count: motion.named.length })}</summary>
          <ul className="mt-2 divide-y divide-stone-100" data-testid="named-ballots">
            {motion.named.map((b) => (
              <li key={b.userId} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
                <span className="break-words text-stone-900">{b.name}</span>
                <span className="text-right">
                  <span className={`font-semibold ${CHOICE_TONE[b.choice]}`}>{t(`meetings.vote.${b.choice}`)}</span>
                  {b.recordedBy ? <span className="block text-xs text-stone-500">{t("meetings.result.recordedBy", { name: b.recordedBy })}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {result.passed ? (
        <p className="text-sm">
          {motion.resolutionYear !== null ? <span className="mr-2 font-medium text-stone-900">{t("meetings.result.resolution", { year: motion.resolutionYear, number: motion.resolutionNumber })}</span> : null}
          {motion.resolutionStatus === "revoked" || motion.resolutionStatus === "changed" ? <span className="mr-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800" data-testid="resolution-undone-badge">{t(`resolutions.status.${motion.resolutionStatus}`)}</span> : null}
          <Link to={`/c/${slug}/topics/${motion.topicId}`} className="text-hall-700 underline">
            {t("meetings.result.seeTopic")}
          </Link>
        </p>
      ) : (
        <p className="text-sm text-stone-700">{t(motion.topicState === "failed" ? "meetings.result.closed" : "meetings.result.revised")}</p>
      )}
    </div>
  );
}
