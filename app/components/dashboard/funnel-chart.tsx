import { useTranslation } from "~/i18n/use-translation";
import { STAGES, type Stage } from "~/workflow/stages";
import { ChartFrame, TONES } from "./chart-frame";

const WIDTH = 340;
const LABEL = 92;
const NUMBER = 36;
const ROW = 26;

/**
 * The six stages as a funnel: one centred bar per stage, as wide as its share of the busiest stage,
 * the stage named on the left and its count on the right (a stage with none shows a thin tick).
 */
export function FunnelChart({ id, counts, title, compact = false, testId }: { id: string; counts: Record<Stage, number>; title: string; compact?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const row = compact ? 20 : ROW;
  const most = Math.max(1, ...STAGES.map((s) => counts[s]));
  const room = WIDTH - LABEL - NUMBER - 8;
  const centre = LABEL + 4 + room / 2;
  const desc = STAGES.map((s) => `${t(`stages.${s}`)} ${counts[s]}`).join(t("supervision.charts.listJoin"));
  return (
    <ChartFrame id={id} title={title} desc={desc} width={WIDTH} height={STAGES.length * row + 4} testId={testId}>
      {STAGES.map((stage, i) => {
        const y = 2 + i * row;
        const w = counts[stage] ? Math.max(4, (counts[stage] / most) * room) : 2;
        return (
          <g key={stage} data-bar={stage}>
            <text x={LABEL - 4} y={y + row / 2 + 4} textAnchor="end" fontSize={compact ? 12 : 13} fill="#292524">
              {t(`stages.${stage}`)}
            </text>
            <rect x={centre - w / 2} y={y + 3} width={w} height={row - 6} rx={2} fill={counts[stage] ? TONES.hall : TONES.muted} stroke="#1c1917" strokeWidth={0.5} />
            <text x={WIDTH - 4} y={y + row / 2 + 4} textAnchor="end" fontSize={compact ? 12 : 13} fontWeight={600} fill="#1c1917" data-value={stage}>
              {counts[stage]}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
