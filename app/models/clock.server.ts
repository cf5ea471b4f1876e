import { singleton } from "./singleton.server";

/**
 * The one clock every deadline reads. Tests (and only tests: see server/test-clock.ts) can move it
 * forward instead of waiting; production never shifts it.
 */
const offset = singleton("clockOffset", () => ({ ms: 0 }));

export function now(): Date {
  return new Date(Date.now() + offset.ms);
}

export function shiftClock(ms: number): void {
  offset.ms += ms;
}

export function resetClock(): void {
  offset.ms = 0;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
