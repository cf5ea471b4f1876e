// The last step of `npm run bench`: every figure in bench/results/latest.json beside its target
// (contracts.md) and whether it meets it. Exits 0 either way: a benchmark informs, it does not gate.
import fs from "node:fs";
import path from "node:path";
import { RESULTS_FILE } from "./harness";

type Rule = { op: "≤" | "≥" | "="; target: number | boolean };

/** The targets of contracts.md; a figure without one is listed as information. */
const TARGETS: Record<string, Rule> = {
  hall_rps_ratio: { op: "≥", target: 0.5 },
  hall_p99_ratio: { op: "≤", target: 2 },
  topic_rps_ratio: { op: "≥", target: 0.4 },
  topic_p99_ratio: { op: "≤", target: 2.5 },
  vote_storm_ratio: { op: "≥", target: 0.7 },
  yjs_p99_ratio_50: { op: "≤", target: 1.5 },
  yjs_p99_ratio_200: { op: "≤", target: 1.5 },
  docs_loaded_after_close: { op: "=", target: 0 },
  rss_growth_mb: { op: "≤", target: 50 },
  doc_bytes_ratio: { op: "≤", target: 1.5 },
  topic_page_js_gzip_kb: { op: "≤", target: 150 },
  editor_on_topic_page: { op: "=", target: false },
  prepared_query_ratio: { op: "≤", target: 1.2 },
};

function meets(value: unknown, { op, target }: Rule): boolean {
  if (op === "=") return value === target;
  if (typeof value !== "number" || typeof target !== "number") return false;
  return op === "≤" ? value <= target : value >= target;
}

// Targets some benchmarks also store among their figures (e.g. hall_rps_target): not figures themselves.
const isTargetKey = (key: string) => key === "target" || key.endsWith("_target");

function main() {
  if (!fs.existsSync(RESULTS_FILE)) {
    process.stdout.write(`no ${RESULTS_FILE} yet: run a benchmark first\n`);
    return;
  }
  const results = JSON.parse(fs.readFileSync(RESULTS_FILE, "utf8")) as { at?: string; machine?: Record<string, unknown>; figures?: Record<string, unknown> };
  const figures = results.figures ?? {};
  const keys = [...Object.keys(TARGETS), ...Object.keys(figures).filter((k) => !(k in TARGETS) && !isTargetKey(k))];
  const rows = keys.map((key) => {
    const rule = TARGETS[key];
    const value = figures[key];
    const status = value === undefined ? "not run" : rule ? (meets(value, rule) ? "pass" : "FAIL") : "info";
    return [key, value === undefined ? "—" : String(value), rule ? `${rule.op} ${rule.target}` : "", status];
  });
  const header = ["figure", "value", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => "  " + cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  const { cpu, cores, node } = results.machine ?? {};
  const failed = rows.filter((r) => r[3] === "FAIL").length;
  const missing = rows.filter((r) => r[3] === "not run").length;
  process.stdout.write(
    [
      "",
      `benchmark summary (${path.relative(process.cwd(), RESULTS_FILE)}, ${results.at ?? "?"}; ${cpu ?? "?"}, ${cores ?? "?"} cores, node ${node ?? "?"})`,
      line(header),
      line(widths.map((w) => "-".repeat(w))),
      ...rows.map(line),
      `  ${rows.length - failed - missing} of ${rows.length} figures meet their targets; ${failed} fail${missing ? `; ${missing} not run` : ""}`,
      "",
    ].join("\n"),
  );
}

main();
