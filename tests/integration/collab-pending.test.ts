// An update that refers to state the document does not have (structs after a gap, deletions of items
// it never saw) is refused and nothing of it is kept. Yjs would keep such an update aside as "pending"
// and merge it into the sync step 2 every newcomer receives; after the 10,000 hostile frames of
// collab-fuzz that merged update could no longer be applied, so no one new could join the draft.
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDraftText } from "~/models/draft-store.server";
import { appendParagraph, closed, connectClient, rawSocket, topicIn, updateFrame, waitFor, type Client } from "./support/collab";
import { useServer } from "./support/http";

const http = useServer();
let topic: number;
let editor: Client;
let cookie: string;

beforeAll(async () => {
  topic = topicIn("drafting");
  cookie = await http.login("committee1");
  editor = await connectClient(http.url, topic, cookie);
});
afterAll(() => editor?.close());

/** Two edits by one client, the second after the first: returns the second alone. */
function updateAfterGap(): Uint8Array {
  const doc = new Y.Doc();
  appendParagraph(doc, "先写的一段(从未发出)");
  const before = Y.encodeStateVector(doc);
  appendParagraph(doc, "后写的一段");
  return Y.encodeStateAsUpdate(doc, before);
}

/** Only a deletion, of items no one ever sent. */
function danglingDeletion(): Uint8Array {
  const doc = new Y.Doc();
  appendParagraph(doc, "从未发出的一段");
  const before = Y.encodeStateVector(doc);
  const fragment = doc.getXmlFragment("default");
  fragment.delete(0, fragment.length);
  return Y.encodeStateAsUpdate(doc, before);
}

function serverPending(): { structs: boolean; deletions: boolean } {
  const entry = http.collab.document(`topic-${topic}`)!;
  return { structs: entry.doc.store.pendingStructs !== null, deletions: entry.doc.store.pendingDs !== null };
}

describe("updates that refer to missing state", () => {
  for (const [name, make] of [
    ["structs after a gap", updateAfterGap],
    ["a deletion of unknown items", danglingDeletion],
  ] as const) {
    it(`${name}: the socket is closed (1008) and nothing is kept for newcomers`, async () => {
      const update = make();
      // The update really is one Yjs keeps aside: applied to a copy of the draft, it stays pending.
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(editor.doc));
      Y.applyUpdate(copy, update);
      expect(copy.store.pendingStructs !== null || copy.store.pendingDs !== null).toBe(true);

      const ws = await rawSocket(http.url, topic, cookie);
      const done = closed(ws);
      ws.send(updateFrame(update));
      expect(await done).toBe(1008);
      expect(serverPending()).toEqual({ structs: false, deletions: false });

      const newcomer = await connectClient(http.url, topic, await http.login("convener1"));
      try {
        expect(newcomer.doc.store.pendingStructs).toBeNull();
        expect(newcomer.doc.store.pendingDs).toBeNull();
        expect(newcomer.text()).toBe(editor.text());
      } finally {
        newcomer.close();
      }
      // The draft goes on: an ordinary edit is stored and reaches the others.
      const line = `之后的正常修改 ${name}`;
      appendParagraph(editor.doc, line);
      await waitFor(() => getDraftText(topic).includes(line), "the edit after the refusal stored");
    });
  }

  it("a sync step 2 with structs after a gap keeps its socket (a client holding such state could never stay in) and leaves nothing", async () => {
    const ws = await rawSocket(http.url, topic, cookie);
    let closedAt: number | null = null;
    ws.on("close", (code) => (closedAt = code));
    ws.send(updateFrame(updateAfterGap(), 1));
    // Asked for presence afterwards, the server answers on the same socket: it was kept.
    const answered = new Promise<boolean>((resolve) => ws.on("message", (data: Buffer) => data[0] === 1 && resolve(true)));
    ws.send(Uint8Array.from([3]));
    expect(await answered).toBe(true);
    expect(closedAt).toBeNull();
    expect(serverPending()).toEqual({ structs: false, deletions: false });
    ws.close();
  });
});
