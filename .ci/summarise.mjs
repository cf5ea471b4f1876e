#!/usr/bin/env node
// Reads the test reports and prints one final line: "N passed, N failed" (vitest twice + Playwright).
//   reports/vitest.json      vitest's json reporter (Jest-compatible numPassedTests, numFailedTests, …)
//   reports/vitest-node24.json  the same suites run again on Node 24 (.ci/run, decision 041)
//   reports/playwright.json  Playwright's json reporter (stats.expected / unexpected / flaky / skipped)
// A missing report counts as 0 (e.g. the type check failed before the tests ran); an unreadable one
// counts as one failure; the Node 24 run's report must be there and have run tests, or it counts as
// one failure (a second run that quietly ran nothing would look green). Exits 1 when nothing passed or
// anything failed, 0 otherwise.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const reports = path.join(root, "reports");

const num = (value) => (Number.isFinite(value) && value > 0 ? Math.trunc(value) : 0);

function read(file) {
  const full = path.join(reports, file);
  if (!fs.existsSync(full)) return { missing: true };
  try {
    return { data: JSON.parse(fs.readFileSync(full, "utf8")) };
  } catch (error) {
    return { error: `${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function vitest(name = "vitest", file = "vitest.json", required = false) {
  const { missing, data, error } = read(file);
  if (missing) return { name, passed: 0, failed: required ? 1 : 0, skipped: 0, note: required ? "no report: it did not run" : "no report" };
  if (error) return { name, passed: 0, failed: 1, skipped: 0, note: `unreadable report (${error})` };
  if (required && !num(data.numTotalTests)) return { name, passed: 0, failed: 1, skipped: 0, note: "it ran no tests" };
  const passed = num(data.numPassedTests);
  let failed = num(data.numFailedTests);
  const skipped = num(data.numPendingTests) + num(data.numTodoTests);
  // A test file that failed to load (syntax error, failing import, hook error) has no tests to fail:
  // count each such file as one failure.
  const brokenFiles = (Array.isArray(data.testResults) ? data.testResults : []).filter(
    (file) => file?.status === "failed" && !(file.assertionResults ?? []).some((t) => t?.status === "failed"),
  ).length;
  failed += brokenFiles;
  // Errors outside any test (unhandled rejections…) make the run fail without failing a test.
  if (data.success === false && failed === 0) failed = 1;
  return { name, passed, failed, skipped, note: brokenFiles ? `${brokenFiles} file(s) failed to run` : "" };
}

function playwright() {
  const { missing, data, error } = read("playwright.json");
  if (missing) return { name: "playwright", passed: 0, failed: 0, skipped: 0, note: "no report" };
  if (error) return { name: "playwright", passed: 0, failed: 1, skipped: 0, note: `unreadable report (${error})` };
  const stats = data.stats ?? {};
  const flaky = num(stats.flaky);
  // Errors outside tests: the web server did not start, a spec file failed to load, a global hook threw.
  const globalErrors = Array.isArray(data.errors) ? data.errors.length : 0;
  const notes = [];
  // A flaky test failed at least once: it is not a clean pass (retries are 0 here anyway).
  if (flaky) notes.push(`${flaky} flaky counted as failed`);
  if (globalErrors) notes.push(`${globalErrors} error(s) outside tests`);
  return {
    name: "playwright",
    passed: num(stats.expected),
    failed: num(stats.unexpected) + flaky + globalErrors,
    skipped: num(stats.skipped),
    note: notes.join("; "),
  };
}

const parts = [vitest(), vitest("vitest-24", "vitest-node24.json", true), playwright()];
for (const p of parts) {
  // Per-runner lines use another shape, so that only the last line reads as the run's total.
  console.log(`  ${p.name.padEnd(11)} passed ${p.passed} / failed ${p.failed} / skipped ${p.skipped}${p.note ? ` (${p.note})` : ""}`);
}
const passed = parts.reduce((sum, p) => sum + p.passed, 0);
const failed = parts.reduce((sum, p) => sum + p.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
