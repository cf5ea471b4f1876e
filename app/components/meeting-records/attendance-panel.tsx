import { useTranslation } from "~/i18n/use-translation";
import { neededToOpen, shareOf } from "~/components/meetings/rule-words";
import { citeArticle } from "~/workflow/rule-packs";
import type { ScreenState } from "~/models/meeting-screen";
import { Meter, Panel } from "./screen-parts";
import { useRecordWords } from "./use-record-words";

/** 出席: present of members with a bar (the mark is the fewest needed), and whether the rules' quorum is met. */
export function AttendancePanel({ state }: { state: ScreenState }) {
  const { t, i18n } = useTranslation();
  const words = useRecordWords();
  const { quorum, rules } = state;
  return (
    <Panel title={t("meetingRecords.screen.attendance")}>
      {quorum ? (
        <>
          <p className="flex items-baseline gap-3 font-bold tabular-nums leading-none">
            <span className="text-[clamp(3.5rem,9vw,7.5rem)]" data-testid="screen-present">
              {state.present}
            </span>
            <span className="text-[clamp(2rem,5vw,4rem)] text-stone-400">/</span>
            <span className="text-[clamp(2rem,5vw,4rem)] text-stone-300" data-testid="screen-members">
              {state.members}
            </span>
          </p>
          <p className="mt-1 text-base text-stone-300 lg:text-xl">
            {t("meetingRecords.screen.present")} / {t("meetingRecords.screen.members")}
          </p>
          <Meter value={state.present} max={state.members} mark={quorum.minimumPresent} tone={quorum.met ? "good" : "warn"} />
          <p
            className={`mt-4 text-2xl font-bold lg:text-4xl ${quorum.met ? "text-emerald-400" : "text-amber-300"}`}
            data-testid="screen-quorum"
            data-met={quorum.met ? "yes" : "no"}
          >
            {quorum.met ? "✓ " : "✗ "}
            {t(quorum.met ? "meetingRecords.quorumMet" : "meetingRecords.quorumNotMet")}
          </p>
          <p className="mt-1 text-base text-stone-200 lg:text-xl">
            {state.assembly
              ? t("assembly.rule.needed", { minimum: quorum.minimumPresent, members: quorum.members, unit: t(`assembly.rule.unit.${state.assembly.countBy}`), share: shareOf(t, i18n.language, quorum.rule) })
              : t("meetingRecords.screen.minimum", { needed: neededToOpen(t, i18n.language, quorum) })}
          </p>
        </>
      ) : (
        <p className="text-xl text-stone-300 lg:text-2xl">{t("meetingRecords.screen.notStarted")}</p>
      )}
      <div className="mt-4 space-y-1 border-t border-stone-700 pt-3 text-sm text-stone-300 lg:text-base">
        {state.assembly ? (
          <p className="font-medium text-stone-100" data-testid="screen-assembly">
            {t("assembly.body.assembly")} · {t(`assembly.countByShort.${state.assembly.countBy}`)} · {t(`assembly.rule.${state.assembly.countBy}`, { share: shareOf(t, i18n.language, state.assembly.quorum) })} ·{" "}
            {t("assembly.rule.basis", { article: citeArticle(state.assembly.article, i18n.language === "en" ? "en" : "zh-CN") })}
          </p>
        ) : (
          <>
            <p className="font-medium text-stone-100">
              {t("meetingRecords.screen.quorum")} · {t("meetingRecords.screen.rule", { ratio: words.ratio(rules.quorum) })}
            </p>
            <p data-testid="screen-basis">
              {t("meetingRecords.labelled", { label: t("meetingRecords.screen.basis"), value: words.basis(rules) })}
            </p>
          </>
        )}
      </div>
    </Panel>
  );
}
