// Mixed soak (`npm run test:soak`; not part of `npm test`): one real server process on loopback, and at
// once 200 residents browsing the hall and topic pages and co-signing, 30 editors typing into three
// drafts, and a representatives' meeting voting, for SOAK_SECONDS (default 150). Checks: no failed or
// unexpected answer, no websocket error, nothing at warn level or above in the server's log; every
// acknowledged co-sign and ballot stored, every typed letter in the stored drafts; the ledger verifies;
// the server's RSS does not keep growing. Prints a JSON summary and writes it to bench/results/soak.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { freePort, percentile, round, startChild } from "../../bench/server-child";
import { editors, meeting, problems, residents } from "./actors";
import { cpuSeconds, rssSampler } from "./memory";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 150);
const RESIDENTS = 200;
const EDITORS = 30;
const DRAFTS = 3;
const REPRESENTATIVES = 60;
const COSIGN_TOPICS = 8;
/** RSS growth allowed from just after warm-up to the idle server after the run (see memory.ts). */
const RSS_GROWTH_LIMIT_MB = Number(process.env.SOAK_RSS_GROWTH_MB ?? 100);
const SETTLE_MS = 15_000;
const RESULTS = path.resolve("bench/results/soak.json");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-soak-"));
process.env.DATABASE_PATH = path.join(dir, "soak.db");
process.env.LOG_LEVEL = "silent";

const { closeDb, getDb } = await import("../../db/client.server");
const { runMigrations } = await import("../../server/migrate");
const { seedDemo } = await import("../../server/cli/demo/seed");
const { verifyLedger } = await import("../../app/models/ledger.server");
const { loadDraftUpdate } = await import("../../app/models/draft-store.server");
const { createTopic } = await import("../../app/models/topic-create.server");
const { communityId, userId } = await import("../integration/support/db");
const { addMembers, ballotRows, person, startedMeeting } = await import("../integration/support/meeting");
const { topicIn } = await import("../integration/support/collab");
const { docOf, paragraphsByMarker } = await import("../integration/support/typing");

/** The people, the topics they co-sign (collecting, threshold out of reach), the drafts and the meeting. */
function setUp() {
  const db = getDb();
  const mingyue = communityId("mingyue");
  // Co-signs must stay open for the whole run: no topic may reach its threshold and stop collecting.
  db.$client.prepare("UPDATE rules SET cosign_threshold = 100000 WHERE community_id = ?").run(mingyue);
  const cosignTopics = Array.from({ length: COSIGN_TOPICS }, (_, i) =>
    createTopic({ communityId: mingyue, proposerId: userId("resident1"), title: `浸泡测试议题 ${i + 1}`, description: "长时间混合负载下的联署。", location: "", categoryId: null, source: "resident" }).id,
  );
  const reps = addMembers(REPRESENTATIVES);
  const motions = Math.ceil(SECONDS / 4) + 1;
  const sitting = startedMeeting({ motions, present: reps });
  return {
    mingyue,
    cosignTopics,
    residents: addMembers(RESIDENTS, { roles: ["resident"] }),
    editors: addMembers(EDITORS, { roles: ["committee", "resident"] }),
    readers: addMembers(DRAFTS, { roles: ["resident"] }),
    drafts: Array.from({ length: DRAFTS }, (_, i) => topicIn("drafting", `浸泡测试草稿 ${i + 1}`)),
    sitting: { path: sitting.path, motionIds: sitting.motionIds, convener: person("convener1"), reps },
  };
}

/** Lines the server logs at warn level or above (its log is JSON lines, pino levels: 40 warn, 50 error). */
function serverLog(child: import("node:child_process").ChildProcess) {
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  return lines;
}

