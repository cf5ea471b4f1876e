import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";

export type DraftStatus = "saved" | "syncing" | "reconnecting";
export interface Presence {
  clientId: number;
  name: string;
  color: string;
  /** Set by the server from the person's access, never by their browser. */
  editing: boolean;
  self: boolean;
}

interface Connection {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/**
 * The shared document and its websocket provider, created in the browser only (Node has no
 * WebSocket) and torn down when the page goes. Yjs and y-websocket are imported here lazily so they
 * ship in the drafting page's chunk only.
 */
export function useDraftConnection(topicId: number, user: { name: string; color: string; editing: boolean }) {
  const [connection, setConnection] = useState<Connection | null>(null);
  const [status, setStatus] = useState<DraftStatus>("syncing");
  const [synced, setSynced] = useState(false);
  const [presence, setPresence] = useState<Presence[]>([]);

  useEffect(() => {
    let cancelled = false;
    let cleanup = () => {};
    void Promise.all([import("yjs"), import("y-websocket")]).then(([Yjs, { WebsocketProvider: Provider }]) => {
      if (cancelled) return;
      const doc = new Yjs.Doc();
      const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/yjs`;
      const provider = new Provider(url, `topic-${topicId}`, doc);
      provider.awareness.setLocalStateField("user", user);
      let pending: ReturnType<typeof setTimeout> | undefined;
      const settle = () => {
        if (!provider.wsconnected) return setStatus("reconnecting");
        if (!provider.synced) return setStatus("syncing");
        // y-websocket does not acknowledge updates: "saved" once the socket has sent everything; while
        // bytes are still buffered, look again shortly (nothing else would say when they have gone).
        if (provider.ws && provider.ws.bufferedAmount > 0) {
          setStatus("syncing");
          clearTimeout(pending);
          pending = setTimeout(settle, 200);
          return;
        }
        setStatus("saved");
      };
      provider.on("status", settle);
      provider.on("sync", (isSynced: boolean) => {
        if (isSynced) setSynced(true);
        settle();
      });
      provider.on("connection-close", () => setStatus("reconnecting"));
      const onUpdate = (_update: Uint8Array, origin: unknown) => {
        if (origin === provider) return;
        setStatus("syncing");
        clearTimeout(pending);
        pending = setTimeout(settle, 400);
      };
      doc.on("update", onUpdate);
      const onAwareness = () => {
        const people: Presence[] = [];
        provider.awareness.getStates().forEach((state, clientId) => {
          const u = state.user as { name?: unknown; color?: unknown; editing?: unknown } | undefined;
          if (typeof u?.name === "string" && typeof u.color === "string") people.push({ clientId, name: u.name, color: u.color, editing: u.editing === true, self: clientId === doc.clientID });
        });
        setPresence(people);
      };
      provider.awareness.on("change", onAwareness);
      onAwareness();
      setConnection({ doc, provider });
      cleanup = () => {
        clearTimeout(pending);
        provider.awareness.off("change", onAwareness);
        doc.off("update", onUpdate);
        provider.destroy();
        doc.destroy();
      };
    });
    return () => {
      cancelled = true;
      cleanup();
    };
    // The user's name and colour are fixed for the page's life: only the topic reconnects.
  }, [topicId]);

  return { connection, status, synced, presence };
}
