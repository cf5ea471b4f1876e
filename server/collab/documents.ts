import type { WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { appendDraftUpdate, compactDraft, ensureDraftDocument } from "../../app/models/draft-store.server";
import { templateUpdate } from "../../app/models/draft-text";
import { logger } from "../logger";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/** One open socket on a document. `canEdit` is re-evaluated when the topic moves or roles change. */
export interface Conn {
  ws: WebSocket;
  userId: number;
  /** The signed-in person's display name: the name others see in this socket's presence. */
  displayName: string;
  /** The session the socket was opened with, and when it expires (refreshed by the session sweep). */
  sessionId: string;
  sessionExpiresAt: Date;
  /** Set once the server has ended the socket: from then on nothing it sends is applied. */
  ended: boolean;
  canEdit: boolean;
  /** Awareness client ids this socket owns (presence.ts); their states are removed when it leaves. */
  awarenessIds: Set<number>;
}

export interface LiveDoc {
  topicId: number;
  communityId: number;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  conns: Map<WebSocket, Conn>;
}

const live = new Map<number, LiveDoc>();

function compactEvery(): number {
  const n = Number(process.env.DRAFT_COMPACT_EVERY ?? 500);
  return Number.isInteger(n) && n > 0 ? n : 500;
}

/** Topic ids whose document is in memory (for tests and health checks). */
export function documentsInMemory(): number[] {
  return [...live.keys()];
}

export function liveDocuments(): Iterable<LiveDoc> {
  return live.values();
}

export function send(conn: Conn, message: Uint8Array): void {
  if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(message);
}

function broadcast(entry: LiveDoc, message: Uint8Array, except?: Conn): void {
  for (const conn of entry.conns.values()) if (conn !== except) send(conn, message);
}

function isConn(origin: unknown): origin is Conn {
  return typeof origin === "object" && origin !== null && "ws" in origin && "awarenessIds" in origin;
}

/**
 * Every update the document accepts is committed to the store first, then relayed: a relayed update
 * is never lost. If storing fails the document is dropped from memory (it is reloaded from the store
 * by the next connection) and its sockets are closed.
 */
function onDocUpdate(entry: LiveDoc, update: Uint8Array, origin: unknown): void {
  let logLength: number;
  try {
    logLength = appendDraftUpdate({ topicId: entry.topicId, update, userId: isConn(origin) ? origin.userId : null });
  } catch (error) {
    logger.error({ err: error, topicId: entry.topicId }, "yjs: storing an update failed; unloading the document");
    discardDocument(entry, "store failed");
    return;
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  broadcast(entry, encoding.toUint8Array(encoder), isConn(origin) ? origin : undefined);
  if (logLength >= compactEvery()) compact(entry.topicId);
}

function onAwarenessUpdate(entry: LiveDoc, changes: { added: number[]; updated: number[]; removed: number[] }): void {
  const changed = [...changes.added, ...changes.updated, ...changes.removed];
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(entry.awareness, changed));
  broadcast(entry, encoding.toUint8Array(encoder));
}

function compact(topicId: number): void {
  try {
    compactDraft(topicId);
  } catch (error) {
    logger.error({ err: error, topicId }, "yjs: compaction failed");
  }
}

/** The topic's document, loaded from the store (or created from the proposal template) if not in memory. */
export function openDocument(topicId: number, communityId: number): LiveDoc {
  const existing = live.get(topicId);
  if (existing) return existing;
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  try {
    awareness.setLocalState(null);
    Y.applyUpdate(doc, ensureDraftDocument(topicId, templateUpdate));
    const entry: LiveDoc = { topicId, communityId, doc, awareness, conns: new Map() };
    doc.on("update", (update: Uint8Array, origin: unknown) => onDocUpdate(entry, update, origin));
    awareness.on("update", (changes: { added: number[]; updated: number[]; removed: number[] }) => onAwarenessUpdate(entry, changes));
    live.set(topicId, entry);
    return entry;
  } catch (error) {
    awareness.destroy();
    doc.destroy();
    throw error;
  }
}

/**
 * Drops a document from memory without compacting it: every socket on it is ended (what it still sends
 * is ignored; its client reconnects) and the next connection loads the document afresh from the store.
 */
export function discardDocument(entry: LiveDoc, reason: string): void {
  unload(entry, false);
  for (const conn of [...entry.conns.values()]) endConnection(entry, conn, 1011, reason);
}

/** Leaves memory: compacts (when asked), removes listeners and destroys the document. */
function unload(entry: LiveDoc, compactFirst: boolean): void {
  if (live.get(entry.topicId) !== entry) return;
  try {
    if (compactFirst) compact(entry.topicId);
  } finally {
    live.delete(entry.topicId);
    entry.awareness.destroy();
    entry.doc.destroy();
  }
}

/** A socket left: its awareness states go, and the last one out unloads the document. */
export function releaseConnection(entry: LiveDoc, conn: Conn): void {
  if (!entry.conns.delete(conn.ws)) return;
  if (conn.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(entry.awareness, [...conn.awarenessIds], null);
  if (entry.conns.size === 0) unload(entry, true);
}

/**
 * Ends a socket on the server's side (session ended, access lost): it leaves the document at once, so
 * it gets no more updates and its awareness goes, and whatever it still sends is ignored.
 */
export function endConnection(entry: LiveDoc, conn: Conn, code: number, reason: string): void {
  if (conn.ended) return;
  conn.ended = true;
  conn.canEdit = false;
  releaseConnection(entry, conn);
  conn.ws.close(code, reason);
}

/** Closes every socket and unloads every document (server shutdown). */
export function closeAllDocuments(): void {
  for (const entry of [...live.values()]) {
    for (const conn of [...entry.conns.values()]) {
      conn.ws.terminate();
      releaseConnection(entry, conn);
    }
    unload(entry, true);
  }
}
