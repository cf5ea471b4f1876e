import type { ReactNode } from "react";

/** A block of the projector screen: dark, high contrast, readable across a hall. */
export function Panel({ title, children, className = "" }: { title: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`rounded-xl border border-stone-700 bg-stone-900 p-4 lg:p-6 ${className}`}>
      <h2 className="mb-3 text-base font-semibold uppercase tracking-wide text-stone-400 lg:text-xl">{title}</h2>
      {children}
    </section>
  );
}

const TONES = { good: "bg-emerald-500", warn: "bg-amber-400", neutral: "bg-sky-400" } as const;

/** A bar of value/max; `mark` draws the line the value has to reach. The numbers are in the text beside it. */
export function Meter({ value, max, mark, tone }: { value: number; max: number; mark?: number; tone: keyof typeof TONES }) {
  const pct = (n: number) => (max > 0 ? Math.min(100, Math.max(0, (n / max) * 100)) : 0);
  return (
    <div className="relative mt-3 h-5 overflow-hidden rounded-full bg-stone-700 lg:h-7" aria-hidden="true">
      <div className={`h-full rounded-full ${TONES[tone]} transition-[width] duration-500`} style={{ width: `${pct(value)}%` }} />
      {mark !== undefined && max > 0 ? <div className="absolute inset-y-0 w-1 bg-white" style={{ left: `calc(${pct(mark)}% - 2px)` }} /> : null}
    </div>
  );
}

/** 1a2b3c4d…5e6f7a8b: enough of the hash to compare by eye with the published text's. */
export function shortHash(sha256: string): string {
  return sha256.length > 16 ? `${sha256.slice(0, 8)}…${sha256.slice(-8)}` : sha256;
}
