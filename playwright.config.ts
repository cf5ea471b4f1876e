import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT, LOOP_PORT, VILLAGE_PORT } from "./tests/fixtures/ports";

// End-to-end journeys in real Chromium: Debian's headless shell build of it (package
// chromium-headless-shell, the same Chromium as /usr/bin/chromium, the way Playwright itself runs
// headless; decision 021), as browser downloads are impossible here, against the real server,
// started on port 3100 with a fresh, demo-seeded database every run.
// The database lives in .e2e/, not test-results/ (Playwright empties that folder).
const PORT = E2E_PORT;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 7_500 },
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    // A failed test keeps its trace (DOM snapshots of every step) but no screencast: recording frames
    // for every test, to throw them away when it passes, cost the whole suite minutes on two cores.
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: false },
    screenshot: "only-on-failure",
  },
  webServer: [
    {
      // ensure-build is a no-op when build/ is up to date (npm test has just built it).
      command: `npx tsx server/cli/ensure-build.ts && rm -rf .e2e/main && mkdir -p .e2e/main && NODE_ENV=production CACHE_VERIFY=1 PORT=${PORT} DATABASE_PATH=.e2e/main/e2e.db DEMO_SEED=1 LOG_LEVEL=warn npx tsx server/start.ts`,
      url: `http://localhost:${PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The full-loop journey's own server, whose clock the test moves (POST /__test/clock).
      command: `npx tsx server/cli/ensure-build.ts && rm -rf .e2e/loop && mkdir -p .e2e/loop && NODE_ENV=production CACHE_VERIFY=1 TEST_CLOCK=1 PORT=${LOOP_PORT} DATABASE_PATH=.e2e/loop/e2e.db DEMO_SEED=1 LOG_LEVEL=error npx tsx server/start.ts`,
      url: `http://localhost:${LOOP_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The village journey's own server (四议两公开 in 石榴村), whose clock that test moves.
      command: `npx tsx server/cli/ensure-build.ts && rm -rf .e2e/village && mkdir -p .e2e/village && NODE_ENV=production CACHE_VERIFY=1 TEST_CLOCK=1 PORT=${VILLAGE_PORT} DATABASE_PATH=.e2e/village/e2e.db DEMO_SEED=1 LOG_LEVEL=error npx tsx server/start.ts`,
      url: `http://localhost:${VILLAGE_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
