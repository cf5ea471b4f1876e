import { useTranslation } from "~/i18n/use-translation";
import { isoOf } from "~/components/topic/formats";
import type { MotionBasis } from "~/workflow/motion-basis";
import type { RecordedMotion } from "./record-types";
import { useRecordWords } from "./use-record-words";

function Counts({ motion }: { motion: RecordedMotion }) {
  const { t } = useTranslation();
  const words = useRecordWords();
  const result = motion.result!;
  return (
    <>
      <table className="w-full border-collapse text-center text-sm" data-testid="minutes-counts">
        <thead>
          <tr className="border-b border-stone-400">
            {(["yes", "no", "abstain", "notVoting"] as const).map((key) => (
              <th key={key} className="py-1">
                {t(`meetingRecords.choice.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="text-lg font-bold tabular-nums">
            <td className="py-1">{result.yes}</td>
            <td className="py-1">{result.no}</td>
            <td className="py-1">{result.abstain}</td>
            <td className="py-1">{result.notVoting}</td>
          </tr>
        </tbody>
      </table>
      <p className="font-medium" data-testid="minutes-arithmetic">
        {t("meetingRecords.labelled", { label: t("meetingRecords.minutes.result"), value: words.arithmetic(result) })}
      </p>
    </>
  );
}

/** The basis the vote was counted by, as frozen when it opened: the articles cited, with their text. */
export function FrozenBasis({ basis }: { basis: MotionBasis }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <details className="text-sm" data-testid="frozen-basis">
      <summary className="cursor-pointer font-semibold">{t("meetingRecords.minutes.frozenBasis", { revision: basis.lawRevision })}</summary>
      <p className="mt-1">{en ? basis.basisEn : basis.basisZh}</p>
      <ul className="mt-1 space-y-1">
        {basis.articles.map((a) => (
          <li key={a.key}>
            <span className="font-medium">{en ? a.citeEn : a.citeZh}</span>:{a.textZh}
          </li>
        ))}
      </ul>
    </details>
  );
}

function NamedVotes({ motion }: { motion: RecordedMotion }) {
  const { t } = useTranslation();
  const { clock } = useRecordWords();
  return (
    <table className="w-full border-collapse text-sm" data-testid="minutes-named">
      <caption className="py-1 text-left font-semibold">{t("meetingRecords.minutes.namedVotes")}</caption>
      <thead>
        <tr className="whitespace-nowrap border-b border-stone-400 text-left">
          <th className="py-1 pr-2">{t("meetingRecords.minutes.name")}</th>
          <th className="py-1 pr-2">{t("meetingRecords.minutes.choiceColumn")}</th>
          <th className="py-1 pr-2">{t("meetingRecords.minutes.recordedBy")}</th>
          <th className="py-1">{t("meetingRecords.minutes.time")}</th>
        </tr>
      </thead>
      <tbody>
        {motion.named.map((b) => (
          <tr key={b.userId} className="border-b border-stone-200" data-choice={b.choice}>
            <td className="whitespace-nowrap py-1 pr-2">{b.name}</td>
            <td className="py-1 pr-2 font-medium">{t(`meetingRecords.choice.${b.choice}`)}</td>
            <td className="py-1 pr-2">{b.recordedBy ?? t("meetingRecords.minutes.self")}</td>
            <td className="py-1">
              <time dateTime={isoOf(b.castAt)}>{clock.format(new Date(b.castAt))}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One motion of the minutes: topic, the frozen text's hash, the rule, and (once closed) the count, the arithmetic and the votes. */
export function MotionRecord({ motion, meetingOver = false }: { motion: RecordedMotion; meetingOver?: boolean }) {
  const { t } = useTranslation();
  const words = useRecordWords();
  const closed = motion.status === "closed" && motion.result !== null;
  return (
    <section className="motion-record space-y-3" data-testid="minutes-motion" data-motion-id={motion.id}>
      <h2 className="border-b border-stone-300 pb-1 text-lg font-bold">
        {t("meetingRecords.labelled", { label: t("meetingRecords.motionLabel", { position: motion.position }), value: `#${motion.topicNumber} ${motion.topicTitle}` })}
      </h2>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
        <dt className="font-semibold">{t("meetingRecords.minutes.frozenHash")}</dt>
        <dd className="break-all font-mono text-xs">{motion.sha256}</dd>
        <dt className="font-semibold">{t("meetingRecords.minutes.rule")}</dt>
        <dd>{t("meetingRecords.minutes.ruleValue", { ratio: words.ratio(motion.rule) })}</dd>
        <dt className="font-semibold">{t("meetingRecords.minutes.voting")}</dt>
        <dd>{t(motion.secret ? "meetingRecords.secret" : "meetingRecords.named")}</dd>
        <dt className="font-semibold">{t("meetingRecords.minutes.status")}</dt>
        <dd>{words.motionStatus(meetingOver && motion.status === "pending" ? "lapsed" : motion.status, motion.result?.passed ?? null)}</dd>
        {motion.resolutionYear !== null && motion.resolutionNumber !== null ? (
          <>
            <dt className="font-semibold">{t("meetingRecords.minutes.resolution")}</dt>
            <dd className="font-semibold" data-testid="minutes-resolution">
              {words.resolution({ year: motion.resolutionYear, number: motion.resolutionNumber })}
              {motion.resolutionStatus === "revoked" || motion.resolutionStatus === "changed" ? ` · ${t(`resolutions.status.${motion.resolutionStatus}`)}` : null}
            </dd>
          </>
        ) : null}
      </dl>
      {closed ? (
        <>
          <Counts motion={motion} />
          {motion.basis ? <FrozenBasis basis={motion.basis} /> : null}
          {motion.secret ? (
            <div className="text-sm" data-testid="minutes-voters">
              <p className="font-semibold">{t("meetingRecords.minutes.voters")}</p>
              <p>{motion.voters.length ? motion.voters.join(t("meetingRecords.minutes.separator")) : t("meetingRecords.minutes.noBallots")}</p>
            </div>
          ) : motion.named.length ? (
            <NamedVotes motion={motion} />
          ) : (
            <p className="text-sm">{t("meetingRecords.minutes.noBallots")}</p>
          )}
        </>
      ) : (
        // An ended meeting never says "表决尚未结束": what it left unvoted lapsed (未付表决).
        <p className="text-sm" data-testid="minutes-not-voted">
          {t(motion.status === "lapsed" || meetingOver ? "meetingRecords.minutes.lapsed" : "meetingRecords.minutes.notClosed")}
        </p>
      )}
    </section>
  );
}
