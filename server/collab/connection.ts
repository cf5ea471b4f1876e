import type { RawData, WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { logger } from "../logger";
import { awarenessMessage, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, send, type Documents } from "./documents";
import { CloseConnection, type CollabHooks, type Connection, type LiveDocument } from "./hooks";

/** Close codes: 1003 unsupported data (text frames), 1008 policy/protocol violation, 1009 too big. */
export const CLOSE_UNSUPPORTED = 1003;
export const CLOSE_PROTOCOL = 1008;

class ProtocolError extends Error {}

function toBytes(data: RawData): Uint8Array {
  // A fresh copy: ws may hand out views into a pooled buffer, and lib0's bounds checks rely on the
  // underlying ArrayBuffer ending where the message ends.
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data instanceof ArrayBuffer ? data.slice(0) : data);
}

function encodes(doc: Y.Doc): boolean {
  try {
    Y.encodeStateAsUpdate(doc);
    return true;
  } catch {
    return false;
  }
}

/**
 * One socket's side of the y-websocket protocol (sync step 1/2 and updates, awareness, query-awareness)
 * on one document, with the application's say through its hooks.
 */
class ProtocolLoop<Ctx> {
  constructor(
    private readonly docs: Documents<Ctx>,
    private readonly hooks: CollabHooks<Ctx>,
    private readonly conn: Connection<Ctx>,
  ) {}

  /**
   * Applies an editor's update, keeping nothing Yjs cannot integrate at once. An update whose structs
   * follow a gap, or whose deletions name items the document never had, is one no well-behaved client
   * sends live: it syncs before it edits, and the server holds everything it ever relayed. Yjs would
   * keep such an update aside as "pending" and merge it into the sync step 2 every newcomer gets; after
   * a storm of hostile frames that merged update could fail to apply in the newcomer, so no one new
   * could join the draft while it stayed in memory. Nothing of it stays. A live update is refused (the
   * client reconnects and resyncs); a sync step 2 — the client's "what I have that you lack", into
   * which Yjs merges whatever the client itself holds aside — only loses its dangling part: closing
   * for it would close every reconnect of that client the same way, and it would never stay in.
   */
  private applyEditorUpdate(entry: LiveDocument<Ctx>, update: Uint8Array, live: boolean): void {
    const store = entry.doc.store;
    try {
      Y.applyUpdate(entry.doc, update, this.conn);
    } catch (error) {
      // Yjs integrates an update struct by struct and cannot roll back: about one malformed update in
      // 30,000 fails half-way and leaves the live document unable to encode itself, so every newcomer's
      // sync step 2 would throw (1008 on each reconnect, for as long as the document stays in memory).
      // What was integrated before the failure is stored and reloads cleanly; the half-built state in
      // memory does not. Checked only on this path — malformed frames, never an honest keystroke.
      if (!encodes(entry.doc)) {
        logger.warn({ document: entry.name }, "yjs: a malformed update left the document unencodable; reloading it from the store");
        this.docs.end(this.conn, CLOSE_PROTOCOL, "malformed message");
        this.docs.discard(entry, "reloading");
      }
      throw error;
    } finally {
      const dangling = store.pendingStructs !== null || store.pendingDs !== null;
      store.pendingStructs = null;
      store.pendingDs = null;
      if (dangling && live) throw new ProtocolError("update refers to state the document does not have");
    }
  }

  /** One message. Throws ProtocolError, CloseConnection (from a hook) or a decoding error on garbage. */
  handle(bytes: Uint8Array): void {
    const entry = this.conn.document;
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          const stateVector = decoding.readVarUint8Array(decoder);
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          syncProtocol.writeSyncStep2(encoder, entry.doc, stateVector);
          send(this.conn, encoding.toUint8Array(encoder));
        } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
          const update = decoding.readVarUint8Array(decoder);
          // Read-only sockets: dropped — not applied, not stored, not relayed.
          if (!this.conn.readOnly) this.applyEditorUpdate(entry, update, syncType === syncProtocol.messageYjsUpdate);
        } else {
          throw new ProtocolError(`unknown sync message ${syncType}`);
        }
        return;
      }
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(decoder);
        const own = this.hooks.onAwarenessUpdate ? this.hooks.onAwarenessUpdate(this.conn, update) : update;
        if (own) awarenessProtocol.applyAwarenessUpdate(entry.awareness, own, this.conn);
        return;
      }
      case MESSAGE_QUERY_AWARENESS:
        send(this.conn, awarenessMessage(entry, [...entry.awareness.getStates().keys()]));
        return;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  }
}

/** Runs the protocol loop for one accepted socket on the named document. */
export function serveConnection<Ctx>(docs: Documents<Ctx>, hooks: CollabHooks<Ctx>, ws: WebSocket, { documentName, context, readOnly }: { documentName: string; context: Ctx; readOnly: boolean }): void {
  let entry: LiveDocument<Ctx>;
  try {
    entry = docs.open(documentName, context);
  } catch (error) {
    logger.error({ err: error, document: documentName }, "yjs: loading the document failed");
    ws.close(1011, "load failed");
    return;
  }
  const conn: Connection<Ctx> = { ws, document: entry, context, readOnly, ended: false, awarenessIds: new Set() };
  entry.conns.set(ws, conn);
  const loop = new ProtocolLoop(docs, hooks, conn);
  const log = logger.child({ document: documentName });

  let refused = false;
  const refuse = (code: number, reason: string, error?: unknown) => {
    refused = true;
    log.warn({ err: error, code }, `yjs: ${reason}; closing the connection`);
    ws.close(code, reason);
  };
  ws.on("message", (data, isBinary) => {
    if (refused || conn.ended) return;
    const closing = hooks.beforeHandleMessage?.(conn);
    if (closing) return docs.end(conn, closing.code, closing.reason);
    if (!isBinary) return refuse(CLOSE_UNSUPPORTED, "binary frames only");
    try {
      loop.handle(toBytes(data));
    } catch (error) {
      if (error instanceof CloseConnection) refuse(error.code, error.reason, error);
      else refuse(CLOSE_PROTOCOL, "malformed message", error);
    }
  });
  ws.on("error", (error) => log.warn({ err: error }, "yjs: socket error"));
  ws.on("close", () => docs.release(conn));

  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, entry.doc);
  send(conn, encoding.toUint8Array(encoder));
  const present = [...entry.awareness.getStates().keys()];
  if (present.length > 0) send(conn, awarenessMessage(entry, present));
}
