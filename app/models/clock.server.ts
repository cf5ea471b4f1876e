/**
 * The one clock every deadline reads. Tests (and only tests: see server/test-clock.ts) can move it
 * forward instead of waiting; production never shifts it.
 */
const globalKey = Symbol.for("yishiting.clockOffset");
type WithOffset = typeof globalThis & { [globalKey]?: number };

export function now(): Date {
  return new Date(Date.now() + ((globalThis as WithOffset)[globalKey] ?? 0));
}

export function shiftClock(ms: number): void {
  const g = globalThis as WithOffset;
  g[globalKey] = (g[globalKey] ?? 0) + ms;
}

export function resetClock(): void {
  delete (globalThis as WithOffset)[globalKey];
}

export const DAY_MS = 24 * 60 * 60 * 1000;
