// The server's resident set size, sampled from /proc while the soak runs. The first fifth of the run
// is warm-up (caches fill, JIT settles). Growth is measured from the end of warm-up to the RSS once
// the load has stopped and the server has sat idle a while (V8 gives back heap it no longer needs):
// what a leak keeps, a backlog of requests in flight on a starved server does not.
import fs from "node:fs";

const rssMb = (pid: number) => {
  const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
};
const round1 = (n: number) => Math.round(n * 10) / 10;

/** CPU seconds (user + system) the process has used, from /proc/<pid>/stat (clock ticks of 1/100 s). */
export const cpuSeconds = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

export function rssSampler(pid: number, everyMs: number) {
  const samples: number[] = [rssMb(pid)];
  const timer = setInterval(() => samples.push(rssMb(pid)), everyMs);
  return {
    /** Stops sampling (the load is over); `settle()` later gives the idle RSS. */
    stop: () => {
      clearInterval(timer);
      samples.push(rssMb(pid));
      const warm = Math.max(1, Math.floor(samples.length / 5));
      const window = Math.max(1, Math.min(5, Math.floor(samples.length / 10)));
      return {
        startMb: round1(samples[0]),
        afterWarmUpMb: round1(median(samples.slice(warm, warm + window))),
        peakMb: round1(Math.max(...samples)),
        endMb: round1(median(samples.slice(-window))),
        samples: samples.length,
        every_ms: everyMs,
        series: samples.filter((_, i) => i % Math.ceil(samples.length / 20) === 0).map(round1),
      };
    },
    settle: async (idleMs: number) => {
      await new Promise((r) => setTimeout(r, idleMs));
      return round1(rssMb(pid));
    },
  };
}
