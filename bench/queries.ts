// Hot queries through our model functions against the same SQL through raw better-sqlite3 prepared
// statements, on the generated benchmark data (bench/generate-data.ts). Each model function is run
// once while better-sqlite3's Statement methods are watched: the statements it ran (SQL, method,
// parameters) are its raw baseline, replayed as statements prepared once. Rounds alternate model and
// raw; each figure is the median time per call, model over raw; the headline is the worst query.
//   npm run bench:queries                      (generates the data into its temp folder, ~1–2 min)
//   BENCH_DATA=/tmp/bench.db npm run bench:queries   (reuses a file from `npx tsx bench/generate-data.ts /tmp/bench.db`)
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Statement } from "better-sqlite3";
import { machine, mergeResults, runBench, useTempDatabase } from "./harness";
import { median, round } from "./server-child";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 150);
const TARGET = 1.2;
const LIMIT_MS = 10 * 60 * 1000;

const { dir, dbFile } = useTempDatabase("queries");

const { getDb } = await import("../db/client.server");
const { BUSY_TITLE } = await import("./generate-data");
const { prepareBenchData } = await import("./bench-data");
const { createSession, generateSessionToken, readSession, sessionIdFromToken } = await import("../app/auth/session.server");
const { readHallColumns } = await import("../app/models/topic.server");
const { listTopicEvents } = await import("../app/models/topic-page.server");
const { listLedgerEntries } = await import("../app/models/ledger.server");
const { hasCosigned } = await import("../app/models/cosign.server");
const { getMemberRoles } = await import("../app/models/community.server");
const { castBallot } = await import("../app/models/ballot.server");

interface Recorded {
  sql: string;
  method: "all" | "get" | "run";
  args: unknown[];
}

/** The statements `fn` runs, in order, with their parameters (better-sqlite3's Statement methods watched). */
function record(fn: () => unknown): Recorded[] {
  const proto = Object.getPrototypeOf(getDb().$client.prepare("SELECT 1")) as Record<string, unknown>;
  const methods = ["all", "get", "run"] as const;
  const originals = methods.map((m) => proto[m] as (...args: unknown[]) => unknown);
  const seen: Recorded[] = [];
  methods.forEach((method, i) => {
    proto[method] = function (this: Statement, ...args: unknown[]) {
      seen.push({ sql: this.source, method, args });
      return originals[i].apply(this, args);
    };
  });
  try {
    fn();
  } catch {
    // a refused ballot (already voted / voting closed) is the check being measured
  } finally {
    methods.forEach((method, i) => (proto[method] = originals[i]));
  }
  return seen;
}

/** The recorded statements as a hand-written better-sqlite3 caller would run them: prepared once, objects out. */
function replayer(recorded: Recorded[]): () => void {
  const c = getDb().$client;
  const steps = recorded.map((r) => {
    const statement = c.prepare(r.sql);
    // better-sqlite3's own pragma() may call all() on a statement that returns nothing; a caller uses run().
    return { statement, method: statement.reader ? r.method : ("run" as const), args: r.args };
  });
  return () => {
    for (const s of steps) {
      try {
        (s.statement[s.method] as (...args: unknown[]) => unknown).apply(s.statement, s.args);
      } catch (error) {
        // The ballot check's ROLLBACK after its read: nothing to roll back when replayed alone.
        if (!/no transaction is active/.test(String(error))) throw new Error(`replaying ${s.method}(${s.statement.source})`, { cause: error });
      }
    }
  };
}

/** Microseconds per call: `fn` repeated for about ROUND_MS. */
function timeRound(fn: () => void, iterations: number): number {
  const started = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  return ((performance.now() - started) * 1000) / iterations;
}

function iterationsFor(fn: () => void): number {
  const probe = timeRound(fn, 20);
  return Math.max(20, Math.round((ROUND_MS * 1000) / probe));
}

