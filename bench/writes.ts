// What a write costs: the mixed load's writes alone (bench/load.ts: co-signs, comments and new topics
// posted over HTTP by signed-in residents of the city's communities, at a fixed rate, plus the ten
// editors typing), against the real server on a copy of the city, with no pages measured beside
// them. Reports the server's CPU per write (its process's user + system time over the run, divided by
// the writes answered), the rate reached and the writes' latencies. BENCH_CPU_PROF=<dir> writes the
// server's V8 CPU profile there, to see where a write's time goes.
//   npm run bench:writes                              (200 writes/s for 20 s)
//   BENCH_WRITES_PER_S=300 BENCH_SECONDS=30 npm run bench:writes
import { execFileSync, fork } from "node:child_process";
import fs from "node:fs";
import { machine, mergeResults, runBench, useTempDatabase } from "./harness";
import { freePort, round, startChild } from "./server-child";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
const PROFILE_DIR = process.env.BENCH_CPU_PROF;

const { dir, dbFile } = useTempDatabase("writes");
const { getDb } = await import("../db/client.server");
const { BUSY_TITLE } = await import("./generate-data");
const { prepareBenchData } = await import("./bench-data");
const { createSession, generateSessionToken, sessionIdFromToken, SESSION_COOKIE } = await import("../app/auth/session.server");
const { makeLoadPlan } = await import("./load-plan");
type LoadStats = import("./load").LoadStats;

async function main() {
  await prepareBenchData(dbFile);
  const db = getDb();
  const c = db.$client;
  const busy = c.prepare("SELECT id FROM topics WHERE title = ?").pluck().get(BUSY_TITLE) as number;
  const signIn = (userId: number, expiresAt?: Date) => {
    const token = generateSessionToken();
    createSession({ token, userId });
    if (expiresAt) c.prepare("UPDATE sessions SET expires_at = ?, created_at = ? WHERE id = ?").run(expiresAt.getTime(), Date.now() - 20 * 24 * 3_600_000, sessionIdFromToken(token));
    return `${SESSION_COOKIE}=${token}`;
  };
  const port = await freePort();
  const plan = makeLoadPlan(db, { origin: `http://127.0.0.1:${port}`, busyTopicId: busy, signIn });
  if (PROFILE_DIR) fs.mkdirSync(PROFILE_DIR, { recursive: true });
  const child = await startChild(port, { nodeArgs: PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [] });
  const serverCpuMs = () => {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  };
  const loader = fork("bench/load.ts", { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const next = <T>(type: string) => new Promise<T>((resolve, reject) => {
    const onMessage = (m: { type: string; stats?: T }) => m.type === type && (loader.off("message", onMessage), resolve(m.stats as T));
    loader.on("message", onMessage);
    loader.once("exit", (code) => reject(new Error(`bench/load exited with ${code}`)));
  });
  let stats: LoadStats;
  let cpuMs: number;
  try {
    const ready = next<void>("ready");
    loader.send(plan);
    await ready;
    // A short warm-up (not counted): the first writes compile the code paths and refresh the sessions.
    loader.send({ type: "start" });
    await new Promise((r) => setTimeout(r, 3000));
    let stopped = next<LoadStats>("stats");
    loader.send({ type: "stop" });
    await stopped;
    const cpuBefore = serverCpuMs();
    loader.send({ type: "start" });
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    stopped = next<LoadStats>("stats");
    loader.send({ type: "stop" });
    stats = await stopped;
    cpuMs = serverCpuMs() - cpuBefore;
  } finally {
    if (loader.connected) loader.send({ type: "exit" });
    await new Promise((r) => (loader.exitCode === null ? loader.once("exit", r) : r(null)));
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
      `server CPU ${figures.write_server_cpu_ms} ms per write (${Math.round((cpuMs / (stats.seconds * 1000)) * 100)}% of a core, ${stats.keystrokes_per_s} keystrokes/s included)${PROFILE_DIR ? `; CPU profile in ${PROFILE_DIR}` : ""}\n`,
  );
}

await runBench(main, { limitMs: 15 * 60 * 1000, dir, close: () => getDb().$client.close() });
