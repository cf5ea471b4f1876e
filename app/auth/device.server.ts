import { and, eq, gt, lt } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { knownDevices } from "../../db/schema";
import { now } from "../models/clock.server";
import { generateSessionToken, sessionIdFromToken } from "./session.server";

// A browser that signed in to an account before is a known device for it: its right password is
// never refused by the account's or the address's slow-down, so strangers' wrong passwords cannot
// keep the owner out (docs/decisions/017-throttling.md). The cookie holds a random token; only its
// SHA-256 is stored, as for sessions. It outlives sessions: signing out does not forget the device.
export const DEVICE_COOKIE = "yst_device";
const DEVICE_TTL_MS = 365 * 24 * 60 * 60 * 1000;
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export function readDeviceToken(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const eqAt = part.indexOf("=");
    if (eqAt < 0 || part.slice(0, eqAt).trim() !== DEVICE_COOKIE) continue;
    const token = part.slice(eqAt + 1).trim();
    return TOKEN_PATTERN.test(token) ? token : undefined;
  }
  return undefined;
}

/** The device's stored hash when this browser signed in to `userId` within the last year; else null. */
export function knownDevice({ token, userId }: { token: string | undefined; userId: number | undefined }): string | null {
  if (!token || userId === undefined) return null;
  const tokenHash = sessionIdFromToken(token);
  const row = getDb()
    .select({ tokenHash: knownDevices.tokenHash })
    .from(knownDevices)
    .where(and(eq(knownDevices.tokenHash, tokenHash), eq(knownDevices.userId, userId), gt(knownDevices.lastUsedAt, new Date(now().getTime() - DEVICE_TTL_MS))))
    .get();
  return row?.tokenHash ?? null;
}

/**
 * After a successful sign-in: this browser is (still) known for the user. Keeps the browser's token
 * when it has one, so a shared phone stays one device for each of its accounts; returns the
 * Set-Cookie that renews it for another year.
 */
export function rememberDevice({ token, userId, secure }: { token: string | undefined; userId: number; secure: boolean }): string {
  const kept = token ?? generateSessionToken();
  const at = now();
  const db = getDb();
  db.insert(knownDevices)
    .values({ tokenHash: sessionIdFromToken(kept), userId, createdAt: at, lastUsedAt: at })
    .onConflictDoUpdate({ target: [knownDevices.tokenHash, knownDevices.userId], set: { lastUsedAt: at } })
    .run();
  // The user's devices unused for a year are forgotten here rather than by a sweep.
  db.delete(knownDevices)
    .where(and(eq(knownDevices.userId, userId), lt(knownDevices.lastUsedAt, new Date(at.getTime() - DEVICE_TTL_MS))))
    .run();
  return [`${DEVICE_COOKIE}=${kept}`, "HttpOnly", "SameSite=Lax", "Path=/", `Max-Age=${DEVICE_TTL_MS / 1000}`, ...(secure ? ["Secure"] : [])].join("; ");
}
