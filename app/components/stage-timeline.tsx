import { useTranslation } from "~/i18n/use-translation";
import { STAGES, stageIndex, type Stage } from "~/workflow/stages";
import { useFormats } from "./topic/formats";

export interface TimelineMark {
  stage: Stage;
  /** When the topic entered the stage, if it has. */
  at?: Date | string | null;
  by?: string | null;
}

/** Something that happened within a stage, shown under it (四议两公开's deliberations and publications). */
export interface TimelineNote {
  stage: Stage;
  label: string;
  at: Date | string;
}

function stateOf(i: number, at: number, closed: boolean) {
  return closed || i < at ? "done" : i === at ? "current" : "upcoming";
}

const TONE = { done: "bg-hall-600", current: "bg-amber-400", upcoming: "bg-stone-200" } as const;

/**
 * The hall's cards: six bars read out as one sentence ("stage 3 of 6: consultation"). A page of
 * cards draws dozens of these, so each is one element whose bars the stylesheet draws
 * (`.stage-bar` in tailwind.css, by `data-at`): six elements a card cost a third of its rendering.
 */
export function CompactStageTimeline({ current, closed = false }: { current: Stage; closed?: boolean }) {
  const { t } = useTranslation();
  const at = stageIndex(current);
  const label = closed ? t("timeline.compactClosed") : t("timeline.compact", { n: at + 1, total: STAGES.length, stage: t(`stages.${current}`) });
  return <div className="stage-bar" data-at={closed ? STAGES.length : at} role="img" aria-label={label} title={label} data-testid="compact-timeline" />;
}

/** The six stages in order, with the current one marked, on every topic page. Ends closed (all done) when `closed` is set. */
export function StageTimeline({ current, closed = false, marks = [], notes = [] }: { current: Stage; closed?: boolean; marks?: TimelineMark[]; notes?: TimelineNote[] }) {
  const { t } = useTranslation();
  const { monthDay } = useFormats();
  const at = stageIndex(current);
  return (
    <ol className="flex w-full gap-1" aria-label={t("timeline.label")}>
      {STAGES.map((stage, i) => {
        const state = stateOf(i, at, closed);
        const mark = marks.find((m) => m.stage === stage);
        return (
          <li
            key={stage}
            className="min-w-0 flex-1"
            aria-current={state === "current" ? "step" : undefined}
            title={`${t(`stages.${stage}`)} · ${t(`timeline.${state}`)}`}
            data-state={state}
          >
            <div className={`h-2 rounded-full ${TONE[state]}`} />
            <div className="mt-1 text-center text-[11px] leading-tight sm:text-xs">
              <div className={state === "current" ? "font-semibold text-stone-900" : "text-stone-600"}>{t(`stages.${stage}`)}</div>
              {mark?.at ? <div className="text-stone-500">{monthDay.format(new Date(mark.at))}</div> : null}
              {mark?.by ? <div className="truncate text-stone-500">{mark.by}</div> : null}
              {notes
                .filter((n) => n.stage === stage)
                .map((n) => (
                  <div key={`${n.label}-${String(n.at)}`} className="mt-0.5 text-hall-700" data-testid="timeline-note">
                    {n.label} {monthDay.format(new Date(n.at))}
                  </div>
                ))}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
