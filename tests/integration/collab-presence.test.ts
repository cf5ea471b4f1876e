// Presence on the drafting socket cannot be forged: the server sets who someone is and whether they
// edit, takes entries only for a socket's own client ids, and refuses oversized states.
import { eq } from "drizzle-orm";
import * as encoding from "lib0/encoding";
import type WebSocket from "ws";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { users } from "../../db/schema";
import { colorForUser } from "~/components/draft/colors";
import { advanceTopic } from "~/models/workflow.server";
import { closed, connectClient, rawSocket, topicIn, waitFor, type Client } from "./support/collab";
import { communityId, userId } from "./support/db";
import { signedIn, useServer } from "./support/http";

const http = useServer();
const as = signedIn(http);
const open: Array<Client | WebSocket> = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

async function client(topicId: number, username: string): Promise<Client> {
  const c = await connectClient(http.url, topicId, await as(username));
  open.push(c);
  return c;
}
async function raw(topicId: number, username: string): Promise<WebSocket> {
  const ws = await rawSocket(http.url, topicId, await as(username));
  ws.on("error", () => {});
  open.push(ws);
  return ws;
}

const displayName = (username: string) => getDb().select({ name: users.displayName }).from(users).where(eq(users.username, username)).get()!.name;
const identity = (username: string, editing: boolean) => ({ name: displayName(username), color: colorForUser(userId(username)), editing });

type Entry = [clientId: number, clock: number, state: Record<string, unknown> | null];

/** An awareness message of the y-websocket protocol, made by hand. */
function awarenessFrame(entries: Entry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(update, id);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, 1);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

const openSockets = (topicId: number) => http.collab.document(`topic-${topicId}`)?.conns.size ?? 0;
const stateOf = (observer: Client, id: number) => observer.provider.awareness.getStates().get(id);
const fenceSeen = (observer: Client, marker: string) => [...observer.provider.awareness.getStates().values()].some((s) => s.fence === marker);

