// What one client may hold open at once: drafting websockets and meeting event streams, per session
// and per address, refused with 429 beyond; and a closed stream leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startServer, type RunningServer } from "../../server/app";
import { committedListeners } from "~/models/committed-events.server";
import { rawSocket, topicIn, upgradeStatus, waitFor, wsBase } from "./support/collab";
import { meetingInSession } from "./support/meeting";
import { eventReader } from "./support/sse";

process.env.YJS_MAX_SOCKETS_PER_SESSION = "3";
process.env.YJS_MAX_SOCKETS_PER_ADDRESS = "5";
process.env.EVENTS_MAX_STREAMS_PER_SESSION = "3";
process.env.EVENTS_MAX_STREAMS_PER_ADDRESS = "6";

let server: RunningServer;
let meetingId: number;
beforeAll(async () => {
  server = await startServer({ port: 0, host: "127.0.0.1" });
  ({ meetingId } = meetingInSession({ title: "上限测试会议", motions: [{ text: "东门增设路灯。" }] }));
});
afterAll(async () => {
  await server?.close();
});

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/login`, { method: "POST", redirect: "manual", headers: { Origin: url }, body: new URLSearchParams({ username, password: "demo1234", redirectTo: "/" }) });
  if (res.status !== 302) throw new Error(`login as ${username}: ${res.status}`);
  return res.headers.getSetCookie().find((c) => c.startsWith("yst_session="))!.split(";")[0];
}

interface Stream {
  status: number;
  close: () => void;
}

/** The meeting's event stream; when it is open, resolved once its first event has come. */
async function stream(url: string, cookie?: string, { read = true } = {}): Promise<Stream> {
  const abort = new AbortController();
  const res = await fetch(`${url}/c/mingyue/meetings/${meetingId}/events`, { headers: cookie ? { cookie } : {}, signal: abort.signal });
  if (res.status === 200 && read) await eventReader(res.body!).next();
  if (res.status !== 200) expect(await res.text()).toBe("Too Many Requests");
  return { status: res.status, close: () => abort.abort() };
}

describe("drafting websockets", () => {
  it("are capped per session and per address (429 before anything is accepted), and a closed one frees its place", async () => {
    const topic = topicIn("drafting");
    const url = `${wsBase(server.url)}/topic-${topic}`;
    const first = await login(server.url, "committee1");
    const second = await login(server.url, "committee2");
    const third = await login(server.url, "committee1");
    const held: WebSocket[] = [];
    for (let i = 0; i < 3; i++) held.push(await rawSocket(server.url, topic, first));
    expect(await upgradeStatus(url, { cookie: first, origin: server.url })).toBe(429);
    for (let i = 0; i < 2; i++) held.push(await rawSocket(server.url, topic, second));
    expect(server.openSockets()).toBe(5);
    // A new session from the same address: the address is full.
    expect(await upgradeStatus(url, { cookie: third, origin: server.url })).toBe(429);
    // Refusals hold nothing; an unauthenticated upgrade is still told 401 first.
    expect(await upgradeStatus(url, { origin: server.url })).toBe(401);
    expect(server.openSockets()).toBe(5);
    held.shift()!.close();
    await waitFor(() => server.openSockets() === 4, "the closed socket's place is free");
    expect(await upgradeStatus(url, { cookie: first, origin: server.url })).toBe(101);
    for (const ws of held) ws.close();
    await waitFor(() => server.openSockets() === 0, "every socket's place is free");
  });
});

describe("meeting event streams", () => {
  it("are capped per address for anonymous viewers, and a closed one frees its place", async () => {
    const open: Stream[] = [];
    for (let i = 0; i < 6; i++) open.push(await stream(server.url));
    expect(open.map((s) => s.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await stream(server.url)).status).toBe(429);
    open.shift()!.close();
    await waitFor(() => server.openStreams() === 5, "the closed stream's place is free");
    const again = await stream(server.url);
    expect(again.status).toBe(200);
    for (const s of [...open, again]) s.close();
    await waitFor(() => server.openStreams() === 0, "every stream's place is free");
  });

  it("are capped per session for signed-in people; another session has its own", async () => {
    const first = await login(server.url, "resident1");
    const second = await login(server.url, "resident2");
    const open: Stream[] = [];
    for (let i = 0; i < 3; i++) open.push(await stream(server.url, first));
    expect((await stream(server.url, first)).status).toBe(429);
    const other = await stream(server.url, second);
    expect(other.status).toBe(200);
    for (const s of [...open, other]) s.close();
    await waitFor(() => server.openStreams() === 0, "every stream's place is free");
  });

  it("hold no place when refused for another reason (404)", async () => {
    for (let i = 0; i < 8; i++) expect((await fetch(`${server.url}/c/mingyue/meetings/999999/events`)).status).toBe(404);
    expect(server.openStreams()).toBe(0);
    expect((await stream(server.url)).status).toBe(200);
  });
});

describe("2,000 streams opened and closed", () => {
  it("leave no listener and no place behind (close() clears the keep-alive timer with the listener)", async () => {
    process.env.EVENTS_MAX_STREAMS_PER_ADDRESS = "100000";
    const roomy = await startServer({ port: 0, host: "127.0.0.1" });
    try {
      const before = committedListeners("meetingChanged");
      let opened = 0;
      // 20 at a time; half are closed after their first event, half as soon as the answer starts.
      await Promise.all(
        Array.from({ length: 20 }, async (_, worker) => {
          for (let i = 0; i < 100; i++) {
            const s = await stream(roomy.url, undefined, { read: (worker + i) % 2 === 0 });
            expect(s.status).toBe(200);
            opened++;
            s.close();
          }
        }),
      );
      expect(opened).toBe(2000);
      await waitFor(() => roomy.openStreams() === 0 && committedListeners("meetingChanged") === before, "every stream released", 15_000).catch((error: Error) => {
        // Say which of the two was left behind, and how many.
        throw new Error(`${error.message}: ${roomy.openStreams()} places held, ${committedListeners("meetingChanged") - before} listeners left`);
      });
    } finally {
      await roomy.close();
    }
  }, 120_000);
});
