// Fan-out latency of one writer's small updates to N readers on one document: our collaborative
// server (auth, access checks, store-before-relay) against a plain @y/websocket-server, both on
// loopback in this process. Not part of `npm test`; run with `npm run bench`.
import http from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import WebSocket, { WebSocketServer } from "ws";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { machine, mergeResults, runBench, useTempDatabase } from "./harness";

const RATE_PER_S = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SIZES = [50, 200];
const LIMIT_MS = 10 * 60 * 1000;

// A throwaway database, and no persistence or callbacks for the plain server.
const { dir } = useTempDatabase("bench");
delete process.env.YPERSISTENCE;
delete process.env.CALLBACK_URL;
// Up to 200 readers on one session from one address: the benchmark plays many people through one
// loopback client, so the per-session and per-address socket caps are not what it measures.
process.env.YJS_MAX_SOCKETS_PER_SESSION ??= "100000";
process.env.YJS_MAX_SOCKETS_PER_ADDRESS ??= "100000";

const { getDb } = await import("../db/client.server");
const { runMigrations } = await import("../server/migrate");
const { seedDemo } = await import("../server/cli/demo/seed");
const { startServer } = await import("../server/app");
const { createSession, generateSessionToken } = await import("../app/auth/session.server");
const { createTopic } = await import("../app/models/topic-create.server");
const { advanceTopic } = await import("../app/models/workflow.server");
const { setupWSConnection } = await import("@y/websocket-server/utils");

interface Target {
  name: string;
  url: string;
  origin: string;
  writerCookie?: string;
  readerCookie?: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function open(target: Target, cookie: string | undefined): Promise<WebSocket> {
  const ws = new WebSocket(target.url, { headers: cookie ? { cookie } : {}, origin: target.origin });
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

/** One run: N readers (raw sockets timing each relayed update), one writer at RATE_PER_S for SECONDS. */
async function run(target: Target, readers: number) {
  const sentAt: number[] = [];
  const latencies: number[] = [];
  const received: number[] = new Array(readers).fill(0);
  const sockets: WebSocket[] = [];
  for (let r = 0; r < readers; r++) {
    const ws = await open(target, target.readerCookie);
    ws.on("message", (data: Buffer) => {
      if (data[0] !== 0 || data[1] !== 2) return; // only sync "update" messages are relays
      const at = performance.now();
      const index = received[r]++;
      if (index < sentAt.length) latencies.push(at - sentAt[index]);
    });
    sockets.push(ws);
  }
  const writer = await open(target, target.writerCookie);
  const doc = new Y.Doc();
  doc.on("update", (update: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, update);
    sentAt.push(performance.now());
    writer.send(encoding.toUint8Array(encoder));
  });
  await new Promise((r) => setTimeout(r, 300));
  const total = RATE_PER_S * SECONDS;
  const list = doc.getArray<number>("bench");
  await new Promise<void>((resolve) => {
    let i = 0;
    const timer = setInterval(() => {
      list.push([i++]);
      if (i >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 1000 / RATE_PER_S);
  });
  const expected = total * readers;
  const until = performance.now() + 5000;
  while (latencies.length < expected && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
  for (const ws of [...sockets, writer]) ws.terminate();
  doc.destroy();
  return { server: target.name, readers, updates: total, expected, latencies };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
function summary(latencies: number[]) {
  const sorted = latencies.slice().sort((a, b) => a - b);
  return { samples: sorted.length, p50_ms: round(percentile(sorted, 50)), p95_ms: round(percentile(sorted, 95)), p99_ms: round(percentile(sorted, 99)), max_ms: round(sorted[sorted.length - 1] ?? NaN) };
}

async function plainServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req, { docName: "bench" })));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `ws://127.0.0.1:${port}/bench`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function session(db: ReturnType<typeof getDb>, username: string): string {
  const user = db.$client.prepare("SELECT id FROM users WHERE username = ?").get(username) as { id: number };
  const token = generateSessionToken();
  createSession({ token, userId: user.id });
  return `yst_session=${token}`;
}

async function main() {
  const loadBefore = os.loadavg();
  const db = getDb();
  runMigrations(db);
  await seedDemo(db);
  const community = (db.$client.prepare("SELECT id FROM communities WHERE slug = 'mingyue'").get() as { id: number }).id;
  const writerCookie = session(db, "committee1");
  const readerCookie = session(db, "resident1");
  const committeeId = (db.$client.prepare("SELECT id FROM users WHERE username = 'committee1'").get() as { id: number }).id;
  const actor = { userId: committeeId, roles: ["committee"] as const };
  const ours = await startServer({ port: 0, host: "127.0.0.1" });
  const plain = await plainServer();
  const runs: Array<Awaited<ReturnType<typeof run>>> = [];
  try {
    for (const readers of SIZES) {
      const { id } = createTopic({ communityId: community, proposerId: committeeId, title: `基准 ${readers}`, description: "", location: "", categoryId: null, source: "committee" });
      advanceTopic({ topicId: id, communityId: community, action: "accept", actor });
      const ourTarget = { name: "yishiting", url: `${ours.url.replace(/^http/, "ws")}/yjs/topic-${id}`, origin: ours.url, writerCookie, readerCookie };
      const plainTarget = { name: "plain", url: plain.url, origin: "http://127.0.0.1" };
      // ABBA order, so neither server always runs on a warmer or colder process.
      for (const target of [ourTarget, plainTarget, plainTarget, ourTarget]) runs.push(await run(target, readers));
    }
  } finally {
    await ours.close();
    await plain.close();
  }
  const pooled = (server: string, readers: number) => summary(runs.filter((r) => r.server === server && r.readers === readers).flatMap((r) => r.latencies));
  const raw = {
    runs: runs.map(({ latencies, ...r }) => ({ ...r, ...summary(latencies) })),
    pooled: SIZES.flatMap((readers) => ["yishiting", "plain"].map((server) => ({ server, readers, ...pooled(server, readers) }))),
  };
  const ratio = (readers: number) => Math.round((pooled("yishiting", readers).p99_ms / pooled("plain", readers).p99_ms) * 100) / 100;
  const result = mergeResults({
    // Load averages (1/5/15 min) before and after: on a shared machine they say how far to trust the run.
    machine: { ...machine(), loadavg_before: loadBefore, loadavg_after: os.loadavg() },
    raw,
    figures: { yjs_p99_ratio_50: ratio(50), yjs_p99_ratio_200: ratio(200), target: 1.5 },
  });
  process.stdout.write(JSON.stringify(result, null, 2) + "\n");
}

await runBench(main, { limitMs: LIMIT_MS, dir, close: () => getDb().$client.close() });
