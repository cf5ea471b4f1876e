// The server's resident set size, sampled from /proc while the soak runs. The first fifth of the run
// is warm-up (caches fill, JIT settles); growth is measured from the end of it to the end of the run,
// each end as the median of a few samples so one garbage-collection swing does not decide.
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

export function rssSampler(pid: number, everyMs: number) {
  const samples: number[] = [rssMb(pid)];
  const timer = setInterval(() => samples.push(rssMb(pid)), everyMs);
  return {
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
      };
    },
  };
}