describe("presence on the drafting socket", () => {
  it("a Tiptap-like editor's presence reaches the others with the server's name, colour and editing flag, and its cursor", async () => {
    const topic = topicIn("drafting");
    const editor = await client(topic, "committee1");
    const observer = await client(topic, "committee2");
    const cursor = { anchor: { type: { client: 1, clock: 0 }, tname: null, item: null, assoc: 0 }, head: { type: { client: 1, clock: 0 }, tname: null, item: null, assoc: 0 } };
    editor.provider.awareness.setLocalStateField("user", { name: "别人的名字", color: "#000000" });
    editor.provider.awareness.setLocalStateField("cursor", cursor);
    await waitFor(() => stateOf(observer, editor.doc.clientID)?.cursor !== undefined, "the editor's presence");
    expect(stateOf(observer, editor.doc.clientID)).toEqual({ user: identity("committee1", true), cursor });
  });

  it("a read-only member shows under their own name, as reading, without a cursor", async () => {
    const topic = topicIn("drafting");
    const reader = await client(topic, "resident1");
    const observer = await client(topic, "committee1");
    reader.provider.awareness.setLocalState({ user: { name: "committee2 (正在编辑)", color: "#b91c1c", editing: true }, cursor: { anchor: 1, head: 1 }, fence: "reader" });
    await waitFor(() => fenceSeen(observer, "reader"), "the reader's presence");
    expect(stateOf(observer, reader.doc.clientID)).toEqual({ user: identity("resident1", false), fence: "reader" });
    const names = [...observer.provider.awareness.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name);
    expect(names.filter((n) => n?.includes("committee2"))).toEqual([]);
  });

  for (const attackerName of ["resident1", "committee2"]) {
    it(`${attackerName} cannot overwrite or remove another person's entry`, async () => {
      const topic = topicIn("drafting");
      const victim = await client(topic, "committee1");
      const observer = await client(topic, "convener1");
      victim.provider.awareness.setLocalStateField("fence", "victim");
      await waitFor(() => fenceSeen(observer, "victim"), "the victim's presence");
      const before = stateOf(observer, victim.doc.clientID);
      const clock = victim.provider.awareness.meta.get(victim.doc.clientID)!.clock;
      const attacker = await raw(topic, attackerName);
      attacker.send(awarenessFrame([[victim.doc.clientID, clock + 5, { user: { name: "假冒", color: "#000", editing: true } }]]));
      attacker.send(awarenessFrame([[victim.doc.clientID, clock + 6, null]]));
      // Its own entry after them: once the observer has it, the server has dealt with both.
      attacker.send(awarenessFrame([[424242, 1, { fence: "attacker" }]]));
      await waitFor(() => fenceSeen(observer, "attacker"), "the attacker's own presence");
      expect(stateOf(observer, victim.doc.clientID)).toEqual(before);
      expect(stateOf(observer, 424242)).toEqual({ user: identity(attackerName, attackerName === "committee2"), fence: "attacker" });
    });
  }

  it("a 900 KB presence closes its socket (1009) and reaches no one", async () => {
    const topic = topicIn("drafting");
    const editor = await client(topic, "committee1");
    const observer = await client(topic, "committee2");
    let seen = false;
    observer.provider.awareness.on("change", ({ added, updated }: { added: number[]; updated: number[] }) => {
      if (added.includes(31337) || updated.includes(31337)) seen = true;
    });
    const attacker = await raw(topic, "committee1");
    const done = closed(attacker);
    attacker.send(awarenessFrame([[31337, 1, { user: { name: "x" }, pad: "啊".repeat(300_000) }]]));
    expect(await done).toBe(1009);
    // Anything relayed to the observer went out before this later change of another socket.
    editor.provider.awareness.setLocalStateField("fence", "after-big");
    await waitFor(() => fenceSeen(observer, "after-big"), "a later presence");
    expect(seen).toBe(false);
  });

  it("a socket speaks for two client ids at most; another socket of the same person may take one over, someone else's may not", async () => {
    const topic = topicIn("drafting");
    const observer = await client(topic, "convener1");
    const first = await raw(topic, "committee1");
    first.send(awarenessFrame([[501, 1, { fence: "501" }], [502, 1, { fence: "502" }], [503, 1, { fence: "503" }]]));
    await waitFor(() => fenceSeen(observer, "502"), "the second id");
    expect(stateOf(observer, 501)).toBeDefined();
    expect(stateOf(observer, 503)).toBeUndefined();
    const other = await raw(topic, "committee2");
    other.send(awarenessFrame([[501, 2, { fence: "stolen" }]]));
    other.send(awarenessFrame([[601, 1, { fence: "other" }]]));
    await waitFor(() => fenceSeen(observer, "other"), "the other person's own id");
    expect(stateOf(observer, 501)?.fence).toBe("501");
    const again = await raw(topic, "committee1");
    again.send(awarenessFrame([[501, 3, { fence: "reconnected" }]]));
    await waitFor(() => stateOf(observer, 501)?.fence === "reconnected", "the same person's new socket");
    // The old socket no longer owns it: its leaving does not take the entry away.
    let removed = false;
    observer.provider.awareness.on("change", ({ removed: gone }: { removed: number[] }) => {
      if (gone.includes(501)) removed = true;
    });
    first.close();
    await waitFor(() => openSockets(topic) === 3, "the server let the old socket go");
    again.send(awarenessFrame([[501, 4, { fence: "still here" }]]));
    await waitFor(() => stateOf(observer, 501)?.fence === "still here", "the entry after the old socket left");
    expect(removed).toBe(false);
  });

  it("two tabs of one person echo each other's presence without taking it: closing one leaves the other's entry", async () => {
    const topic = topicIn("drafting");
    const observer = await client(topic, "committee2");
    const tabA = await client(topic, "committee1");
    const tabB = await client(topic, "committee1");
    tabA.provider.awareness.setLocalStateField("fence", "A");
    tabB.provider.awareness.setLocalStateField("fence", "B");
    await waitFor(() => fenceSeen(observer, "A") && fenceSeen(observer, "B") && fenceSeen(tabB, "A") && fenceSeen(tabA, "B"), "both tabs seen everywhere");
    let removed = false;
    observer.provider.awareness.on("change", ({ removed: gone }: { removed: number[] }) => {
      if (gone.includes(tabA.doc.clientID)) removed = true;
    });
    tabB.close();
    await waitFor(() => openSockets(topic) === 2, "the server let tab B go");
    // A removal sent when B left went out before this.
    tabA.provider.awareness.setLocalStateField("fence", "A again");
    await waitFor(() => fenceSeen(observer, "A again"), "tab A's next change");
    expect(removed).toBe(false);
  });

  it("a state that is not a JSON object closes the socket (1008)", async () => {
    const topic = topicIn("drafting");
    const ws = await raw(topic, "committee1");
    const done = closed(ws);
    ws.send(awarenessFrame([[777, 1, [1, 2] as unknown as Record<string, unknown>]]));
    expect(await done).toBe(1008);
  });

  it("an editor who becomes read-only (the topic is frozen) is shown as reading at once", async () => {
    const topic = topicIn("consulting");
    const editor = await client(topic, "committee1");
    const observer = await client(topic, "committee2");
    editor.provider.awareness.setLocalStateField("cursor", { anchor: 1, head: 1 });
    await waitFor(() => (stateOf(observer, editor.doc.clientID)?.user as { editing?: boolean } | undefined)?.editing === true, "shown as editing");
    advanceTopic({ topicId: topic, communityId: communityId("mingyue"), action: "freeze", actor: { userId: userId("committee1"), roles: ["committee"] } });
    await waitFor(() => (stateOf(observer, editor.doc.clientID)?.user as { editing?: boolean } | undefined)?.editing === false, "shown as reading");
    expect(stateOf(observer, editor.doc.clientID)).toEqual({ user: identity("committee1", false) });
  });
});
