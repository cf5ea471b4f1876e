// Page throughput: the hall `/c/mingyue` and the busiest topic page (300 comments, 200 co-signs) as a
// signed-in resident, against the real server (`server/start.ts`, production mode, its own process)
// on a temp copy of the generated benchmark data (bench/generate-data.ts). The baseline is a bare
// Remix page on the same server (app/routes/bench.page.tsx: session check, rendered through the
// root layout). Each measurement is a closed loop: CONNECTIONS keep-alive connections each send
// their next GET as soon as the last answer arrived, for SECONDS. Each round measures the baseline,
// hall and topic back to back (the order turning each round); a figure is the median over rounds of
// that round's page against that round's baseline, since this machine's speed drifts between
// rounds more than within one.
//   npm run bench:pages                      (generates the data into its temp folder, ~1–2 min)
//   BENCH_DATA=/tmp/bench.db npm run bench:pages   (reuses a file made by `npx tsx bench/generate-data.ts /tmp/bench.db`)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { machine, mergeResults, runBench, useTempDatabase } from "./harness";
import { freePort, median, percentile, round, startChild } from "./server-child";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGETS = { hall_rps_ratio: 0.5, hall_p99_ratio: 2, topic_rps_ratio: 0.4, topic_p99_ratio: 2.5 };
const LIMIT_MS = 15 * 60 * 1000;
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

const { dir, dbFile } = useTempDatabase("pages");

const { getDb } = await import("../db/client.server");
const { prepareBenchData, BUSY_TITLE } = await import("./generate-data");
const { createSession, generateSessionToken, SESSION_COOKIE } = await import("../app/auth/session.server");

