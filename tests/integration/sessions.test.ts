import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { sessions } from "../../db/schema";
import {
  createSession,
  generateSessionToken,
  listUserSessions,
  revokeOtherSessions,
  revokeUserSession,
  SESSION_TTL_MS,
  sessionIdFromToken,
  validateSessionToken,
} from "~/auth/session.server";
import { userId } from "./support/db";

const DAY = 24 * 60 * 60 * 1000;

describe("sessions", () => {
  it("use 160-bit random tokens and store only their SHA-256", () => {
    const token = generateSessionToken();
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(generateSessionToken()).not.toBe(token);
    const uid = userId("resident1");
    createSession({ token, userId: uid });
    const stored = getDb().select().from(sessions).where(eq(sessions.userId, uid)).all();
    expect(stored.map((s) => s.id)).toContain(sessionIdFromToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(validateSessionToken(token)?.user.username).toBe("resident1");
  });

  it("treat malformed and unknown tokens as signed out", () => {
    expect(validateSessionToken(undefined)).toBeNull();
    expect(validateSessionToken("")).toBeNull();
    expect(validateSessionToken("x".repeat(5000))).toBeNull();
    expect(validateSessionToken("' OR 1=1 --")).toBeNull();
    expect(validateSessionToken(generateSessionToken())).toBeNull();
  });

  it("expire, and an expired session is deleted", () => {
    const token = generateSessionToken();
    const { id } = createSession({ token, userId: userId("resident2") });
    getDb().update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, id)).run();
    expect(validateSessionToken(token)).toBeNull();
    expect(getDb().select().from(sessions).where(eq(sessions.id, id)).get()).toBeUndefined();
  });

  it("slide: a session used in its second half is extended and flagged for a new cookie", () => {
    const token = generateSessionToken();
    const { id } = createSession({ token, userId: userId("resident2") });
    expect(validateSessionToken(token)?.refreshed).toBe(false);
    getDb().update(sessions).set({ expiresAt: new Date(Date.now() + 3 * DAY) }).where(eq(sessions.id, id)).run();
    const refreshed = validateSessionToken(token)!;
    expect(refreshed.refreshed).toBe(true);
    expect(refreshed.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_TTL_MS - 60_000);
    const stored = getDb().select().from(sessions).where(eq(sessions.id, id)).get()!;
    expect(stored.expiresAt.getTime()).toBe(refreshed.expiresAt.getTime());
  });

  it("can be listed and revoked by their owner only", () => {
    const uid = userId("committee2");
    const tokens = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
    for (const token of tokens) createSession({ token, userId: uid, userAgent: "test" });
    const ids = tokens.map(sessionIdFromToken);
    expect(listUserSessions({ userId: uid }).map((s) => s.id).sort()).toEqual([...ids].sort());

    expect(revokeUserSession({ userId: userId("resident1"), sessionId: ids[0] })).toBe(false);
    expect(validateSessionToken(tokens[0])).not.toBeNull();

    expect(revokeUserSession({ userId: uid, sessionId: ids[0] })).toBe(true);
    expect(validateSessionToken(tokens[0])).toBeNull();

    expect(revokeOtherSessions({ userId: uid, keepSessionId: ids[1] })).toBe(1);
    expect(validateSessionToken(tokens[1])).not.toBeNull();
    expect(validateSessionToken(tokens[2])).toBeNull();
  });
});
