import { eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { loginFailures } from "../../db/schema";
import { now } from "../models/clock.server";

// Progressive slow-down instead of lockouts (docs/decisions/017-throttling.md): a few failures are
// free; after that each failure makes the next attempt wait twice as long as the one before, up to
// a cap. Failures are forgotten one at a time at a steady pace once a wait is over, so occasional
// typos never add up.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

interface Policy {
  /** Failures in a row that cost nothing. */
  free: number;
  /** The longest wait one failure can impose. */
  capMs: number;
  /** One failure is forgotten per this much time without a wait running. */
  forgetOneMs: number;
}

/**
 * Per account (from unknown devices), per known device (its own wrong passwords, against a stolen
 * phone: the same numbers, so a known device is no weaker a way in), per client address.
 */
export const POLICIES = {
  account: (): Policy => ({ free: envNumber("LOGIN_MAX_FAILURES_PER_ACCOUNT", 5), capMs: HOUR, forgetOneMs: HOUR }),
  device: (): Policy => ({ free: envNumber("LOGIN_MAX_FAILURES_PER_ACCOUNT", 5), capMs: HOUR, forgetOneMs: HOUR }),
  address: (): Policy => ({ free: envNumber("LOGIN_MAX_FAILURES_PER_ADDRESS", 30), capMs: 5 * MINUTE, forgetOneMs: 30 * SECOND }),
};

export type ThrottleKind = keyof typeof POLICIES;

/** The wait after the first failure beyond the free ones; each further failure doubles it. */
export const firstDelayMs = () => envNumber("LOGIN_FIRST_DELAY_MS", SECOND);

/** How long the attempt after the `failures`-th (still remembered) failure must wait. */
export function delayAfter(kind: ThrottleKind, failures: number): number {
  const { free, capMs } = POLICIES[kind]();
  const counted = Math.ceil(failures - 1e-9);
  if (counted < free) return 0;
  return Math.min(firstDelayMs() * 2 ** Math.min(counted - free, 40), capMs);
}

function key(kind: ThrottleKind, value: string) {
  return `${kind}:${value.toLowerCase()}`;
}

/** How long (ms) an attempt must still wait; 0 when it may go ahead. */
export function throttledFor(kind: ThrottleKind, value: string, at = now().getTime()): number {
  const row = getDb().select().from(loginFailures).where(eq(loginFailures.key, key(kind, value))).get();
  if (!row) return 0;
  // Never longer than the delay itself: after the clock steps back (NTP; a test's clock put back) the
  // last failure lies in the future, and a plain difference made a wait of that whole step — days for
  // an address whose every failure had been forgiven.
  const delay = delayAfter(kind, row.failures);
  return Math.min(delay, Math.max(0, row.lastFailureAt + delay - at));
}

/**
 * Failures still remembered at `at`: one is forgotten per `forgetOneMs` of the time since the last
 * failure's wait ran out. Time spent waiting forgets nothing, or someone who waits out every refusal
 * would never be slowed beyond the point where the waits match the forgetting.
 */
function remembered(kind: ThrottleKind, row: { failures: number; lastFailureAt: number }, at: number): number {
  const idleMs = at - (row.lastFailureAt + delayAfter(kind, row.failures));
  return Math.max(0, row.failures - Math.max(0, idleMs) / POLICIES[kind]().forgetOneMs);
}

/**
 * One more failure. Read and written in one immediate transaction (and synchronously, as
 * better-sqlite3 is), so counts from parallel requests never overwrite each other.
 */
export function recordFailure(kind: ThrottleKind, value: string, at = now().getTime()): void {
  const db = getDb();
  db.transaction(
    (tx) => {
      const row = tx.select().from(loginFailures).where(eq(loginFailures.key, key(kind, value))).get();
      const failures = (row ? remembered(kind, row, at) : 0) + 1;
      const lastFailureAt = Math.max(row?.lastFailureAt ?? 0, at);
      tx.insert(loginFailures)
        .values({ key: key(kind, value), failures, lastFailureAt })
        .onConflictDoUpdate({ target: loginFailures.key, set: { failures, lastFailureAt } })
        .run();
    },
    { behavior: "immediate" },
  );
}

export function clearFailures(kind: ThrottleKind, value: string): void {
  getDb().delete(loginFailures).where(eq(loginFailures.key, key(kind, value))).run();
}

/** Takes back one failure counted in advance for an attempt that succeeded. */
export function forgiveFailure(kind: ThrottleKind, value: string): void {
  getDb()
    .update(loginFailures)
    .set({ failures: sql`MAX(${loginFailures.failures} - 1, 0)` })
    .where(eq(loginFailures.key, key(kind, value)))
    .run();
}

/** The translated refusal for a wait: seconds under two minutes, minutes (rounded up) beyond. */
export function waitMessage(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / SECOND));
  return seconds < 120 ? `throttle.seconds|seconds=${seconds}` : `throttle.minutes|minutes=${Math.ceil(seconds / 60)}`;
}

/** Retry-After (whole seconds, at least 1) for a 429. */
export function retryAfter(waitMs: number): Record<string, string> {
  return { "Retry-After": String(Math.max(1, Math.ceil(waitMs / SECOND))) };
}

/** A route's `headers`: Remix sends a page only the headers this passes on, so a 429's Retry-After is handed through. */
export function passRetryAfter({ actionHeaders }: { actionHeaders: Headers }): Record<string, string> {
  const wait = actionHeaders.get("Retry-After");
  return wait ? { "Retry-After": wait } : {};
}
