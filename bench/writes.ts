// What a write costs: the mixed load's writes alone (bench/load.ts: co-signs, comments and new topics
// posted over HTTP by signed-in residents of the city's communities, at a fixed rate, plus the ten
// editors typing), against the real server on a copy of the city, with no pages measured beside
// them. Reports the server's CPU per write (its process's user + system time over the run, divided by
// the writes answered), the rate reached and the writes' latencies. BENCH_CPU_PROF=<dir> writes the
// server's V8 CPU profile there, to see where a write's time goes.
//   npm run bench:writes                              (200 writes/s for 20 s)
//   BENCH_WRITES_PER_S=300 BENCH_SECONDS=30 npm run bench:writes
import { machine, mergeResults, runBench, useTempDatabase } from "./harness";
import { cpuProfileArgs, freePort, processCpuMs, round, startChild } from "./server-child";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

const { dir, dbFile } = useTempDatabase("writes");
const { getDb } = await import("../db/client.server");
const { BUSY_TITLE } = await import("./generate-data");
const { prepareBenchData } = await import("./bench-data");
const { makeLoadPlan, signInWith, startLoad } = await import("./load-plan");
type LoadStats = import("./load").LoadStats;

async function main() {
  await prepareBenchData(dbFile);
  const db = getDb();
  const busy = db.$client.prepare("SELECT id FROM topics WHERE title = ?").pluck().get(BUSY_TITLE) as number;
  const port = await freePort();
  const plan = makeLoadPlan(db, { origin: `http://127.0.0.1:${port}`, busyTopicId: busy, signIn: signInWith(db) });
  const child = await startChild(port, { nodeArgs: cpuProfileArgs() });
  const loader = await startLoad(plan);
  let stats: LoadStats;
  let cpuMs: number;
  try {
    // A short warm-up (not counted): the first writes compile the code paths and refresh the sessions.
    loader.start();
    await new Promise((r) => setTimeout(r, 3000));
    await loader.stop();
    const cpuBefore = processCpuMs(child.pid!);
    loader.start();
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    stats = await loader.stop();
    cpuMs = processCpuMs(child.pid!) - cpuBefore;
  } finally {
    await loader.exit();
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  const writes = stats.writes.cosign.ok + stats.writes.comment.ok + stats.writes.topic.ok;
  // The editors' keystrokes cost the server too; they are a small, fixed share (30 a second).
  const figures = {
    write_server_cpu_ms: round(cpuMs / Math.max(1, writes), 2),
    writes_alone_per_s: stats.writes_per_s,
    writes_alone_p50_ms: stats.write_p50_ms,
    writes_alone_p99_ms: stats.write_p99_ms,
  };
  mergeResults({
    machine: machine(),
    raw: { writes: { asked_per_s: plan.writesPerSecond, server_cpu_ms: Math.round(cpuMs), server_cpu_share: round(cpuMs / (stats.seconds * 1000), 2), ...stats } },
    figures,
  });
  process.stdout.write(
    `writes: ${stats.writes_per_s}/s of ${plan.writesPerSecond} asked for ${stats.seconds} s (${stats.failed} failed ${JSON.stringify(stats.failures)}, ${stats.not_sent} not sent), p50 ${stats.write_p50_ms} ms, p99 ${stats.write_p99_ms} ms; ` +
      `server CPU ${figures.write_server_cpu_ms} ms per write (${Math.round((cpuMs / (stats.seconds * 1000)) * 100)}% of a core, ${stats.keystrokes_per_s} keystrokes/s included)${process.env.BENCH_CPU_PROF ? `; CPU profile in ${process.env.BENCH_CPU_PROF}` : ""}\n`,
  );
}

await runBench(main, { limitMs: 15 * 60 * 1000, dir, close: () => getDb().$client.close() });
