// What the HTTP benchmarks share: the real server started in a process of its own (production
// build, bench-only routes on) on a free port, and the statistics they report.
import { execFileSync, spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** CPU time (user + system, ms) the process `pid` has used so far, from /proc. */
export function processCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The V8 flags `npm start` gives the server (package.json "start"; docs/decisions/034-young-generation.md): the benchmarks measure the server as it runs. */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=64"];

/** BENCH_CPU_PROF=<dir>: node flags that make the server write its V8 CPU profile there on exit (to see where its time goes; slows it a little). */
export function cpuProfileArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return [];
  fs.mkdirSync(dir, { recursive: true });
  return ["--cpu-prof", `--cpu-prof-dir=${dir}`];
}

/**
 * `server/start.ts` on `port` over DATABASE_PATH as set (or as `env` overrides it), once its health
 * check answers. `nodeArgs` go to node (e.g. --expose-gc); its stderr goes to ours unless `stdio`
 * says otherwise (e.g. piped, to read its log).
 */
export async function startChild(
  port: number,
  { env = {}, stdio = ["ignore", "ignore", "inherit"], nodeArgs = [] }: { env?: Record<string, string>; stdio?: StdioOptions; nodeArgs?: string[] } = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs, "--import", "tsx", "server/start.ts"], {
    env: { ...process.env, PORT: String(port), NODE_ENV: "production", BENCH_ROUTES: "1", DEMO_SEED: "0", ...env },
    stdio,
  });
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("server did not start");
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
