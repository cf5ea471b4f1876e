import type { RawData, WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { logger } from "../logger";
import { ownPresence, PresenceRefused } from "./presence";
import { discardDocument, endConnection, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, openDocument, releaseConnection, send, type Conn, type LiveDoc } from "./documents";
import { sessionStillOpen } from "./sessions";

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

function awarenessMessage(entry: LiveDoc, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(entry.awareness, clients));
  return encoding.toUint8Array(encoder);
}

/**
 * Applies an editor's update, keeping nothing Yjs cannot integrate at once. An update whose structs
 * follow a gap, or whose deletions name items the document never had, is one no well-behaved client
 * sends live: it syncs before it edits, and the server holds everything it ever relayed. Yjs would
 * keep such an update aside as "pending" and merge it into the sync step 2 every newcomer gets; after a
 * storm of hostile frames that merged update could fail to apply in the newcomer, so no one new could
 * join the draft while it stayed in memory. Nothing of it stays. A live update is refused (the client
 * reconnects and resyncs); a sync step 2 — the client's "what I have that you lack", into which Yjs
 * merges whatever the client itself holds aside — only loses its dangling part: closing for it would
 * close every reconnect of that client the same way, and it would never stay in.
 */
function encodes(doc: Y.Doc): boolean {
  try {
    Y.encodeStateAsUpdate(doc);
    return true;
  } catch {
    return false;
  }
}

function applyEditorUpdate(entry: LiveDoc, conn: Conn, update: Uint8Array, live: boolean): void {
  const store = entry.doc.store;
  try {
    Y.applyUpdate(entry.doc, update, conn);
  } catch (error) {
    // Yjs integrates an update struct by struct and cannot roll back: about one malformed update in
    // 30,000 fails half-way and leaves the live document unable to encode itself, so every newcomer's
    // sync step 2 would throw (1008 on each reconnect, for as long as the document stays in memory).
    // What was integrated before the failure is stored and reloads cleanly; the half-built state in
    // memory does not. Checked only on this path — malformed frames, never an honest keystroke.
    if (!encodes(entry.doc)) {
      logger.warn({ topicId: entry.topicId, userId: conn.userId }, "yjs: a malformed update left the document unencodable; reloading it from the store");
      endConnection(entry, conn, CLOSE_PROTOCOL, "malformed message");
      discardDocument(entry, "reloading");
    }
    throw error;
  } finally {
    const dangling = store.pendingStructs !== null || store.pendingDs !== null;
    store.pendingStructs = null;
    store.pendingDs = null;
    if (dangling && live) throw new ProtocolError("update refers to state the document does not have");
  }
}

/** One message of the y-websocket protocol. Throws ProtocolError (or a decoding error) on garbage. */
function handleMessage(entry: LiveDoc, conn: Conn, bytes: Uint8Array): void {
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
        send(conn, encoding.toUint8Array(encoder));
      } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
        const update = decoding.readVarUint8Array(decoder);
        // Read-only sockets: dropped — not applied, not stored, not relayed.
        if (conn.canEdit) applyEditorUpdate(entry, conn, update, syncType === syncProtocol.messageYjsUpdate);
      } else {
        throw new ProtocolError(`unknown sync message ${syncType}`);
      }
      return;
    }
    case MESSAGE_AWARENESS: {
      const own = ownPresence(entry, conn, decoding.readVarUint8Array(decoder));
      if (own) awarenessProtocol.applyAwarenessUpdate(entry.awareness, own, conn);
      return;
    }
    case MESSAGE_QUERY_AWARENESS:
      send(conn, awarenessMessage(entry, [...entry.awareness.getStates().keys()]));
      return;
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
}

/** Runs the protocol loop for one accepted socket on a topic's document. */
export function serveConnection(
  ws: WebSocket,
  { topicId, communityId, userId, displayName, sessionId, sessionExpiresAt, canEdit }: { topicId: number; communityId: number; userId: number; displayName: string; sessionId: string; sessionExpiresAt: Date; canEdit: boolean },
): void {
  let entry: LiveDoc;
  try {
    entry = openDocument(topicId, communityId);
  } catch (error) {
    logger.error({ err: error, topicId }, "yjs: loading the document failed");
    ws.close(1011, "load failed");
    return;
  }
  const conn: Conn = { ws, userId, displayName, sessionId, sessionExpiresAt, ended: false, canEdit, awarenessIds: new Set() };
  entry.conns.set(ws, conn);
  const log = logger.child({ topicId, userId });

  let refused = false;
  const refuse = (code: number, reason: string, error?: unknown) => {
    refused = true;
    log.warn({ err: error, code }, `yjs: ${reason}; closing the connection`);
    ws.close(code, reason);
  };
  ws.on("message", (data, isBinary) => {
    if (refused || conn.ended) return;
    if (!sessionStillOpen(conn)) return endConnection(entry, conn, CLOSE_PROTOCOL, "session ended");
    if (!isBinary) return refuse(CLOSE_UNSUPPORTED, "binary frames only");
    try {
      handleMessage(entry, conn, toBytes(data));
    } catch (error) {
      if (error instanceof PresenceRefused) refuse(error.code, "presence refused", error);
      else refuse(CLOSE_PROTOCOL, "malformed message", error);
    }
  });
  ws.on("error", (error) => log.warn({ err: error }, "yjs: socket error"));
  ws.on("close", () => releaseConnection(entry, conn));

  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, entry.doc);
  send(conn, encoding.toUint8Array(encoder));
  const present = [...entry.awareness.getStates().keys()];
  if (present.length > 0) send(conn, awarenessMessage(entry, present));
}
