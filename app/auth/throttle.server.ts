import { eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { loginThrottle } from "../../db/schema";

const WINDOW_MS = 15 * 60 * 1000;

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Failed attempts allowed per window before 429: per account, and per client address. */
export const LIMITS = {
  account: () => envNumber("LOGIN_MAX_FAILURES_PER_ACCOUNT", 5),
  address: () => envNumber("LOGIN_MAX_FAILURES_PER_ADDRESS", 30),
};

export type ThrottleKind = keyof typeof LIMITS;

function key(kind: ThrottleKind, value: string) {
  return `${kind}:${value.toLowerCase()}`;
}

/** Remaining lock time in ms (0 when not limited). */
export function throttledFor(kind: ThrottleKind, value: string, now = Date.now()): number {
  const row = getDb().select().from(loginThrottle).where(eq(loginThrottle.key, key(kind, value))).get();
  if (!row) return 0;
  const endsAt = row.windowStartedAt.getTime() + WINDOW_MS;
  if (now >= endsAt || row.failures < LIMITS[kind]()) return 0;
  return endsAt - now;
}

export function recordFailure(kind: ThrottleKind, value: string, now = Date.now()): void {
  // One statement: a new window when the old one ended, else one more failure.
  getDb()
    .insert(loginThrottle)
    .values({ key: key(kind, value), failures: 1, windowStartedAt: new Date(now) })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`CASE WHEN ${loginThrottle.windowStartedAt} + ${WINDOW_MS} <= ${now} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${loginThrottle.windowStartedAt} + ${WINDOW_MS} <= ${now} THEN ${now} ELSE ${loginThrottle.windowStartedAt} END`,
      },
    })
    .run();
}

export function clearFailures(kind: ThrottleKind, value: string): void {
  getDb().delete(loginThrottle).where(eq(loginThrottle.key, key(kind, value))).run();
}

/** Takes back one failure counted in advance for an attempt that succeeded. */
export function forgiveFailure(kind: ThrottleKind, value: string): void {
  getDb()
    .update(loginThrottle)
    .set({ failures: sql`MAX(${loginThrottle.failures} - 1, 0)` })
    .where(eq(loginThrottle.key, key(kind, value)))
    .run();
}
