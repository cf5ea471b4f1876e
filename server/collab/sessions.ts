import { openSessionExpiries } from "../../app/auth/session.server";
import { endConnection, liveDocuments, type Conn, type LiveDoc } from "./documents";

// A drafting socket lives only as long as its session (docs/decisions/011-sessions-end-sockets.md):
// revocations close it at once through the sessionsEnded event; expiry is caught when the socket next
// speaks and by a periodic sweep, which also notices sessions deleted or shortened behind our back.
// Real clock, as sessions are (app/auth/session.server.ts): the domain clock moves only domain time.

/** Checked before each message: only past the cached expiry does it ask the database (sessions slide). */
export function sessionStillOpen(conn: Conn, now = Date.now()): boolean {
  if (now < conn.sessionExpiresAt.getTime()) return true;
  const expiresAt = openSessionExpiries([conn.sessionId], now).get(conn.sessionId);
  if (!expiresAt) return false;
  conn.sessionExpiresAt = expiresAt;
  return true;
}

function openConnections(): Array<[LiveDoc, Conn]> {
  const all: Array<[LiveDoc, Conn]> = [];
  for (const entry of liveDocuments()) for (const conn of entry.conns.values()) all.push([entry, conn]);
  return all;
}

/** Ends the sockets of the given sessions. */
export function endSessions(sessionIds: readonly string[]): void {
  const ended = new Set(sessionIds);
  for (const [entry, conn] of openConnections()) {
    if (ended.has(conn.sessionId)) endConnection(entry, conn, 1008, "session ended");
  }
}

/** One look at the sessions table for every open socket: gone or expired sessions end their sockets. */
export function sweepSessions(now = Date.now()): void {
  const all = openConnections();
  const open = openSessionExpiries([...new Set(all.map(([, conn]) => conn.sessionId))], now);
  for (const [entry, conn] of all) {
    const expiresAt = open.get(conn.sessionId);
    if (expiresAt) conn.sessionExpiresAt = expiresAt;
    else endConnection(entry, conn, 1008, "session ended");
  }
}