async function main() {
  // Each y-websocket provider in Node adds a process "exit" listener; 33 of them are expected here.
  process.setMaxListeners(EDITORS + DRAFTS + 10);
  const db = getDb();
  runMigrations(db);
  await seedDemo(db);
  const setupStarted = performance.now();
  const plan = setUp();
  const setupMs = performance.now() - setupStarted;
  closeDb();

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = await startChild(port, { env: { LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "pipe"] });
  const log = serverLog(child);
  const memory = rssSampler(child.pid!, 2000);
  const errors = problems();
  let live = true;
  const run = { url, running: () => live, errors };

  const started = performance.now();
  const cpuBefore = cpuSeconds(child.pid!);
  const writing = await editors(run, plan.editors, plan.readers, plan.drafts);
  const browsing = residents(run, plan.residents, plan.cosignTopics);
  const voting = meeting(run, plan.sitting);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  live = false;
  await Promise.all([browsing.done, voting.done, writing.finish()]);
  const ranMs = performance.now() - started;
  const rss = memory.stop();
  // How much of a core the server got: on a machine shared with other work, page times follow it.
  const serverCores = round((cpuSeconds(child.pid!) - cpuBefore) / (ranMs / 1000), 2);
  writing.close();
  const settledMb = await memory.settle(SETTLE_MS);
  child.kill("SIGTERM");
  const exitCode = await new Promise<number | null>((r) => child.once("exit", (code) => r(code)));

  // Nothing lost: the store holds what was acknowledged, and only that.
  const store = getDb();
  const lost: string[] = [];
  for (const [topicId, signers] of browsing.cosigned) {
    const stored = store.$client.prepare("SELECT user_id FROM topic_cosigns WHERE topic_id = ?").pluck().all(topicId) as number[];
    if (stored.length !== signers.size || stored.some((id) => !signers.has(id))) lost.push(`topic ${topicId}: ${stored.length} co-signs stored, ${signers.size} acknowledged`);
  }
  for (const [motionId, ballots] of voting.acknowledged) {
    const stored = ballotRows(motionId);
    if (stored.length !== ballots.size || stored.some((b) => ballots.get(b.userId) !== b.choice)) lost.push(`motion ${motionId}: ${stored.length} ballots stored, ${ballots.size} acknowledged`);
  }
  let typedLetters = 0;
  for (const s of writing.sessions) {
    const stored = paragraphsByMarker(docOf(loadDraftUpdate(s.topicId)!));
    for (const t of s.typists) {
      typedLetters += t.typed().length - t.marker.length;
      if (stored.get(t.marker) !== t.typed()) lost.push(`draft ${s.topicId} ${t.marker}: stored ${stored.get(t.marker)?.length ?? 0} of ${t.typed().length} characters`);
    }
  }
  const ledger = verifyLedger({ communityId: plan.mingyue }, store);
  const logged = log.filter((line) => !/"level":(10|20|30)\b/.test(line));
  const growthMb = round(settledMb - rss.afterWarmUpMb);

  const latencies = [...browsing.latencies].sort((a, b) => a - b);
  const cosigns = [...browsing.cosigned.values()].reduce((n, s) => n + s.size, 0);
  const ballots = [...voting.acknowledged.values()].reduce((n, m) => n + m.size, 0);
  const summary = {
    at: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model ?? "unknown", cores: os.cpus().length, node: process.version, loadavg_at_end: os.loadavg().map((l) => round(l, 2)) },
    seconds: round(ranMs / 1000),
    setup_ms: round(setupMs),
    people: { residents: RESIDENTS, editors: EDITORS, drafts: DRAFTS, representatives: REPRESENTATIVES },
    acknowledged: { pages: browsing.pages(), cosigns, ballots, motions_voted: voting.acknowledged.size, typed_letters: typedLetters },
    server_cpu_cores_used: serverCores,
    pages_ms: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)) },
    errors: errors.count,
    error_samples: errors.samples,
    server_log_lines_warn_or_above: logged.length,
    server_log_samples: logged.slice(0, 10),
    server_exit_code: exitCode,
    lost,
    ledger_intact: ledger.ok,
    rss_mb: { ...rss, idle_after_mb: settledMb, idle_after_seconds: SETTLE_MS / 1000, growth_after_warm_up: growthMb, limit: RSS_GROWTH_LIMIT_MB },
  };
  const passed = errors.count === 0 && logged.length === 0 && lost.length === 0 && ledger.ok && growthMb <= RSS_GROWTH_LIMIT_MB && exitCode === 0;
  const result = { passed, ...summary };
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, JSON.stringify(result, null, 2) + "\n");
  process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  return passed;
}

let passed = false;
try {
  passed = await main();
} finally {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(passed ? "soak: passed\n" : "soak: FAILED\n");
process.exit(passed ? 0 : 1);
