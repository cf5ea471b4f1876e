import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { logger } from "../logger";
import { serveConnection } from "./connection";
import { Documents } from "./documents";
import type { CollabHooks, LiveDocument } from "./hooks";

const STATUS_TEXT: Record<number, string> = { 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests" };

/** A plain HTTP answer to an upgrade not taken: nothing was accepted, the socket goes. */
function refuseUpgrade(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

export interface CollabServer<Ctx> {
  /** Hand it the HTTP server's `upgrade` events for the collaboration path. */
  handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** The named document if it is in memory (tests and health checks). */
  document: (name: string) => LiveDocument<Ctx> | undefined;
  /** Names of the documents in memory. */
  documentNames: () => string[];
  close: () => void;
}

export interface CollabOptions {
  /** Largest frame accepted; a bigger one closes the socket with 1009. */
  maxPayload: number;
  /** Interval of keep-alive pings; a socket that missed one pong is terminated. */
  pingMs: number;
}

/**
 * The generic protocol loop on a `ws` server in noServer mode (the app's own HTTP server and port):
 * upgrades decided by onAuthenticate before anything is accepted, keep-alive pings, and per socket the
 * y-websocket protocol of connection.ts on documents held by documents.ts.
 */
export function createCollabServer<Ctx>(hooks: CollabHooks<Ctx>, { maxPayload, pingMs }: CollabOptions): CollabServer<Ctx> {
  const wss = new WebSocketServer({ noServer: true, maxPayload });
  const docs = new Documents(hooks);
  const alive = new WeakMap<WebSocket, boolean>();

  const keepalive = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, pingMs);
  keepalive.unref();
  const stopListening = hooks.onListen?.({ documents: () => docs.all(), endConnection: (conn, code, reason) => docs.end(conn, code, reason) });

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    let decision;
    try {
      decision = hooks.onAuthenticate(req);
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
    const { release, ...admitted } = decision;
    // Held until the TCP socket closes, whichever way: a handshake ws aborts, a close, a terminate.
    if (release) {
      if (socket.destroyed) release();
      else socket.once("close", release);
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.set(ws, true);
      ws.on("pong", () => alive.set(ws, true));
      serveConnection(docs, hooks, ws, admitted);
    });
  };

  let closed = false;
  return {
    handleUpgrade,
    document: (name) => docs.get(name),
    documentNames: () => [...docs.all()].map((entry) => entry.name),
    close: () => {
      if (closed) return;
      closed = true;
      clearInterval(keepalive);
      stopListening?.();
      docs.closeAll();
      wss.close();
    },
  };
}
