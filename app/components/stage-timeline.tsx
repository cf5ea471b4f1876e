import { useTranslation } from "react-i18next";
import { STAGES, stageIndex, type Stage } from "~/workflow/stages";
import { useFormats } from "./topic/formats";

export interface TimelineMark {
  stage: Stage;
  /** When the topic entered the stage, if it has. */
  at?: Date | string | null;
  by?: string | null;
}

/**
 * The six stages in order, with the current one marked. Used on every topic page; compact on the
 * hall's cards. Ends closed (all done) when `closed` is set.
 */
export function StageTimeline({
  current,
  closed = false,
  marks = [],
  compact = false,
}: {
  current: Stage;
  closed?: boolean;
  marks?: TimelineMark[];
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const { monthDay } = useFormats();
  const at = stageIndex(current);
  return (
    <ol className={`flex w-full ${compact ? "gap-0.5" : "gap-1"}`} aria-label={t("timeline.label")}>
      {STAGES.map((stage, i) => {
        const state = closed || i < at ? "done" : i === at ? "current" : "upcoming";
        const mark = marks.find((m) => m.stage === stage);
        const tone =
          state === "done" ? "bg-hall-600" : state === "current" ? "bg-amber-400" : "bg-stone-200";
        return (
          <li
            key={stage}
            className="min-w-0 flex-1"
            aria-current={state === "current" ? "step" : undefined}
            title={`${t(`stages.${stage}`)} · ${t(`timeline.${state}`)}`}
            data-state={state}
          >
            <div className={`${compact ? "h-1.5" : "h-2"} rounded-full ${tone}`} />
            {compact ? (
              <span className="sr-only">
                {t(`stages.${stage}`)}: {t(`timeline.${state}`)}
              </span>
            ) : (
              <div className="mt-1 text-center text-[11px] leading-tight sm:text-xs">
                <div className={state === "current" ? "font-semibold text-stone-900" : "text-stone-600"}>{t(`stages.${stage}`)}</div>
                {mark?.at ? <div className="text-stone-500">{monthDay.format(new Date(mark.at))}</div> : null}
                {mark?.by ? <div className="truncate text-stone-500">{mark.by}</div> : null}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
