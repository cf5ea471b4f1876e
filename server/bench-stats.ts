import type { Express } from "express";
import type { DraftCollab } from "./collab";

const MB = 1024 * 1024;
const toMb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/**
 * What the memory benchmark (bench/memory.ts) reads from the server it loads, and only it: with
 * `BENCH_ROUTES=1` `GET /bench/stats` collects garbage first (when node runs with --expose-gc, so
 * RSS is compared after collection, not at a random point of the heap's growth) and answers
 * `{ docsLoaded, rssMb, heapMb, gc }`. Without the variable the path does not exist (the Remix
 * catch-all answers 404). `npm start` never sets it.
 */
export function mountBenchStats(app: Express, collab: DraftCollab): boolean {
  if (process.env.BENCH_ROUTES !== "1") return false;
  app.get("/bench/stats", (_req, res) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const memory = process.memoryUsage();
    res.json({ docsLoaded: collab.documentNames().length, rssMb: toMb(memory.rss), heapMb: toMb(memory.heapUsed), gc: Boolean(gc) });
  });
  return true;
}
