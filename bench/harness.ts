// What every benchmark shares: its figures merged into bench/results/latest.json (so running one
// keeps the others' last figures), and a run with a time limit that cleans up after itself.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

interface Results {
  machine: Record<string, unknown>;
  at: string;
  raw: Record<string, unknown>;
  figures: Record<string, unknown>;
}

export const RESULTS_FILE = path.resolve("bench/results/latest.json");

export function machine() {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, node: process.version };
}

export function mergeResults(update: Omit<Results, "at">): Results {
  const before: Partial<Results> = fs.existsSync(RESULTS_FILE) ? JSON.parse(fs.readFileSync(RESULTS_FILE, "utf8")) : {};
  const result: Results = {
    machine: { ...before.machine, ...update.machine },
    at: new Date().toISOString(),
    raw: { ...before.raw, ...update.raw },
    figures: { ...before.figures, ...update.figures },
  };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, JSON.stringify(result, null, 2) + "\n");
  return result;
}

/** Runs a benchmark with a time limit, then closes its database, removes its folder and exits. */
export async function runBench(main: () => Promise<unknown>, { limitMs, dir, close }: { limitMs: number; dir: string; close: () => void }) {
  const guard = setTimeout(() => {
    process.stderr.write("bench: time limit reached\n");
    process.exit(2);
  }, limitMs);
  guard.unref();
  try {
    await main();
  } finally {
    close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

/**
 * A fresh temp folder whose `bench.db` becomes DATABASE_PATH, with the server's log silenced. Call
 * it before importing anything that opens the database; runBench removes the folder at the end.
 */
export function useTempDatabase(name: string): { dir: string; dbFile: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `yst-${name}-`));
  const dbFile = path.join(dir, "bench.db");
  process.env.DATABASE_PATH = dbFile;
  process.env.LOG_LEVEL ??= "silent";
  return { dir, dbFile };
}
