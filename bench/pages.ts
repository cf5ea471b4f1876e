// Page throughput: the hall `/c/mingyue` and the busiest topic page (300 comments, 200 co-signs) as a
// signed-in resident, against the real server (`server/start.ts`, production mode, its own process)
// on a temp copy of the generated city (bench/generate-data.ts, kept between runs by bench/bench-data.ts).
// Two baselines on the same server: /bench/page (app/routes/bench.page.tsx: session check, rendered
// through the root layout; the figures' baseline) and /bench/bare (app/routes/bench.bare.tsx: a
// resource route, no root loader or layout, a tiny element through renderToString). Each measurement
// is a closed loop: CONNECTIONS keep-alive connections each send their next GET as soon as the last
// answer arrived, for SECONDS. Each round measures every page quiet, then every page under the mixed
// load (bench/load.ts, its own process: 200 writes a second in other communities over HTTP, 10
// editors typing in a mingyue draft), the order of pages turning each round. A figure is the median
// over rounds of that round's page against that round's baseline IN THE SAME CONDITION (quiet page /
// quiet baseline, mixed page / mixed baseline), since this machine's speed drifts between rounds.
//   npm run bench:pages                            (the city: generated once into the temp folder, then reused)
//   BENCH_CITY_COMMUNITIES=200 npm run bench:pages (a small city for quick checks)
//   BENCH_DATA=/tmp/bench.db npm run bench:pages   (a file of your own; generated there when missing)
import { execFileSync } from "node:child_process";
import http from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { machine, mergeResults, runBench, useTempDatabase } from "./harness";
import { cpuProfileArgs, freePort, median, percentile, processCpuMs, round, startChild } from "./server-child";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGETS = { hall_rps_ratio: 0.5, hall_p99_ratio: 2, topic_rps_ratio: 0.4, topic_p99_ratio: 2.5 };
const MIXED_TARGETS = { hall_rps_ratio_mixed: 0.5, hall_p99_ratio_mixed: 2, topic_rps_ratio_mixed: 0.4, topic_p99_ratio_mixed: 2.5 };
const PHASES = ["quiet", "mixed"] as const;
type Phase = (typeof PHASES)[number];
// The first run generates the city (minutes), and a server that cannot keep up makes slow rounds.
const LIMIT_MS = 45 * 60 * 1000;
/** How long after its SECONDS a measurement waits for answers before it gives up on them. */
const GRACE_MS = Number(process.env.BENCH_GRACE_SECONDS ?? 20) * 1000;

const { dir, dbFile } = useTempDatabase("pages");

const { getDb } = await import("../db/client.server");
const { BUSY_TITLE } = await import("./generate-data");
const { prepareBenchData } = await import("./bench-data");
const { makeLoadPlan, signInWith, startLoad } = await import("./load-plan");
type LoadStats = import("./load").LoadStats;

