import { createHash } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { and, desc, eq, gt, inArray, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { hotSelect } from "../../db/hot-read";
import { sessions, users } from "../../db/schema";
import { write } from "../models/write.server";

// Sessions as the Lucia project now recommends: a random token in the cookie, only its SHA-256
// stored, sliding expiry. See docs/decisions/002-sessions.md.
// Sessions read the real clock (Date.now), not the domain clock (app/models/clock.server.ts): a
// session is about the browser's cookie, which expires by real time, and moving the test clock to
// pass a 公示 period must not sign everyone out. Nothing here is written to the ledger.
export const SESSION_COOKIE = "yst_session";
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_TTL_MS = 30 * DAY;
const REFRESH_WHEN_LEFT_MS = 15 * DAY;
const LAST_SEEN_GRANULARITY_MS = 5 * 60 * 1000;
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
}

export interface ValidSession {
  sessionId: string;
  expiresAt: Date;
  user: SessionUser;
  /** true when the expiry moved forward and the cookie should be sent again. */
  refreshed: boolean;
}

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20); // 160 bits
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The stored id is the token's SHA-256 (the Lucia recipe), hashed by Node's native crypto: the same bytes as @oslojs/crypto's sha256 at a fraction of the cost on every request. */
export function sessionIdFromToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function createSession({
  token,
  userId,
  userAgent = "",
  ip = "",
}: {
  token: string;
  userId: number;
  userAgent?: string;
  ip?: string;
}) {
  const now = new Date();
  const row = {
    id: sessionIdFromToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    userAgent: userAgent.slice(0, 300),
    ip: ip.slice(0, 64),
  };
  getDb().insert(sessions).values(row).run();
  return row;
}

// Every signed-in request asks: a hot read (docs/decisions/014-raw-statements-for-hot-reads.md).
const findSession = hotSelect({
  sessionId: sessions.id,
  expiresAt: sessions.expiresAt,
  lastSeenAt: sessions.lastSeenAt,
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
}).from<{ id: string }>(sql`${sessions} inner join ${users} on ${users.id} = ${sessions.userId} where ${sessions.id} = ${sql.placeholder("id")}`);

/** The session row with its user, by the (hashed) session id: the query every signed-in request makes. */
export function readSession(sessionId: string) {
  return findSession.get({ id: sessionId });
}

/** A malformed, unknown or expired token gives null: the request is treated as signed out. */
export function validateSessionToken(token: string | undefined): ValidSession | null {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const sessionId = sessionIdFromToken(token);
  const row = readSession(sessionId);
  if (!row) return null;
  const now = Date.now();
  if (now >= row.expiresAt.getTime()) {
    invalidateSession(sessionId);
    return null;
  }
  let expiresAt = row.expiresAt;
  const refreshed = expiresAt.getTime() - now < REFRESH_WHEN_LEFT_MS;
  if (refreshed) expiresAt = new Date(now + SESSION_TTL_MS);
  if (refreshed || now - row.lastSeenAt.getTime() > LAST_SEEN_GRANULARITY_MS) {
    getDb().update(sessions).set({ expiresAt, lastSeenAt: new Date(now) }).where(eq(sessions.id, sessionId)).run();
  }
  return {
    sessionId,
    expiresAt,
    refreshed,
    user: { id: row.userId, username: row.username, displayName: row.displayName },
  };
}

/**
 * Ends the sessions `which` selects; their open drafting sockets are closed once the delete has
 * committed (docs/decisions/011-sessions-end-sockets.md). Answers how many ended.
 */
function endSessions(which: SQL | undefined): number {
  return write((tx, publish) => {
    const ended = tx.delete(sessions).where(which).returning({ id: sessions.id }).all();
    if (ended.length > 0) publish({ name: "sessionsEnded", payload: { sessionIds: ended.map((row) => row.id) } });
    return ended.length;
  });
}

export function invalidateSession(sessionId: string): void {
  endSessions(eq(sessions.id, sessionId));
}

/** Revokes one of the user's own sessions; another user's session id changes nothing. */
export function revokeUserSession({ userId, sessionId }: { userId: number; sessionId: string }): boolean {
  return endSessions(and(eq(sessions.id, sessionId), eq(sessions.userId, userId))) > 0;
}

/** "Sign out everywhere else": every session of the user but the current one. */
export function revokeOtherSessions({ userId, keepSessionId }: { userId: number; keepSessionId: string }): number {
  return endSessions(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)));
}

/** When each of the given sessions expires, for those still open at `now` (sockets outlive their request). */
export function openSessionExpiries(sessionIds: string[], now = Date.now()): Map<string, Date> {
  if (sessionIds.length === 0) return new Map();
  const rows = getDb()
    .select({ id: sessions.id, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(inArray(sessions.id, sessionIds), gt(sessions.expiresAt, new Date(now))))
    .all();
  return new Map(rows.map((row) => [row.id, row.expiresAt]));
}

export function listUserSessions({ userId }: { userId: number }) {
  return getDb()
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt))
    .all();
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return [
    `${SESSION_COOKIE}=${token}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Max-Age=${maxAge}`,
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function blankSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0", ...(secure ? ["Secure"] : [])].join("; ");
}

export function readSessionToken(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const eqAt = part.indexOf("=");
    if (eqAt < 0) continue;
    if (part.slice(0, eqAt).trim() === SESSION_COOKIE) return part.slice(eqAt + 1).trim();
  }
  return undefined;
}