function measure(name: string, model: () => unknown) {
  const recorded = record(model);
  if (recorded.length === 0) throw new Error(`${name}: the model ran no statement`);
  const raw = replayer(recorded);
  const modelCall = () => {
    try {
      model();
    } catch {
      // refused ballot, as recorded
    }
  };
  const n = Math.min(iterationsFor(modelCall), iterationsFor(raw));
  const modelUs: number[] = [];
  const rawUs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first, so neither always runs on a warmer cache.
    if (r % 2 === 0) {
      modelUs.push(timeRound(modelCall, n));
      rawUs.push(timeRound(raw, n));
    } else {
      rawUs.push(timeRound(raw, n));
      modelUs.push(timeRound(modelCall, n));
    }
  }
  const m = median(modelUs);
  const b = median(rawUs);
  return {
    query: name,
    statements: recorded.length,
    sql: recorded.map((r) => r.sql.slice(0, 160)),
    iterations_per_round: n,
    model_us: round(m, 2),
    raw_us: round(b, 2),
    ratio: round(m / b, 2),
  };
}

async function main() {
  const loadBefore = os.loadavg();
  const { source } = await prepareBenchData(dbFile);
  const c = getDb().$client;
  const one = <T>(sql: string, ...args: unknown[]) => c.prepare(sql).get(...args) as T;
  const community = one<{ id: number }>("SELECT id FROM communities WHERE slug = 'mingyue'").id;
  const resident = one<{ id: number }>("SELECT id FROM users WHERE username = 'resident1'").id;
  const busy = one<{ id: number }>("SELECT id FROM topics WHERE title = ?", BUSY_TITLE).id;
  const cosigner = one<{ user_id: number }>("SELECT user_id FROM topic_cosigns WHERE topic_id = ? LIMIT 1", busy).user_id;
  const ballot = one<{ meeting_id: number; motion_id: number; user_id: number } | undefined>(
    "SELECT m.meeting_id, b.motion_id, b.user_id FROM ballots b JOIN motions m ON m.id = b.motion_id JOIN meetings mt ON mt.id = m.meeting_id WHERE mt.community_id = ? ORDER BY m.status = 'open' DESC LIMIT 1",
    community,
  );
  const token = generateSessionToken();
  createSession({ token, userId: resident });
  const sessionId = sessionIdFromToken(token);

  const queries: Array<[string, () => unknown]> = [
    // The lookup itself: hashing the token (SHA-256) and the expiry arithmetic around it are not a query.
    ["session_lookup", () => readSession(sessionId)],
    ["member_roles", () => getMemberRoles({ userId: resident, communityId: community })],
    // The read behind the hall's columns, not its until-next-write memory (which would measure a lookup).
    ["hall_topics", () => readHallColumns(community)],
    ["topic_events", () => listTopicEvents({ communityId: community, topicId: busy })],
    ["cosign_check", () => hasCosigned({ topicId: busy, userId: cosigner })],
    ["ledger_page", () => listLedgerEntries({ communityId: community, limit: 50 })],
  ];
  if (ballot) {
    // A representative's second ballot: the check reads the motion, roster and earlier ballot, then refuses.
    const input = { communityId: community, userId: ballot.user_id, roles: ["representative"] as const, meetingId: ballot.meeting_id, motionId: ballot.motion_id, choice: "yes" as const };
    queries.push(["ballot_check", () => castBallot(input)]);
  }
  const results = queries.map(([name, fn]) => measure(name, fn));
  const worst = results.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const geomean = round(Math.exp(results.reduce((n, r) => n + Math.log(r.ratio), 0) / results.length), 2);
  const result = mergeResults({
    machine: machine(),
    raw: {
      queries: {
        data: source,
        rounds: ROUNDS,
        round_ms: ROUND_MS,
        figure: "the worst per-query ratio (model median µs per call / raw median µs per call)",
        geomean_ratio: geomean,
        worst: worst.query,
        target: TARGET,
        results,
        loadavg_before: loadBefore,
        loadavg_after: os.loadavg(),
      },
    },
    figures: { prepared_query_ratio: worst.ratio },
  });
  process.stdout.write(
    [
      `queries: model vs raw better-sqlite3, median of ${ROUNDS} alternating rounds (${source})`,
      ...results.map((r) => `  ${r.query.padEnd(19)} ${String(r.model_us).padStart(9)} µs vs ${String(r.raw_us).padStart(9)} µs  ratio ${r.ratio}  [${r.statements} statements]`),
      `  prepared_query_ratio ${worst.ratio} (worst: ${worst.query}; geometric mean ${geomean}) (≤ ${TARGET})`,
      "",
    ].join("\n"),
  );
  return result;
}

await runBench(main, { limitMs: LIMIT_MS, dir, close: () => getDb().$client.close() });
