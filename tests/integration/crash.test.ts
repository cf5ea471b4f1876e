// Crash: the real server, in its own process, is killed with SIGKILL in the middle of a vote storm and
// in the middle of a 20-editor drafting session, then started again on the same database file.
// Whatever it acknowledged (a ballot's redirect) or relayed (a draft update another client received)
// must be there after the restart, nothing may appear that nobody sent, and the ledger must verify.
// The moment of the kill is random (a random count of acknowledgements), so repeated runs cut the
// storm at different places.
import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { closeDb, getDb } from "../../db/client.server";
import { loadDraftUpdate } from "~/models/draft-store.server";
import { verifyLedger } from "~/models/ledger.server";
import { connectClient, topicIn, waitFor } from "./support/collab";
import { communityId } from "./support/db";
import { addMembers, ballotRows, openMotion, startedMeeting } from "./support/meeting";
import { docOf, paragraphsByMarker, startTyping } from "./support/typing";
import { postForm, SERVER_STARTS_TIMEOUT, startServerProcess, type ServerProcess } from "./support/server-process";

const VOTERS = 150;
const EDITORS = 20;
const CHOICES = ["yes", "no", "abstain"] as const;
// The voters arrive over ~1.5 s rather than in one instant: the server then commits the storm in many
// group commits, so the kill lands between and inside them instead of after the last one.
const ARRIVAL_GAP_MS = 10;

const randomBetween = (low: number, high: number) => low + Math.floor(Math.random() * (high - low + 1));

let servers: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
});

async function serverProcess(): Promise<ServerProcess> {
  const server = await startServerProcess();
  servers.push(server);
  return server;
}

/** Once the killed server is gone, a new one on the same file (which recovers it from its WAL). */
async function crashAndRestart(server: ServerProcess): Promise<ServerProcess> {
  await server.exited;
  expect(server.child.signalCode).toBe("SIGKILL");
  const restarted = await serverProcess();
  expect((await fetch(`${restarted.url}/healthz`)).status).toBe(200);
  return restarted;
}

function expectLedgerIntact() {
  const verdict = verifyLedger({ communityId: communityId("mingyue") }, getDb());
  expect(verdict).toMatchObject({ ok: true });
}

describe("kill -9 during a vote storm", () => {
  it("keeps every acknowledged ballot, stores nothing unsent, and the ledger verifies", async () => {
    const voters = addMembers(VOTERS);
    const meeting = startedMeeting({ present: voters });
    const motionId = meeting.motionIds[0];
    openMotion(meeting.id, motionId);
    const sent = new Map(voters.map((v, i) => [v.id, CHOICES[i % CHOICES.length]]));
    // From here until the restart only the server has the file open, as in production.
    closeDb();

    const server = await serverProcess();
    // Within the first half of the acknowledgements: the later voters have not all sent yet.
    const killAt = randomBetween(10, VOTERS / 2);
    const agent = new http.Agent({ keepAlive: true, maxSockets: VOTERS });
    const acknowledged: number[] = [];
    const answers = await Promise.all(
      voters.map(async (v, i) => {
        await new Promise((r) => setTimeout(r, i * ARRIVAL_GAP_MS));
        const answer = await postForm(server.url, meeting.path, v.cookie, { intent: "vote", motionId: String(motionId), choice: sent.get(v.id)!, confirm: "on" }, agent);
        if (answer.status === 302) {
          acknowledged.push(v.id);
          if (acknowledged.length === killAt) server.killHard();
        }
        return answer;
      }),
    );
    agent.destroy();
    // Every answer is either the acknowledgement or a connection cut by the kill: no refusals, no 500s.
    expect(answers.filter((a) => a.status !== 302 && a.status !== 0), `kill after ${killAt} acknowledgements`).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAt);
    expect(acknowledged.length, "the storm was cut short").toBeLessThan(VOTERS);

    await crashAndRestart(server);
    const stored = new Map(ballotRows(motionId).map((b) => [b.userId, b.choice]));
    for (const id of acknowledged) expect(stored.get(id), `acknowledged ballot of user ${id} (kill after ${killAt})`).toBe(sent.get(id));
    for (const [id, choice] of stored) expect(choice, `stored ballot of user ${id} was sent`).toBe(sent.get(id));
    expectLedgerIntact();
  }, SERVER_STARTS_TIMEOUT);
});

/** Every clock of `covered` is reached by `by` (both state vectors). */
function uncovered(covered: Map<number, number>, by: Map<number, number>): Array<[number, number]> {
  return [...covered].filter(([client, clock]) => (by.get(client) ?? 0) < clock);
}

/** What the stored (or freshly served) document must hold: every update the observer was relayed. */
function expectContainsRelayed(doc: Y.Doc, relayed: Y.Doc, what: string) {
  expect(uncovered(Y.decodeStateVector(Y.encodeStateVector(relayed)), Y.decodeStateVector(Y.encodeStateVector(doc))), `${what}: clocks not covered`).toEqual([]);
  const stored = paragraphsByMarker(doc);
  for (const [marker, text] of paragraphsByMarker(relayed)) expect(stored.get(marker)?.startsWith(text), `${what}: ${marker} holds "${text}"`).toBe(true);
}

describe("kill -9 during a 20-editor drafting session", () => {
  it("keeps every update the server relayed, and the ledger verifies", async () => {
    const topicId = topicIn("drafting");
    const editors = addMembers(EDITORS, { roles: ["committee", "resident"] });
    const [reader] = addMembers(1, { roles: ["resident"] });
    // From here until the restart only the server has the file open, as in production.
    closeDb();

    // Each y-websocket provider in Node adds a process "exit" listener; 21 of them are expected here.
    process.setMaxListeners(EDITORS + 10);
    const server = await serverProcess();
    const observer = await connectClient(server.url, topicId, reader.cookie);
    // The observer's document holds only what the server sent it: the stored state and relayed updates.
    let relayedCount = 0;
    observer.doc.on("update", (_update: Uint8Array, origin: unknown) => {
      if (origin === observer.provider) relayedCount += 1;
    });
    const clients = await Promise.all(editors.map((e) => connectClient(server.url, topicId, e.cookie)));
    const typing = clients.map((c, i) => startTyping(c.doc, i + 1, randomBetween(30, 60)));
    const killAt = randomBetween(60, 300);
    try {
      await waitFor(() => relayedCount >= killAt, `${killAt} relayed updates`, 15_000);
      server.killHard();
    } finally {
      for (const t of typing) t.stop();
    }
    await server.exited;
    for (const c of clients) c.close();
    observer.provider.destroy();
    expect(paragraphsByMarker(observer.doc).size, "the observer saw editors typing").toBeGreaterThan(0);

    const restarted = await crashAndRestart(server);
    const stored = docOf(loadDraftUpdate(topicId)!);
    expectContainsRelayed(stored, observer.doc, `store after kill at ${killAt} relayed`);
    const fresh = await connectClient(restarted.url, topicId, editors[0].cookie);
    try {
      expectContainsRelayed(fresh.doc, observer.doc, "a fresh websocket after restart");
    } finally {
      fresh.close();
      observer.doc.destroy();
      stored.destroy();
    }
    expectLedgerIntact();
  }, SERVER_STARTS_TIMEOUT);
});
