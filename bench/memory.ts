// Memory after many documents: the real server (`server/start.ts`, production mode, its own process,
// node --expose-gc) opens and closes DOCS collaborative drafts, each over a real websocket (connect,
// sync, one edit, close). The baseline is the server's own RSS after a warm-up of WARMUP other
// documents, measured after a garbage collection like the final reading. Figures: documents still in
// memory after the last socket closed (must be 0), and RSS growth in MB.
//   npm run bench:memory
import os from "node:os";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { machine, mergeResults, runBench, useTempDatabase } from "./harness";
import { freePort, round, startChild } from "./server-child";
import { openSynced } from "./yjs-client";

const DOCS = Number(process.env.BENCH_DOCS ?? 1000);
const WARMUP = Number(process.env.BENCH_WARMUP_DOCS ?? 200);
const CONCURRENCY = 20;
const TARGETS = { docs_loaded_after_close: 0, rss_growth_mb: 50 };
const LIMIT_MS = 10 * 60 * 1000;

const { dir } = useTempDatabase("memory");

const { getDb } = await import("../db/client.server");
const { runMigrations } = await import("../server/migrate");
const { seedDemo } = await import("../server/cli/demo/seed");
const { createSession, generateSessionToken, SESSION_COOKIE } = await import("../app/auth/session.server");
const { createTopic } = await import("../app/models/topic-create.server");
const { advanceTopic } = await import("../app/models/workflow.server");

interface Stats {
  docsLoaded: number;
  rssMb: number;
  heapMb: number;
  gc: boolean;
}

/** `count` accepted topics (their drafts are editable by the committee), and a committee member's cookie. */
async function prepareTopics(count: number) {
  const db = getDb();
  runMigrations(db);
  await seedDemo(db);
  const c = db.$client;
  const community = (c.prepare("SELECT id FROM communities WHERE slug = 'mingyue'").get() as { id: number }).id;
  const committee = (c.prepare("SELECT id FROM users WHERE username = 'committee1'").get() as { id: number }).id;
  const actor = { userId: committee, roles: ["committee"] as const };
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = createTopic({ communityId: community, proposerId: committee, title: `内存基准 ${i}`, description: "", location: "", categoryId: null, source: "committee" });
    advanceTopic({ topicId: id, communityId: community, action: "accept", actor });
    ids.push(id);
  }
  const token = generateSessionToken();
  createSession({ token, userId: committee });
  return { ids, cookie: `${SESSION_COOKIE}=${token}` };
}

/** Opens, edits once and closes each document, CONCURRENCY at a time. */
async function openAndClose(origin: string, ids: number[], cookie: string) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ids.length) {
        const topicId = ids[next++];
        const client = await openSynced(origin, topicId, cookie);
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(`第 ${topicId} 号议题的一句补充。`)]);
        const fragment = client.doc.getXmlFragment("default");
        fragment.insert(fragment.length, [paragraph]);
        await client.flush();
        await client.close();
      }
    }),
  );
}

async function main() {
  const loadBefore = os.loadavg();
  const { ids, cookie } = await prepareTopics(WARMUP + DOCS);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // Twenty documents at a time on one session from one address (the last closes may trail our
  // next opens): the per-session and per-address socket caps are not what this measures.
  const child = await startChild(port, { nodeArgs: ["--expose-gc"], env: { YJS_MAX_SOCKETS_PER_SESSION: "100000", YJS_MAX_SOCKETS_PER_ADDRESS: "100000" } });
  const stats = async (): Promise<Stats> => (await fetch(`${origin}/bench/stats`)).json() as Promise<Stats>;
  /** The server's reading once its closes have been handled (the last close event may trail ours). */
  const settled = async (): Promise<Stats> => {
    const until = performance.now() + 10_000;
    let s = await stats();
    while (s.docsLoaded > 0 && performance.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      s = await stats();
    }
    return s;
  };
  let result;
  try {
    const atStart = await stats();
    if (!atStart.gc) throw new Error("the server runs without --expose-gc: its RSS readings would not be comparable");
    await openAndClose(origin, ids.slice(0, WARMUP), cookie);
    const before = await settled();
    const started = performance.now();
    await openAndClose(origin, ids.slice(WARMUP), cookie);
    const openMs = performance.now() - started;
    const after = await settled();
    const figures = { docs_loaded_after_close: after.docsLoaded, rss_growth_mb: round(after.rssMb - before.rssMb) };
    result = mergeResults({
      machine: machine(),
      raw: {
        memory: {
          docs: DOCS,
          warmup_docs: WARMUP,
          concurrency: CONCURRENCY,
          server: "server/start.ts in its own process, node --expose-gc, NODE_ENV=production, BENCH_ROUTES=1; readings after gc() via GET /bench/stats",
          at_start: atStart,
          before,
          after,
          open_close_ms: Math.round(openMs),
          docs_per_s: round((DOCS / openMs) * 1000),
          heap_growth_mb: round(after.heapMb - before.heapMb),
          targets: TARGETS,
          loadavg_before: loadBefore,
          loadavg_after: os.loadavg(),
        },
      },
      figures,
    });
    process.stdout.write(
      `memory: ${DOCS} documents opened, edited once and closed in ${(openMs / 1000).toFixed(1)} s (after ${WARMUP} warm-up)\n` +
        `  RSS ${before.rssMb} → ${after.rssMb} MB, heap ${before.heapMb} → ${after.heapMb} MB\n` +
        `  docs_loaded_after_close ${figures.docs_loaded_after_close} (= 0), rss_growth_mb ${figures.rss_growth_mb} (≤ ${TARGETS.rss_growth_mb})\n`,
    );
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  return result;
}

await runBench(main, { limitMs: LIMIT_MS, dir, close: () => getDb().$client.close() });
