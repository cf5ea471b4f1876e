import { ChartFrame, TONES, type Tone } from "./chart-frame";

export interface Bar {
  key: string;
  label: string;
  /** Null draws no bar and shows `display` (e.g. "no data"). */
  value: number | null;
  display: string;
  tone?: Tone;
}

const WIDTH = 340;
const LABEL = 104;
const ROW = 30;

/**
 * Horizontal bars with their label on the left and the figure on the right, in an SVG that scales to
 * the card (a phone's width and a printed page alike). An optional marker draws a threshold line.
 */
export function BarChart({ id, title, desc, bars, max, marker, testId, valueRoom = 64 }: {
  id: string;
  title: string;
  desc: string;
  bars: Bar[];
  max?: number;
  marker?: { value: number; label: string };
  testId?: string;
  /** Room right of the longest bar for its figure. */
  valueRoom?: number;
}) {
  const barMax = WIDTH - LABEL - valueRoom;
  const top = marker ? 18 : 4;
  const height = top + Math.max(1, bars.length) * ROW + 4;
  const scale = Math.max(max ?? 0, marker?.value ?? 0, ...bars.map((b) => b.value ?? 0), 1);
  const x = (v: number) => LABEL + (v / scale) * barMax;
  return (
    <ChartFrame id={id} title={title} desc={desc} width={WIDTH} height={height} testId={testId}>
      <line x1={LABEL} x2={LABEL} y1={top - 2} y2={height - 2} stroke="#57534e" strokeWidth={1} />
      {bars.map((bar, i) => {
        const y = top + i * ROW;
        const w = bar.value ? Math.max(2, x(bar.value) - LABEL) : 0;
        return (
          <g key={bar.key} data-bar={bar.key}>
            <text x={LABEL - 6} y={y + ROW / 2 + 4} textAnchor="end" fontSize={13} fill="#292524">
              {bar.label}
            </text>
            {w > 0 ? <rect x={LABEL} y={y + 6} width={w} height={ROW - 12} rx={2} fill={TONES[bar.tone ?? "hall"]} stroke="#1c1917" strokeWidth={0.5} /> : null}
            <text x={LABEL + w + 6} y={y + ROW / 2 + 4} fontSize={13} fontWeight={600} fill="#1c1917" data-value={bar.key}>
              {bar.display}
            </text>
          </g>
        );
      })}
      {marker ? (
        <g>
          <line x1={x(marker.value)} x2={x(marker.value)} y1={top - 4} y2={height - 2} stroke="#1c1917" strokeWidth={1} strokeDasharray="3 2" />
          <text x={x(marker.value)} y={11} textAnchor="middle" fontSize={10} fill="#44403c">
            {marker.label}
          </text>
        </g>
      ) : null}
    </ChartFrame>
  );
}
