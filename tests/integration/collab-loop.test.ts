// The protocol loop of server/collab is generic: here it runs with a tiny hooks object of this test's
// own (documents in memory, anyone whose URL names them let in, "reader…" read-only) on a bare
// node:http server, and real y-websocket providers sync through it. None of the app's hooks is used.
import http from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CollabHooks } from "../../server/collab/hooks";
import { createCollabServer, type CollabServer } from "../../server/collab/server";
import { closed, updateFrame, upgradeStatus, waitFor } from "./support/collab";

interface Who {
  user: string;
}

const stored = new Map<string, Uint8Array[]>();
const left: string[] = [];
let failStores = false;
let throwOnAuthenticate = false;

const hooks: CollabHooks<Who> = {
  onAuthenticate: (req) => {
    if (throwOnAuthenticate) throw new Error("the directory is down");
    const url = new URL(req.url ?? "/", "http://loop");
    const user = url.searchParams.get("user");
    if (!user) return { ok: false, status: 401 };
    if (user === "stranger") return { ok: false, status: 403 };
    return { ok: true, documentName: url.pathname.slice(1), context: { user }, readOnly: user.startsWith("reader") };
  },
  onLoadDocument: (name) => Y.mergeUpdates(stored.get(name) ?? [Y.encodeStateAsUpdate(new Y.Doc())]),
  onStoreDocument: (entry, update) => {
    if (failStores) throw new Error("disk full");
    stored.set(entry.name, [...(stored.get(entry.name) ?? []), update]);
  },
  onDisconnect: (conn) => {
    left.push(conn.context.user);
  },
};

let server: http.Server;
let collab: CollabServer<Who>;
let base: string;
const open: Array<{ provider: WebsocketProvider; doc: Y.Doc }> = [];

beforeAll(async () => {
  collab = createCollabServer(hooks, { maxPayload: 64 * 1024, pingMs: 30_000 });
  server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => collab.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  for (const { provider, doc } of open.splice(0)) {
    provider.destroy();
    doc.destroy();
  }
  failStores = false;
  throwOnAuthenticate = false;
});
afterAll(async () => {
  collab.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function client(room: string, user: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(base, room, doc, { params: { user }, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, resyncInterval: -1 });
  open.push({ provider, doc });
  await waitFor(() => provider.synced, `${user} synced on ${room}`);
  return { doc, provider, text: () => doc.getText("t").toString() };
}

describe("the protocol loop with a hooks object of its own", () => {
  it("syncs two y-websocket clients, storing each update before anyone receives it", async () => {
    const alice = await client("notes", "alice");
    const bob = await client("notes", "bob");
    const storedWhenBobGotIt: number[] = [];
    bob.doc.on("update", () => storedWhenBobGotIt.push(stored.get("notes")?.length ?? 0));
    alice.doc.getText("t").insert(0, "hello");
    await waitFor(() => bob.text() === "hello", "bob sees alice's text");
    bob.doc.getText("t").insert(5, " world");
    await waitFor(() => alice.text() === "hello world", "alice sees bob's text");
    expect(storedWhenBobGotIt[0]).toBeGreaterThan(0);
    expect(collab.documentNames()).toEqual(["notes"]);
  });

  it("unloads a document with its last socket, calls onDisconnect, and loads it again through onLoadDocument", async () => {
    const carol = await client("letters", "carol");
    carol.doc.getText("t").insert(0, "kept");
    await waitFor(() => (stored.get("letters")?.length ?? 0) > 0, "carol's edit stored");
    open.splice(0).forEach(({ provider, doc }) => (provider.destroy(), doc.destroy()));
    await waitFor(() => collab.document("letters") === undefined, "the document unloaded");
    expect(left).toContain("carol");
    const dave = await client("letters", "dave");
    expect(dave.text()).toBe("kept");
  });

  it("drops a read-only socket's edits: not applied, not stored, not relayed", async () => {
    const writer = await client("board", "erin");
    const reader = await client("board", "reader-frank");
    writer.doc.getText("t").insert(0, "from erin");
    await waitFor(() => reader.text() === "from erin", "the reader sees the writer's text");
    const before = stored.get("board")!.length;
    reader.doc.getText("t").insert(0, "from frank ");
    writer.doc.getText("t").insert(0, ">");
    await waitFor(() => stored.get("board")!.length === before + 1, "the writer's next edit stored");
    expect(collab.document("board")!.doc.getText("t").toString()).toBe(">from erin");
    expect(writer.text()).toBe(">from erin");
  });

  it("refuses an upgrade as onAuthenticate says, with a plain HTTP status and nothing accepted", async () => {
    expect(await upgradeStatus(`${base}/notes`, {})).toBe(401);
    expect(await upgradeStatus(`${base}/notes?user=stranger`, {})).toBe(403);
    throwOnAuthenticate = true;
    expect(await upgradeStatus(`${base}/notes?user=alice`, {})).toBe(500);
    expect(collab.document("notes")).toBeUndefined();
  });

  it("drops the document and closes its sockets (1011) when onStoreDocument fails: nothing unstored is relayed", async () => {
    const ws = new WebSocket(`${base}/ledger?user=grace`);
    await new Promise((resolve) => ws.once("open", resolve));
    await waitFor(() => collab.document("ledger") !== undefined, "the document open");
    const done = closed(ws);
    failStores = true;
    const edit = new Y.Doc();
    edit.getText("t").insert(0, "lost");
    ws.send(updateFrame(Y.encodeStateAsUpdate(edit)));
    expect(await done).toBe(1011);
    expect(collab.document("ledger")).toBeUndefined();
    expect(stored.get("ledger")).toBeUndefined();
  });
});
