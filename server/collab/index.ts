import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { getDraftAccess } from "../../app/models/draft-access.server";
import { onCommitted } from "../../app/models/committed-events.server";
import { clientAddress } from "../client-address";
import { envInt } from "../env";
import { logger } from "../logger";
import { openLimit } from "../open-limit";
import { authenticateUpgrade, YJS_PREFIX } from "./authenticate";
import { serveConnection } from "./connection";
import { closeAllDocuments, endConnection, liveDocuments, type LiveDoc } from "./documents";
import { restampPresence } from "./presence";
import { endSessions, sweepSessions } from "./sessions";

export { documentsInMemory } from "./documents";
export { YJS_PREFIX };

const STATUS_TEXT = { 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests" } as const;

/** A plain HTTP answer to an upgrade not taken: nothing was accepted, the socket goes. */
function refuseUpgrade(socket: Duplex, status: keyof typeof STATUS_TEXT): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/** Re-decides every socket of a document (the topic moved, or someone's roles changed). */
function reevaluate(entry: LiveDoc, onlyUserId?: number): void {
  for (const conn of entry.conns.values()) {
    if (onlyUserId !== undefined && conn.userId !== onlyUserId) continue;
    const found = getDraftAccess({ topicId: entry.topicId, userId: conn.userId, communityId: entry.communityId });
    const access = found?.access ?? "none";
    if (access === "none") {
      endConnection(entry, conn, 1008, "access revoked");
      continue;
    }
    const canEdit = access === "edit";
    if (canEdit === conn.canEdit) continue;
    conn.canEdit = canEdit;
    restampPresence(entry, conn);
  }
}

export interface CollabServer {
  handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  close: () => void;
  /** Sockets held open now, as the per-session and per-address caps count them. */
  openSockets: () => number;
}

/** The collaborative-drafting websocket endpoint (/yjs/topic-<id>) on the app's own HTTP server. */
export function attachCollab(server: Server): CollabServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: envInt("YJS_MAX_FRAME_BYTES", 1024 * 1024) });
  const alive = new WeakMap<WebSocket, boolean>();
  const sockets = openLimit({ perSession: envInt("YJS_MAX_SOCKETS_PER_SESSION", 8), perAddress: envInt("YJS_MAX_SOCKETS_PER_ADDRESS", 64) });

  const keepalive = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, envInt("YJS_PING_MS", 30_000));
  keepalive.unref();
  const sessionSweep = setInterval(() => {
    try {
      sweepSessions();
    } catch (error) {
      logger.error({ err: error }, "yjs: the session sweep failed");
    }
  }, envInt("YJS_SESSION_CHECK_MS", 60_000));
  sessionSweep.unref();

  const unsubscribe = [
    onCommitted("topicMoved", ({ topicId }) => {
      for (const entry of liveDocuments()) if (entry.topicId === topicId) reevaluate(entry);
    }),
    onCommitted("rolesChanged", ({ communityId, userId }) => {
      for (const entry of liveDocuments()) if (entry.communityId === communityId) reevaluate(entry, userId);
    }),
    onCommitted("sessionsEnded", ({ sessionIds }) => endSessions(sessionIds)),
  ];

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    let decision;
    try {
      decision = authenticateUpgrade(req);
    } catch (error) {
      logger.error({ err: error, url: req.url }, "yjs: upgrade check failed");
      socket.end("HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\n\r\n");
      socket.destroy();
      return;
    }
    if (!decision.ok) {
      logger.info({ url: req.url, status: decision.status }, "yjs: upgrade refused");
      return refuseUpgrade(socket, decision.status);
    }
    const release = sockets.take({ session: decision.sessionId, address: clientAddress(req) });
    if (!release) {
      logger.info({ url: req.url, userId: decision.userId }, "yjs: too many sockets for this session or address; upgrade refused");
      return refuseUpgrade(socket, 429);
    }
    // Held until the TCP socket closes, whichever way: a handshake ws aborts, a close, a terminate.
    if (socket.destroyed) release();
    else socket.once("close", release);
    const { topicId, communityId, userId, displayName, sessionId, sessionExpiresAt, access } = decision;
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.set(ws, true);
      ws.on("pong", () => alive.set(ws, true));
      serveConnection(ws, { topicId, communityId, userId, displayName, sessionId, sessionExpiresAt, canEdit: access === "edit" });
    });
  };

  server.on("close", () => {
    clearInterval(keepalive);
    clearInterval(sessionSweep);
  });
  return {
    handleUpgrade,
    close: () => {
      clearInterval(keepalive);
      clearInterval(sessionSweep);
      for (const off of unsubscribe) off();
      closeAllDocuments();
      wss.close();
    },
    openSockets: sockets.open,
  };
}