async function main() {
  const loadBefore = os.loadavg();
  const uptimeBefore = execFileSync("uptime", { encoding: "utf8" }).trim();
  const data = await prepareBenchData(dbFile);
  const db = getDb();
  const c = db.$client;
  const resident = (c.prepare("SELECT id FROM users WHERE username = 'resident1'").get() as { id: number }).id;
  const busy = c.prepare("SELECT t.id, t.cosign_count AS cosigns, (SELECT count(*) FROM topic_comments WHERE topic_id = t.id) AS comments FROM topics t WHERE t.title = ?").get(BUSY_TITLE) as { id: number; cosigns: number; comments: number };
  const counts = c.prepare("SELECT (SELECT count(*) FROM communities) AS communities, (SELECT count(*) FROM topics) AS topics, (SELECT count(*) FROM topics WHERE community_id = (SELECT id FROM communities WHERE slug = 'mingyue')) AS mingyue_topics, (SELECT count(*) FROM ledger_entries) AS ledger_entries").get() as Record<string, number>;
  const signIn = signInWith(db);
  const cookie = signIn(resident);

  const targets = {
    bare: { path: "/bench/page", expect: "bench" },
    rootless: { path: "/bench/bare", expect: "<h1>bench</h1>" },
    hall: { path: "/c/mingyue", expect: "明月社区" },
    topic: { path: `/c/mingyue/topics/${busy.id}`, expect: BUSY_TITLE },
  } as const;
  type Kind = keyof typeof targets;

  const port = await freePort();
  const plan = makeLoadPlan(db, { origin: `http://127.0.0.1:${port}`, busyTopicId: busy.id, signIn });
  const child = await startChild(port, { nodeArgs: cpuProfileArgs() });
  // The mixed load in its own process; it connects its editors, then waits for start().
  const loader = await startLoad(plan);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

  let resetRetries = 0;
  /** Set while a measurement gives up on the answers still outstanding (their sockets are destroyed). */
  let cuttingOff = false;
  const get = (pathname: string, body = false, retry = true): Promise<{ status: number; ms: number; text: string }> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request({ host: "127.0.0.1", port, method: "GET", path: pathname, agent, headers: body ? { Cookie: cookie } : { Cookie: cookie, "Accept-Encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => body && chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, text: Buffer.concat(chunks).toString("utf8") }));
      });
      // Given up (its socket destroyed) mid-answer, a request emits no error, only its close.
      req.on("close", () => cuttingOff && resolve({ status: 0, ms: performance.now() - started, text: "" }));
      req.on("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed while it sat idle (its keep-alive timeout): send again once.
        if (cuttingOff) resolve({ status: 0, ms: performance.now() - started, text: "" });
        else if (retry && req.reusedSocket && error.code === "ECONNRESET") {
          resetRetries++;
          get(pathname, body, false).then(resolve, reject);
        } else reject(error);
      });
      req.end();
    });

  const serverCpuMs = () => processCpuMs(child.pid!);

  /**
   * CONNECTIONS loops, each sending its next request when the last one is answered, for `seconds`.
   * Answers still outstanding GRACE_MS after that are given up (counted as unanswered, with the time
   * they had waited in the latencies: a lower bound), so a server that cannot keep up ends the round.
   */
  async function load(kind: Kind, seconds: number, phase: Phase = "quiet") {
    const { path: target } = targets[kind];
    const latencies: number[] = [];
    let bad = 0;
    let badStatus = 0;
    let unanswered = 0;
    const cpuBefore = serverCpuMs();
    const started = performance.now();
    const until = started + seconds * 1000;
    const cutOff = setTimeout(() => {
      cuttingOff = true;
      agent.destroy();
    }, seconds * 1000 + GRACE_MS);
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) {
          const r = await get(target);
          if (r.status === 0) unanswered++;
          else if (r.status !== 200) {
            bad++;
            badStatus = r.status;
          }
          latencies.push(r.ms);
        }
      }),
    );
    clearTimeout(cutOff);
    cuttingOff = false;
    const ms = performance.now() - started;
    const cpu = serverCpuMs() - cpuBefore;
    if (bad) throw new Error(`${kind}: ${bad} answers were not 200 (e.g. ${badStatus})`);
    latencies.sort((a, b) => a - b);
    const answered = latencies.length - unanswered;
    return { kind, phase, requests: answered, unanswered, seconds: round(ms / 1000, 2), rps: round((answered / ms) * 1000), p50_ms: round(latencies[latencies.length >> 1]), p99_ms: round(percentile(latencies, 99)), server_cpu_ms_per_request: round(cpu / Math.max(1, answered), 3) };
  }

  const runs: Array<Awaited<ReturnType<typeof load>> & { round: number }> = [];
  const loadStats: Array<LoadStats & { round: number }> = [];
  const pageBytes: Record<string, number> = {};
  try {
    // Each page answers as the resident would see it, then a short warm-up of each (not counted).
    for (const [kind, t] of Object.entries(targets)) {
      const r = await get(t.path, true);
      if (r.status !== 200 || !r.text.includes(t.expect)) throw new Error(`${kind} ${t.path}: ${r.status}, expected text ${r.text.includes(t.expect) ? "present" : "missing"}`);
      // The truly bare page is what it claims: no root layout (its header), no Remix scripts.
      if (kind === "rootless" && (r.text.includes("<header") || r.text.includes("<script"))) throw new Error("/bench/bare rendered the root layout");
      pageBytes[kind] = Buffer.byteLength(r.text);
      await load(kind as Kind, 2);
      agent.destroy();
    }
    const kinds = Object.keys(targets) as Kind[];
    for (let r = 1; r <= ROUNDS; r++) {
      for (const phase of PHASES) {
        if (phase === "mixed") {
          loader.start();
          await new Promise((res) => setTimeout(res, 1000)); // the writes reach their rate
        }
        for (const kind of kinds.map((_, i) => kinds[(i + r - 1) % kinds.length])) {
          const result = { round: r, ...(await load(kind, SECONDS, phase)) };
          runs.push(result);
          // Fresh connections for the next measurement, so none has sat idle past the server's keep-alive timeout.
          agent.destroy();
          process.stdout.write(`  round ${r} ${phase} ${kind.padEnd(8)} ${String(result.rps).padStart(7)} req/s  p50 ${result.p50_ms} ms  p99 ${result.p99_ms} ms  server CPU ${result.server_cpu_ms_per_request} ms/request${result.unanswered ? `  ${result.unanswered} unanswered after ${GRACE_MS / 1000} s` : ""}\n`);
        }
        if (phase === "mixed") {
          const stats = { round: r, ...(await loader.stop()) };
          loadStats.push(stats);
          process.stdout.write(`  round ${r} mixed load: ${stats.writes_per_s} writes/s (${stats.failed} failed ${JSON.stringify(stats.failures)}, ${stats.not_sent} not sent, at most ${stats.max_in_flight} outstanding; p50 ${stats.write_p50_ms} ms, p99 ${stats.write_p99_ms} ms), ${stats.keystrokes_per_s} keystrokes/s from ${stats.editors_connected} editors\n`);
        }
      }
    }
  } finally {
    agent.destroy();
    await loader.exit();
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }

  type Key = "rps" | "p50_ms" | "p99_ms" | "server_cpu_ms_per_request";
  const med = (kind: Kind, key: Key, phase: Phase = "quiet") => median(runs.filter((r) => r.kind === kind && r.phase === phase).map((r) => r[key]));
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  /** The median over rounds of `kind`'s figure against `base`'s in the same round and the same condition. */
  const perRound = (kind: Kind, key: "rps" | "p99_ms", phase: Phase = "quiet", base: Kind = "bare") => {
    const at = (k: Kind, r: number) => runs.find((run) => run.kind === k && run.round === r && run.phase === phase)![key];
    return ratio(median(Array.from({ length: ROUNDS }, (_, i) => at(kind, i + 1) / at(base, i + 1))), 1);
  };
  const mixedLoad = {
    writes_per_s: median(loadStats.map((l) => l.writes_per_s)),
    failed: loadStats.reduce((a, l) => a + l.failed, 0),
    not_sent: loadStats.reduce((a, l) => a + l.not_sent, 0),
    keystrokes_per_s: median(loadStats.map((l) => l.keystrokes_per_s)),
    write_p50_ms: median(loadStats.map((l) => l.write_p50_ms)),
    write_p99_ms: median(loadStats.map((l) => l.write_p99_ms)),
    max_in_flight: Math.max(...loadStats.map((l) => l.max_in_flight)),
  };
  const reachedRate = mixedLoad.writes_per_s >= 0.9 * plan.writesPerSecond && mixedLoad.failed === 0;
  const figures = {
    hall_rps_ratio: perRound("hall", "rps"),
    hall_p99_ratio: perRound("hall", "p99_ms"),
    topic_rps_ratio: perRound("topic", "rps"),
    topic_p99_ratio: perRound("topic", "p99_ms"),
    hall_rps_ratio_mixed: perRound("hall", "rps", "mixed"),
    hall_p99_ratio_mixed: perRound("hall", "p99_ms", "mixed"),
    topic_rps_ratio_mixed: perRound("topic", "rps", "mixed"),
    topic_p99_ratio_mixed: perRound("topic", "p99_ms", "mixed"),
    // Against the truly bare page (no root layout), quiet: what the root layout itself costs, and the pages.
    baseline_rps_ratio_rootless: perRound("bare", "rps", "quiet", "rootless"),
    hall_rps_ratio_rootless: perRound("hall", "rps", "quiet", "rootless"),
    topic_rps_ratio_rootless: perRound("topic", "rps", "quiet", "rootless"),
    // The load itself: what it achieved, and what the baseline lost to it.
    mixed_writes_per_s: mixedLoad.writes_per_s,
    mixed_write_failures: mixedLoad.failed,
    // How long a write waited for its answer while the pages' 50 connections kept the server busy.
    mixed_write_p50_ms: mixedLoad.write_p50_ms,
    mixed_write_p99_ms: mixedLoad.write_p99_ms,
    mixed_keystrokes_per_s: mixedLoad.keystrokes_per_s,
    mixed_rate_reached: reachedRate,
    baseline_rps_mixed_vs_quiet: ratio(med("bare", "rps", "mixed"), med("bare", "rps")),
    city_communities: counts.communities,
    city_topics: counts.topics,
    city_ledger_entries: counts.ledger_entries,
    city_generate_seconds: data.generate_seconds,
  };
  // The same comparison in server CPU time per request, which other load on the machine disturbs less.
  const cpuRatios = { hall: ratio(med("bare", "server_cpu_ms_per_request"), med("hall", "server_cpu_ms_per_request")), topic: ratio(med("bare", "server_cpu_ms_per_request"), med("topic", "server_cpu_ms_per_request")) };
  const medians = Object.fromEntries(PHASES.map((phase) => [phase, Object.fromEntries((Object.keys(targets) as Kind[]).map((k) => [k, { rps: med(k, "rps", phase), p50_ms: med(k, "p50_ms", phase), p99_ms: med(k, "p99_ms", phase), server_cpu_ms_per_request: med(k, "server_cpu_ms_per_request", phase) }]))])) as Record<Phase, Record<Kind, Record<Key, number>>>;
  const loadAfter = os.loadavg();
  const { report, ...source } = data;
  const result = mergeResults({
    machine: machine(),
    raw: {
      pages: {
        connections: CONNECTIONS,
        seconds: SECONDS,
        rounds: ROUNDS,
        figure: "median over rounds of (page / baseline in the same round and the same condition: quiet/quiet, mixed/mixed); medians below are per kind across rounds",
        server: "server/start.ts in its own process, NODE_ENV=production, BENCH_ROUTES=1; client: closed loop over a node:http keep-alive agent, gzip accepted",
        mixed_load: `bench/load.ts in its own process: ${plan.writesPerSecond} writes/s (40% co-signs, 45% comments, 15% new topics) over HTTP by ${plan.communities.reduce((a, x) => a + x.members.length, 0)} signed-in residents of ${plan.communities.length} other communities (half the writes to the 10 busiest), ${plan.editors.cookies.length} editors typing ${plan.editors.keystrokesPerSecond} keystrokes/s each in mingyue topic #${plan.editors.topicId}'s draft over /yjs`,
        paths: Object.fromEntries(Object.entries(targets).map(([k, t]) => [k, t.path])),
        data: { ...source, generation: report, ...counts, busy_topic: busy },
        page_bytes_uncompressed: pageBytes,
        reset_retries: resetRetries,
        medians,
        cpu_ratios: cpuRatios,
        load: { ...mixedLoad, rounds: loadStats },
        runs,
        targets: { ...TARGETS, ...MIXED_TARGETS },
        loadavg_before: loadBefore,
        loadavg_after: loadAfter,
        uptime_before: uptimeBefore,
      },
    },
    figures: { ...figures, ...Object.fromEntries(Object.entries({ ...TARGETS, ...MIXED_TARGETS }).map(([k, v]) => [k.replace("_ratio", "_target"), v])) },
  });
  const line = (k: Kind, phase: Phase) => `${phase} ${k.padEnd(8)} ${String(medians[phase][k].rps).padStart(7)} req/s  p50 ${medians[phase][k].p50_ms} ms  p99 ${medians[phase][k].p99_ms} ms  server CPU ${medians[phase][k].server_cpu_ms_per_request} ms/request`;
  const target = (k: keyof typeof TARGETS | keyof typeof MIXED_TARGETS) => `${k} ${figures[k]} (${k.includes("rps") ? "≥" : "≤"} ${{ ...TARGETS, ...MIXED_TARGETS }[k]})`;
  process.stdout.write(
    [
      `pages: ${CONNECTIONS} connections × ${SECONDS} s × ${ROUNDS} rounds × quiet and mixed (load before ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, after ${loadAfter.map((l) => l.toFixed(2)).join(" ")})`,
      `  data: ${counts.communities} communities, ${counts.topics} topics (${counts.mingyue_topics} in mingyue), ${counts.ledger_entries} ledger entries; busy topic #${busy.id}: ${busy.comments} comments, ${busy.cosigns} co-signs`,
      ...PHASES.flatMap((phase) => (Object.keys(targets) as Kind[]).map((k) => `  ${line(k, phase)}`)),
      `  mixed load: ${mixedLoad.writes_per_s} writes/s of ${plan.writesPerSecond} asked (${mixedLoad.failed} failed, ${mixedLoad.not_sent} not sent, p50 ${mixedLoad.write_p50_ms} ms, p99 ${mixedLoad.write_p99_ms} ms), ${mixedLoad.keystrokes_per_s} keystrokes/s${reachedRate ? "" : "  — THE LOAD DID NOT REACH ITS RATE: the mixed figures are under a lighter load than asked"}`,
      `  server CPU per request, bare vs page (quiet): hall ${cpuRatios.hall}, topic ${cpuRatios.topic}; baseline vs rootless page ${figures.baseline_rps_ratio_rootless}`,
      `  quiet: ${target("hall_rps_ratio")}, ${target("hall_p99_ratio")}, ${target("topic_rps_ratio")}, ${target("topic_p99_ratio")}`,
      `  mixed: ${target("hall_rps_ratio_mixed")}, ${target("hall_p99_ratio_mixed")}, ${target("topic_rps_ratio_mixed")}, ${target("topic_p99_ratio_mixed")}`,
      "",
    ].join("\n"),
  );
  return result;
}

await runBench(main, { limitMs: LIMIT_MS, dir, close: () => getDb().$client.close() });
