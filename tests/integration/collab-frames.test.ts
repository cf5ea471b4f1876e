// Garbage and oversized frames close only the offending socket; the document and its other clients carry on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDraftText } from "~/models/draft-store.server";
import { appendParagraph, closed, connectClient, rawSocket, topicIn, waitFor, type Client } from "./support/collab";
import { useServer } from "./support/http";

process.env.YJS_MAX_FRAME_BYTES = String(64 * 1024);
process.env.YJS_PING_MS = "100";
const http = useServer();
let topic: number;
let editor: Client;
let watcher: Client;
let cookie: string;
let round = 0;

beforeAll(async () => {
  topic = topicIn("drafting");
  cookie = await http.login("committee1");
  editor = await connectClient(http.url, topic, cookie);
  watcher = await connectClient(http.url, topic, await http.login("committee2"));
});
afterAll(() => {
  editor?.close();
  watcher?.close();
});

/** The document still takes edits from the healthy client, stores them and relays them. */
async function stillHealthy() {
  const line = `仍然正常 ${++round}`;
  appendParagraph(editor.doc, line);
  await waitFor(() => watcher.text().includes(line), `relay of ${line}`);
  expect(getDraftText(topic)).toContain(line);
}

const frames: Array<[string, Uint8Array, number]> = [
  ["random bytes", Uint8Array.from([0x01, 0x05, 0xde, 0xad, 0xbe, 0xef, 0x42]), 1008],
  ["a truncated varint", Uint8Array.from([0x00, 0x80]), 1008],
  ["a sync message with nothing after its type", Uint8Array.from([0x00]), 1008],
  ["a step 1 longer than the frame", Uint8Array.from([0x00, 0x00, 0x05, 0x01]), 1008],
  ["an update Yjs cannot decode", Uint8Array.from([0x00, 0x02, 0x03, 0x05, 0x01, 0x02]), 1008],
  ["an unknown sync message", Uint8Array.from([0x00, 0x07, 0x00]), 1008],
  ["unknown message type 99", Uint8Array.from([99]), 1008],
];

describe("malformed frames", () => {
  for (const [name, bytes, code] of frames) {
    it(`${name} closes that connection only (${code})`, async () => {
      const ws = await rawSocket(http.url, topic, cookie);
      const done = closed(ws);
      ws.send(bytes);
      expect(await done).toBe(code);
      await stillHealthy();
    });
  }

  it("a text frame closes with 1003", async () => {
    const ws = await rawSocket(http.url, topic, cookie);
    const done = closed(ws);
    ws.send("hello");
    expect(await done).toBe(1003);
    await stillHealthy();
  });

  it("an oversized frame closes with 1009", async () => {
    const ws = await rawSocket(http.url, topic, cookie);
    ws.on("error", () => {});
    const done = closed(ws);
    ws.send(new Uint8Array(64 * 1024 + 1));
    expect(await done).toBe(1009);
    await stillHealthy();
  });

  it("a query-awareness frame is answered with the states present", async () => {
    editor.provider.awareness.setLocalStateField("name", "委员甲");
    const ws = await rawSocket(http.url, topic, cookie);
    await new Promise((r) => setTimeout(r, 50));
    const replies: Buffer[] = [];
    ws.on("message", (data: Buffer) => data[0] === 1 && replies.push(data));
    ws.send(Uint8Array.from([0x03]));
    await waitFor(() => replies.length > 0, "awareness reply");
    expect(replies[0].toString("utf8")).toContain("委员甲");
    ws.close();
    await stillHealthy();
  });

  it("a client that stops answering pings is dropped; live ones stay", async () => {
    const ws = await rawSocket(http.url, topic, cookie, { autoPong: false });
    expect(await closed(ws)).toBe(1006);
    await stillHealthy();
  });
});