async function main() {
  const loadBefore = os.loadavg();
  const uptimeBefore = execFileSync("uptime", { encoding: "utf8" }).trim();
  const data = await prepareBenchData(dbFile);
  const db = getDb();
  const c = db.$client;
  const resident = (c.prepare("SELECT id FROM users WHERE username = 'resident1'").get() as { id: number }).id;
  const busy = c.prepare("SELECT t.id, t.cosign_count AS cosigns, (SELECT count(*) FROM topic_comments WHERE topic_id = t.id) AS comments FROM topics t WHERE t.title = ?").get(BUSY_TITLE) as { id: number; cosigns: number; comments: number };
  const counts = c.prepare("SELECT (SELECT count(*) FROM communities) AS communities, (SELECT count(*) FROM topics WHERE community_id = (SELECT id FROM communities WHERE slug = 'mingyue')) AS mingyue_topics, (SELECT count(*) FROM ledger_entries) AS ledger_entries").get() as Record<string, number>;
  const token = generateSessionToken();
  createSession({ token, userId: resident });
  const cookie = `${SESSION_COOKIE}=${token}`;

  const targets = {
    bare: { path: "/bench/page", expect: "bench" },
    hall: { path: "/c/mingyue", expect: "明月社区" },
    topic: { path: `/c/mingyue/topics/${busy.id}`, expect: BUSY_TITLE },
  } as const;
  type Kind = keyof typeof targets;

  const port = await freePort();
  const child = await startChild(port);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

  let resetRetries = 0;
  const get = (pathname: string, body = false, retry = true): Promise<{ status: number; ms: number; text: string }> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request({ host: "127.0.0.1", port, method: "GET", path: pathname, agent, headers: body ? { Cookie: cookie } : { Cookie: cookie, "Accept-Encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => body && chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, text: Buffer.concat(chunks).toString("utf8") }));
      });
      req.on("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed while it sat idle (its keep-alive timeout): send again once.
        if (retry && req.reusedSocket && error.code === "ECONNRESET") {
          resetRetries++;
          get(pathname, body, false).then(resolve, reject);
        } else reject(error);
      });
      req.end();
    });

  const serverCpuMs = () => {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  };

  /** CONNECTIONS loops, each sending its next request when the last one is answered, for `seconds`. */
  async function load(kind: Kind, seconds: number) {
    const { path: target } = targets[kind];
    const latencies: number[] = [];
    let bad = 0;
    let badStatus = 0;
    const cpuBefore = serverCpuMs();
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) {
          const r = await get(target);
          if (r.status !== 200) {
            bad++;
            badStatus = r.status;
          }
          latencies.push(r.ms);
        }
      }),
    );
    const ms = performance.now() - started;
    const cpu = serverCpuMs() - cpuBefore;
    if (bad) throw new Error(`${kind}: ${bad} answers were not 200 (e.g. ${badStatus})`);
    latencies.sort((a, b) => a - b);
    return { kind, requests: latencies.length, seconds: round(ms / 1000, 2), rps: round((latencies.length / ms) * 1000), p50_ms: round(latencies[latencies.length >> 1]), p99_ms: round(percentile(latencies, 99)), server_cpu_ms_per_request: round(cpu / latencies.length, 3) };
  }

  const runs: Array<Awaited<ReturnType<typeof load>> & { round: number }> = [];
  const pageBytes: Record<string, number> = {};
  try {
    // Each page answers as the resident would see it, then a short warm-up of each (not counted).
    for (const [kind, t] of Object.entries(targets)) {
      const r = await get(t.path, true);
      if (r.status !== 200 || !r.text.includes(t.expect)) throw new Error(`${kind} ${t.path}: ${r.status}, expected text ${r.text.includes(t.expect) ? "present" : "missing"}`);
      pageBytes[kind] = Buffer.byteLength(r.text);
      await load(kind as Kind, 2);
      agent.destroy();
    }
    const kinds = Object.keys(targets) as Kind[];
    for (let r = 1; r <= ROUNDS; r++) {
      for (const kind of kinds.map((_, i) => kinds[(i + r - 1) % kinds.length])) {
        const result = { round: r, ...(await load(kind, SECONDS)) };
        runs.push(result);
        // Fresh connections for the next measurement, so none has sat idle past the server's keep-alive timeout.
        agent.destroy();
        process.stdout.write(`  round ${r} ${kind.padEnd(5)} ${String(result.rps).padStart(7)} req/s  p50 ${result.p50_ms} ms  p99 ${result.p99_ms} ms  server CPU ${result.server_cpu_ms_per_request} ms/request\n`);
      }
    }
  } finally {
    agent.destroy();
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }

  const med = (kind: Kind, key: "rps" | "p50_ms" | "p99_ms" | "server_cpu_ms_per_request") => median(runs.filter((r) => r.kind === kind).map((r) => r[key]));
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  /** The median over rounds of `kind`'s figure against the baseline's in the same round. */
  const perRound = (kind: Kind, key: "rps" | "p99_ms") => {
    const at = (k: Kind, r: number) => runs.find((run) => run.kind === k && run.round === r)![key];
    return ratio(median(Array.from({ length: ROUNDS }, (_, i) => at(kind, i + 1) / at("bare", i + 1))), 1);
  };
  const figures = {
    hall_rps_ratio: perRound("hall", "rps"),
    hall_p99_ratio: perRound("hall", "p99_ms"),
    topic_rps_ratio: perRound("topic", "rps"),
    topic_p99_ratio: perRound("topic", "p99_ms"),
  };
  // The same comparison in server CPU time per request, which other load on the machine disturbs less.
  const cpuRatios = { hall: ratio(med("bare", "server_cpu_ms_per_request"), med("hall", "server_cpu_ms_per_request")), topic: ratio(med("bare", "server_cpu_ms_per_request"), med("topic", "server_cpu_ms_per_request")) };
  const medians = Object.fromEntries((Object.keys(targets) as Kind[]).map((k) => [k, { rps: med(k, "rps"), p50_ms: med(k, "p50_ms"), p99_ms: med(k, "p99_ms"), server_cpu_ms_per_request: med(k, "server_cpu_ms_per_request") }]));
  const loadAfter = os.loadavg();
  const result = mergeResults({
    machine: machine(),
    raw: {
      pages: {
        connections: CONNECTIONS,
        seconds: SECONDS,
        rounds: ROUNDS,
        figure: "median over rounds of (page / baseline in the same round); medians below are per kind across rounds",
        server: "server/start.ts in its own process, NODE_ENV=production, BENCH_ROUTES=1; client: closed loop over a node:http keep-alive agent, gzip accepted",
        paths: Object.fromEntries(Object.entries(targets).map(([k, t]) => [k, t.path])),
        data: { ...data, ...counts, busy_topic: busy },
        page_bytes_uncompressed: pageBytes,
        reset_retries: resetRetries,
        medians,
        cpu_ratios: cpuRatios,
        runs,
        targets: TARGETS,
        loadavg_before: loadBefore,
        loadavg_after: loadAfter,
        uptime_before: uptimeBefore,
      },
    },
    figures: { ...figures, ...Object.fromEntries(Object.entries(TARGETS).map(([k, v]) => [k.replace("_ratio", "_target"), v])) },
  });
  const line = (k: Kind) => `${k.padEnd(5)} ${String(medians[k].rps).padStart(7)} req/s  p50 ${medians[k].p50_ms} ms  p99 ${medians[k].p99_ms} ms  server CPU ${medians[k].server_cpu_ms_per_request} ms/request`;
  process.stdout.write(
    [
      `pages: ${CONNECTIONS} connections × ${SECONDS} s × ${ROUNDS} rounds (load before ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, after ${loadAfter.map((l) => l.toFixed(2)).join(" ")})`,
      `  data: ${counts.communities} communities, ${counts.mingyue_topics} topics in mingyue, ${counts.ledger_entries} ledger entries; busy topic #${busy.id}: ${busy.comments} comments, ${busy.cosigns} co-signs`,
      `  medians: ${line("bare")}`,
      `           ${line("hall")}`,
      `           ${line("topic")}`,
      `  server CPU per request, bare vs page: hall ${cpuRatios.hall}, topic ${cpuRatios.topic}`,
      `  hall_rps_ratio ${figures.hall_rps_ratio} (≥ ${TARGETS.hall_rps_ratio}), hall_p99_ratio ${figures.hall_p99_ratio} (≤ ${TARGETS.hall_p99_ratio}), topic_rps_ratio ${figures.topic_rps_ratio} (≥ ${TARGETS.topic_rps_ratio}), topic_p99_ratio ${figures.topic_p99_ratio} (≤ ${TARGETS.topic_p99_ratio})`,
      "",
    ].join("\n"),
  );
  return result;
}

await runBench(main, { limitMs: LIMIT_MS, dir, close: () => getDb().$client.close() });
