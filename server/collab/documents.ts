import type { WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { logger } from "../logger";
import type { CollabHooks, Connection, LiveDocument } from "./hooks";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

type Changes = { added: number[]; updated: number[]; removed: number[] };

export function send<Ctx>(conn: Connection<Ctx>, message: Uint8Array): void {
  if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(message);
}

function broadcast<Ctx>(entry: LiveDocument<Ctx>, message: Uint8Array, except?: Connection<Ctx>): void {
  for (const conn of entry.conns.values()) if (conn !== except) send(conn, message);
}

function isConnection<Ctx>(origin: unknown): origin is Connection<Ctx> {
  return typeof origin === "object" && origin !== null && "ws" in origin && "awarenessIds" in origin;
}

/** The documents in memory, by name, and what happens to them: load, store-then-relay, unload. */
export class Documents<Ctx> {
  private readonly live = new Map<string, LiveDocument<Ctx>>();

  constructor(private readonly hooks: CollabHooks<Ctx>) {}

  get(name: string): LiveDocument<Ctx> | undefined {
    return this.live.get(name);
  }

  all(): Iterable<LiveDocument<Ctx>> {
    return this.live.values();
  }

  /** The named document, loaded through onLoadDocument if it is not in memory. Throws if loading fails. */
  open(name: string, context: Ctx): LiveDocument<Ctx> {
    const existing = this.live.get(name);
    if (existing) return existing;
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    try {
      awareness.setLocalState(null);
      Y.applyUpdate(doc, this.hooks.onLoadDocument(name, context));
      const entry: LiveDocument<Ctx> = { name, doc, awareness, conns: new Map<WebSocket, Connection<Ctx>>() };
      doc.on("update", (update: Uint8Array, origin: unknown) => this.onDocUpdate(entry, update, origin));
      awareness.on("update", (changes: Changes, origin: unknown) => this.onAwarenessUpdate(entry, changes, origin));
      this.live.set(name, entry);
      return entry;
    } catch (error) {
      awareness.destroy();
      doc.destroy();
      throw error;
    }
  }

  /**
   * Every update the document accepts is stored first (onStoreDocument), then relayed: a relayed
   * update is never lost. If storing fails the document is dropped from memory (the next connection
   * loads it afresh) and its sockets are closed.
   */
  private onDocUpdate(entry: LiveDocument<Ctx>, update: Uint8Array, origin: unknown): void {
    const from = isConnection<Ctx>(origin) ? origin : null;
    let afterRelay: void | (() => void);
    try {
      afterRelay = this.hooks.onStoreDocument(entry, update, from);
    } catch (error) {
      logger.error({ err: error, document: entry.name }, "yjs: storing an update failed; unloading the document");
      this.discard(entry, "store failed");
      return;
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    broadcast(entry, encoding.toUint8Array(encoder), from ?? undefined);
    afterRelay?.();
  }

  /** Relays every awareness change; a socket's own changes mark the client ids it speaks for. */
  private onAwarenessUpdate(entry: LiveDocument<Ctx>, changes: Changes, origin: unknown): void {
    if (isConnection<Ctx>(origin)) for (const id of [...changes.added, ...changes.updated]) origin.awarenessIds.add(id);
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    broadcast(entry, awarenessMessage(entry, changed));
  }

  /**
   * Drops a document from memory without beforeUnloadDocument: every socket on it is ended (what it
   * still sends is ignored; its client reconnects) and the next connection loads it afresh.
   */
  discard(entry: LiveDocument<Ctx>, reason: string): void {
    this.unload(entry, false);
    for (const conn of [...entry.conns.values()]) this.end(conn, 1011, reason);
  }

  /** Leaves memory: beforeUnloadDocument (when orderly), listeners removed, the document destroyed. */
  private unload(entry: LiveDocument<Ctx>, orderly: boolean): void {
    if (this.live.get(entry.name) !== entry) return;
    try {
      if (orderly) this.hooks.beforeUnloadDocument?.(entry);
    } finally {
      this.live.delete(entry.name);
      entry.awareness.destroy();
      entry.doc.destroy();
    }
  }

  /** A socket left: its awareness states go, and the last one out unloads the document. */
  release(conn: Connection<Ctx>): void {
    const entry = conn.document;
    if (!entry.conns.delete(conn.ws)) return;
    if (conn.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(entry.awareness, [...conn.awarenessIds], null);
    this.hooks.onDisconnect?.(conn);
    if (entry.conns.size === 0) this.unload(entry, true);
  }

  /**
   * Ends a socket on the server's side: it leaves the document at once, so it gets no more updates and
   * its awareness goes, and whatever it still sends is ignored.
   */
  end(conn: Connection<Ctx>, code: number, reason: string): void {
    if (conn.ended) return;
    conn.ended = true;
    conn.readOnly = true;
    this.release(conn);
    conn.ws.close(code, reason);
  }

  /** Closes every socket and unloads every document (server shutdown). */
  closeAll(): void {
    for (const entry of [...this.live.values()]) {
      for (const conn of [...entry.conns.values()]) {
        conn.ws.terminate();
        this.release(conn);
      }
      this.unload(entry, true);
    }
  }
}

/** An awareness message carrying the states of `clients`. */
export function awarenessMessage<Ctx>(entry: LiveDocument<Ctx>, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(entry.awareness, clients));
  return encoding.toUint8Array(encoder);
}
