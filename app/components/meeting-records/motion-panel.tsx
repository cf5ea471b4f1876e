import { useTranslation } from "~/i18n/use-translation";
import type { ScreenMotion } from "~/models/meeting-screen";
import type { MotionResult } from "~/workflow/tally";
import { Meter, Panel, shortHash } from "./screen-parts";
import { useRecordWords } from "./use-record-words";

function Tally({ result }: { result: MotionResult }) {
  const { t } = useTranslation();
  const tiles = [
    ["yes", result.yes, "text-emerald-400"],
    ["no", result.no, "text-rose-400"],
    ["abstain", result.abstain, "text-stone-200"],
    ["notVoting", result.notVoting, "text-stone-400"],
  ] as const;
  return (
    <dl className="grid grid-cols-4 gap-2 text-center" data-testid="screen-tally">
      {tiles.map(([key, count, tone]) => (
        <div key={key} className="rounded-lg bg-stone-800 px-1 py-2 lg:py-3">
          <dt className="text-sm text-stone-300 lg:text-xl">{t(`meetingRecords.choice.${key}`)}</dt>
          <dd className={`text-4xl font-bold tabular-nums lg:text-6xl ${tone}`} data-testid={`screen-${key}`}>
            {count}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** 当前表决事项: while voting, how many of those present have voted (never who or how); once closed, the tally and its arithmetic. */
export function MotionPanel({ motion, present }: { motion: ScreenMotion | null; present: number }) {
  const { t } = useTranslation();
  const words = useRecordWords();
  if (!motion) {
    return (
      <Panel title={t("meetingRecords.screen.currentMotion")}>
        <p className="text-xl text-stone-300 lg:text-2xl">{t("meetingRecords.screen.noMotion")}</p>
      </Panel>
    );
  }
  const { result } = motion;
  return (
    <Panel title={t("meetingRecords.screen.currentMotion")}>
      <p className="text-base text-stone-300 lg:text-xl">
        {t("meetingRecords.motionLabel", { position: motion.position })} · {t(motion.secret ? "meetingRecords.secret" : "meetingRecords.named")}
      </p>
      <h3 className="mt-1 break-words text-3xl font-bold leading-tight lg:text-5xl" data-testid="screen-motion">
        #{motion.topicNumber} {motion.topicTitle}
      </h3>
      <p className="mt-2 font-mono text-base text-stone-300 lg:text-xl" title={motion.sha256}>
        {t("meetingRecords.sha256")} {shortHash(motion.sha256)}
      </p>
      <div className="mt-4">
        {motion.status === "pending" ? <p className="text-2xl text-stone-200 lg:text-4xl">{t("meetingRecords.screen.waiting")}</p> : null}
        {motion.status === "voting" ? (
          <div>
            <p className="flex flex-wrap items-baseline gap-3">
              <span className="text-2xl text-amber-300 lg:text-4xl">{t("meetingRecords.screen.voted")}</span>
              <span className="text-[clamp(3rem,8vw,6.5rem)] font-bold tabular-nums leading-none" data-testid="screen-voted">
                {t("meetingRecords.screen.votedOf", { voted: motion.voted, present })}
              </span>
            </p>
            <Meter value={motion.voted} max={present} tone="neutral" />
          </div>
        ) : null}
        {result ? (
          <div className="space-y-3">
            <Tally result={result} />
            <p className="text-xl font-medium lg:text-3xl" data-testid="screen-arithmetic">
              {words.arithmetic(result)}
            </p>
            <p className={`text-4xl font-bold lg:text-6xl ${result.passed ? "text-emerald-400" : "text-rose-400"}`} data-testid="screen-verdict">
              {result.passed ? "✓ " : "✗ "}
              {words.verdict(result.passed)}
              {motion.resolution ? <span className="ml-3 text-xl font-medium text-stone-200 lg:text-3xl">{words.resolution(motion.resolution)}</span> : null}
            </p>
          </div>
        ) : null}
      </div>
      <p className="mt-4 border-t border-stone-700 pt-3 text-sm text-stone-300 lg:text-base">{t("meetingRecords.screen.passRule", { ratio: words.ratio(motion.rule) })}</p>
    </Panel>
  );
}
