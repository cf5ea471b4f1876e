import type { ReactNode } from "react";

/** Colours that stay apart in greyscale print too; every bar also has a dark outline and a number beside it. */
export const TONES = {
  hall: "#a93226",
  ok: "#2f7d4f",
  warn: "#b7791f",
  bad: "#b42318",
  muted: "#a8a29e",
} as const;
export type Tone = keyof typeof TONES;

/**
 * An accessible, server-rendered SVG figure: the title and a text description (the same numbers the
 * picture shows) are read out by screen readers; the caption is visible above the chart.
 */
export function ChartFrame({ id, title, desc, width, height, children, testId }: { id: string; title: string; desc: string; width: number; height: number; children: ReactNode; testId?: string }) {
  return (
    <figure className="min-w-0 space-y-1 break-inside-avoid" data-testid={testId}>
      <figcaption className="text-sm font-medium text-stone-800">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="block h-auto w-full max-w-[26rem]" style={{ fontFamily: "inherit" }}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {children}
      </svg>
    </figure>
  );
}
