// A minimal y-websocket protocol client for the benchmarks that drive the real collaborative server:
// connect with a session cookie, sync (our step 1, the server's step 2), send updates, close.
import WebSocket from "ws";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

const MESSAGE_SYNC = 0;

export interface SyncedClient {
  ws: WebSocket;
  doc: Y.Doc;
  /** Resolves once the server has acknowledged every update sent so far (a round trip behind them). */
  flush: () => Promise<void>;
  close: () => Promise<void>;
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Opens `/yjs/topic-<id>` on `origin` as the cookie's owner; resolves once the document is synced. */
export function openSynced(origin: string, topicId: number, cookie: string): Promise<SyncedClient> {
  const ws = new WebSocket(`${origin.replace(/^http/, "ws")}/yjs/topic-${topicId}`, { headers: { cookie }, origin });
  const doc = new Y.Doc();
  const pending: Array<() => void> = [];
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== ws) ws.send(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
  });
  return new Promise((resolve, reject) => {
    let synced = false;
    ws.once("error", reject);
    ws.once("open", () => ws.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, doc))));
    ws.on("message", (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
      const type = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (type === syncProtocol.messageYjsSyncStep1) return; // we send everything we have anyway
      Y.applyUpdate(doc, payload, ws);
      if (type !== syncProtocol.messageYjsSyncStep2) return;
      if (synced) pending.shift()?.();
      else {
        synced = true;
        resolve({ ws, doc, flush, close });
      }
    });
  });

  // Messages on one socket are handled in order, so the answer to a step 1 sent now comes after
  // every update sent before it has been applied (and stored).
  function flush(): Promise<void> {
    return new Promise((resolve) => {
      pending.push(resolve);
      ws.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, doc)));
    });
  }

  function close(): Promise<void> {
    return new Promise((resolve) => {
      if (ws.readyState === ws.CLOSED) return resolve();
      ws.once("close", () => resolve());
      ws.close();
      doc.destroy();
    });
  }
}
