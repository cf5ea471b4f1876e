import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import type * as awarenessProtocol from "y-protocols/awareness";
import type * as Y from "yjs";

// What the protocol loop (server.ts, connection.ts, documents.ts) asks of an application, named as
// Hocuspocus names its hooks (docs/decisions/029-collab-hooks.md). The loop knows y-websocket's
// framing, Yjs and sockets; everything about who may do what, and where documents live, is a hook.
// Every hook is synchronous: an accepted update is stored before it is relayed, in the same step.

/** One open socket on a document. */
export interface Connection<Ctx> {
  ws: WebSocket;
  document: LiveDocument<Ctx>;
  /** What onAuthenticate said about the socket's owner. */
  context: Ctx;
  /** A read-only socket's document updates are dropped (not applied, stored or relayed). A hook may change it. */
  readOnly: boolean;
  /** Set once the server has ended the socket: from then on nothing it sends is applied. */
  ended: boolean;
  /** Awareness client ids this socket speaks for: their states are removed when it leaves. */
  awarenessIds: Set<number>;
}

/** A document in memory, with its awareness and its open sockets. */
export interface LiveDocument<Ctx> {
  name: string;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  conns: Map<WebSocket, Connection<Ctx>>;
}

/** An upgrade taken: on which document, as whom, and whether the socket may edit. */
export interface Admission<Ctx> {
  ok: true;
  documentName: string;
  context: Ctx;
  readOnly: boolean;
  /** Called once the TCP socket closes, whichever way (a handshake aborted, a close, a terminate). */
  release?: () => void;
}

/** An upgrade refused with a plain HTTP status, before anything is accepted. */
export interface Refusal {
  ok: false;
  status: 401 | 403 | 404 | 429;
}

/** Thrown by a hook to close the socket with this code (e.g. 1009 for a presence state too big). */
export class CloseConnection extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    detail?: string,
  ) {
    super(detail ?? reason);
  }
}

/** What the loop can do for the application's own events (access revoked, sessions ended). */
export interface CollabHandle<Ctx> {
  documents: () => Iterable<LiveDocument<Ctx>>;
  /** Ends a socket from the server's side: it leaves its document at once, then is closed. */
  endConnection: (conn: Connection<Ctx>, code: number, reason: string) => void;
}

export interface CollabHooks<Ctx> {
  /** Decides an upgrade before the socket is accepted. Throwing answers 500. */
  onAuthenticate: (request: IncomingMessage) => Admission<Ctx> | Refusal;
  /** The stored document as one update, applied to a fresh Y.Doc when the first socket opens it. */
  onLoadDocument: (name: string, context: Ctx) => Uint8Array;
  /**
   * Persists one accepted update (`conn` is null for the server's own changes). The update is relayed
   * only after this returns; throwing drops the document from memory and ends its sockets. What it
   * returns runs after the relay (work that must not delay it, e.g. compaction).
   */
  onStoreDocument: (document: LiveDocument<Ctx>, update: Uint8Array, conn: Connection<Ctx> | null) => void | (() => void);
  /** The last socket left (or the server closes): the document is about to leave memory. Not called when it is dropped. */
  beforeUnloadDocument?: (document: LiveDocument<Ctx>) => void;
  /** Checked before each message of a socket; a returned closing ends the socket instead. */
  beforeHandleMessage?: (conn: Connection<Ctx>) => { code: number; reason: string } | null;
  /**
   * An incoming awareness update rewritten to what this socket may say (null: nothing to apply).
   * Without the hook the update is applied as sent. Throw CloseConnection to close the socket.
   */
  onAwarenessUpdate?: (conn: Connection<Ctx>, update: Uint8Array) => Uint8Array | null;
  /** A socket left its document (closed by either side). */
  onDisconnect?: (conn: Connection<Ctx>) => void;
  /** The loop is ready: subscribe to the application's events. Returns what undoes it on close. */
  onListen?: (handle: CollabHandle<Ctx>) => () => void;
}
