// The data a page benchmark runs on (bench/pages.ts, bench/queries.ts): a copy of a generated file
// (bench/generate-data.ts), made once and kept between runs. BENCH_DATA names the file (generated
// there when it does not exist yet); without it the file is kept in the temp folder under a name
// that changes with the generator's code and the city's size, so a changed generator makes a new one.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CITY_COMMUNITIES, CITY_TOPICS } from "./city";

const GENERATOR_FILES = ["bench/generate-data.ts", "bench/city.ts", "bench/words.ts", "server/cli/demo/seed.ts", "server/cli/demo/data.ts"];

export function benchDataFile(): string {
  if (process.env.BENCH_DATA) return path.resolve(process.env.BENCH_DATA);
  const hash = createHash("sha256");
  for (const f of GENERATOR_FILES) hash.update(fs.readFileSync(f));
  return path.join(os.tmpdir(), `yst-bench-city-${CITY_COMMUNITIES}-${CITY_TOPICS}-${hash.digest("hex").slice(0, 12)}.db`);
}

export interface GenerationReport {
  communities: number;
  topicsInMingyue: number;
  ledgerEntries: number;
  seconds: number;
  city: { communities: number; topics: number; busiest: Array<{ slug: string; topics: number }> };
}

/** The generated file (made now, in a process of its own, when missing) and what its generation reported. */
export function ensureBenchData(): { file: string; generatedNow: boolean; report: GenerationReport | null } {
  const file = benchDataFile();
  if (fs.existsSync(file)) return { file, generatedNow: false, report: readReport(file) };
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  process.stdout.write(`bench data: generating ${file} (BENCH_CITY_COMMUNITIES=${CITY_COMMUNITIES}) …\n`);
  execFileSync(process.execPath, ["--import", "tsx", "bench/generate-data.ts", partial], { stdio: "inherit", env: { ...process.env, LOG_LEVEL: "silent" } });
  fs.renameSync(`${partial}.json`, `${file}.json`);
  fs.renameSync(partial, file);
  return { file, generatedNow: true, report: readReport(file) };
}

function readReport(file: string): GenerationReport | null {
  return fs.existsSync(`${file}.json`) ? (JSON.parse(fs.readFileSync(`${file}.json`, "utf8")) as GenerationReport) : null;
}

/**
 * Copies the generated data to `dbFile` (DATABASE_PATH, before anything opens it), migrates it to
 * today's schema, and moves its pending deadlines on by the file's age: the city keeps the same
 * distance to its deadlines as when it was generated, so a file made days ago does not hand the
 * server's scheduler a backlog of thousands of due co-sign windows in the middle of a measurement.
 */
export async function prepareBenchData(dbFile: string) {
  const { file, generatedNow, report } = ensureBenchData();
  fs.copyFileSync(file, dbFile);
  const { getDb } = await import("../db/client.server");
  const { runMigrations } = await import("../server/migrate");
  const db = getDb();
  runMigrations(db); // a file generated before a newer migration
  const ageMs = Math.max(0, Date.now() - fs.statSync(file).mtimeMs);
  const aged = db.$client.transaction(() => ({
    deadlines: db.$client.prepare("UPDATE deadlines SET due_at = due_at + ? WHERE done_at IS NULL").run(Math.round(ageMs)).changes,
    tasks: db.$client.prepare("UPDATE execution_tasks SET due_at = due_at + ? WHERE status = 'open' AND overdue = 0").run(Math.round(ageMs)).changes,
  }))();
  return { source: file, generated_now: generatedNow, generate_seconds: report?.seconds ?? null, aged_hours: Math.round(ageMs / 360_000) / 10, aged, report };
}
