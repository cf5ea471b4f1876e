// Vote storm: 500 checked-in representatives vote at once on one motion over HTTP, against the real
// server (`server/start.ts`, production mode, in its own process) on a fresh demo database. The
// baseline is a no-op Remix action on the same server (app/routes/bench.noop.tsx: read the form,
// check the session, redirect), posted by the same 500 sessions. Rounds alternate baseline and
// votes, a fresh motion each round; the figure is the ratio of the medians. Every vote round is
// checked: each representative's ballot stored exactly once, with its ledger entry.
// Not part of `npm test`; run with `npm run bench:votes` (or `npm run bench` for all benchmarks).
import { execFileSync } from "node:child_process";
import http from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { machine, mergeResults, runBench, useTempDatabase } from "./harness";
import { freePort, median, percentile, processCpuMs, round, startChild } from "./server-child";

const VOTERS = Number(process.env.BENCH_VOTERS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET = 0.7;
const LIMIT_MS = 10 * 60 * 1000;
const CHOICES = ["yes", "no", "yes", "abstain", "yes"] as const;

const { dir } = useTempDatabase("votes");

const { getDb } = await import("../db/client.server");
const { runMigrations } = await import("../server/migrate");
const { seedDemo } = await import("../server/cli/demo/seed");
const { memberships, users } = await import("../db/schema");
const { createSession, generateSessionToken, SESSION_COOKIE } = await import("../app/auth/session.server");
const { createTopic } = await import("../app/models/topic-create.server");
const { advanceTopic } = await import("../app/models/workflow.server");
const { appendDraftUpdate, ensureDraftDocument } = await import("../app/models/draft-store.server");
const { templateUpdate } = await import("../app/models/draft-text");
const { freezeDraft } = await import("../app/models/freeze.server");
const { recordMeeting } = await import("../app/models/consultation.server");
const { scheduleMeeting } = await import("../app/models/meeting.server");
const { startMeeting } = await import("../app/models/meeting-session.server");
const { checkIn } = await import("../app/models/meeting-attendance.server");
const { tableMotion } = await import("../app/models/meeting-agenda.server");
const { verifyLedger } = await import("../app/models/ledger.server");
const { paragraphUpdate } = await import("../tests/fixtures/consultation");

type Db = ReturnType<typeof getDb>;

function idOf(db: Db, sql: string, ...args: unknown[]): number {
  return (db.$client.prepare(sql).get(...args) as { id: number }).id;
}

function cookieFor(userId: number): string {
  const token = generateSessionToken();
  createSession({ token, userId });
  return `${SESSION_COOKIE}=${token}`;
}

function must<T extends object>(what: string, r: ({ ok: true } & T) | { ok: false; problem: string }): T {
  if (!r.ok) throw new Error(`${what}: ${r.problem}`);
  return r;
}

/** The demo data, `VOTERS` more representatives with sessions, and a started meeting with them all present. */
function setUp(db: Db) {
  const community = idOf(db, "SELECT id FROM communities WHERE slug = 'mingyue'");
  const committee = { userId: idOf(db, "SELECT id FROM users WHERE username = 'committee1'"), roles: ["committee"] as const };
  const convener = { communityId: community, userId: idOf(db, "SELECT id FROM users WHERE username = 'convener1'"), roles: ["convener"] as const };
  const voterIds = db.transaction((tx) =>
    Array.from({ length: VOTERS }, (_, i) => {
      const { id } = tx.insert(users).values({ username: `bench${i}`, displayName: `基准代表${i}`, passwordHash: "!" }).returning({ id: users.id }).get();
      tx.insert(memberships).values([
        { communityId: community, userId: id, role: "representative" },
        { communityId: community, userId: id, role: "resident" },
      ]).run();
      return id;
    }),
  );
  const voters = voterIds.map((id) => ({ id, cookie: cookieFor(id) }));
  const { id: meetingId } = must("schedule", scheduleMeeting({ ...convener, title: "基准:居民代表会议", place: "社区议事厅", scheduledAt: new Date(Date.now() + 3_600_000), requestId: null, acceptShortNotice: true }));
  // One motion per vote round, and one to warm up on.
  const motionIds = Array.from({ length: ROUNDS + 1 }, (_, i) => {
    const topic = createTopic({ communityId: community, proposerId: committee.userId, title: `基准议题 ${i + 1}`, description: "", location: "", categoryId: null, source: "committee" });
    advanceTopic({ topicId: topic.id, communityId: community, action: "accept", actor: committee });
    // The step gates (app/workflow/step-gates.ts): a draft before consultation, an outcome on record before 定稿.
    appendDraftUpdate({ topicId: topic.id, update: paragraphUpdate(ensureDraftDocument(topic.id, templateUpdate), "更换东门路灯三盏。"), userId: committee.userId });
    advanceTopic({ topicId: topic.id, communityId: community, action: "startConsultation", actor: committee });
    const minutes = { heldAt: new Date(), place: "社区议事厅", participants: "居民代表", opinions: "同意。", minutes: "会议同意方案。" };
    must("consult", recordMeeting({ communityId: community, topicId: topic.id, ...committee, meeting: minutes }));
    must("freeze", freezeDraft({ communityId: community, topicId: topic.id, ...committee }));
    return must("table", tableMotion({ ...convener, meetingId, topicId: topic.id, secret: false, onFail: "close" })).id;
  });
  must("start", startMeeting({ ...convener, meetingId, early: true }));
  for (const v of voters) must("checkIn", checkIn({ communityId: community, userId: v.id, roles: ["representative"], meetingId }));
  return { community, meetingId, motionIds, voters, convenerCookie: cookieFor(convener.userId) };
}

async function main() {
  const loadBefore = os.loadavg();
  const uptimeBefore = execFileSync("uptime", { encoding: "utf8" }).trim();
  const db = getDb();
  runMigrations(db);
  await seedDemo(db);
  const setupStarted = performance.now();
  const { community, meetingId, motionIds, voters, convenerCookie } = setUp(db);
  const setupMs = performance.now() - setupStarted;

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const meetingPath = `/c/mingyue/meetings/${meetingId}`;
  const child = await startChild(port);
  // Keep-alive, one socket per voter: the storm measures requests, not connection setup.
  const agent = new http.Agent({ keepAlive: true, maxSockets: VOTERS });

  const post = (pathname: string, cookie: string, body: string) =>
    new Promise<{ status: number; ms: number; reused: boolean }>((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        { host: "127.0.0.1", port, method: "POST", path: pathname, agent, headers: { Cookie: cookie, Origin: origin, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, reused: req.reusedSocket }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });

  /** CPU time the server process has used so far, in ms (robust to other load on the machine). */
  const serverCpuMs = () => processCpuMs(child.pid!);

  /** All voters post at once; the clock runs from the first send to the last answer. */
  async function storm(kind: "noop" | "votes", motionId: number) {
    const target = kind === "noop" ? "/bench/noop" : meetingPath;
    const cpuBefore = serverCpuMs();
    const started = performance.now();
    const answers = await Promise.all(voters.map((v, i) => post(target, v.cookie, `intent=vote&motionId=${motionId}&choice=${CHOICES[i % CHOICES.length]}&confirm=on`)));
    const ms = performance.now() - started;
    const cpu = serverCpuMs() - cpuBefore;
    const bad = answers.filter((a) => a.status !== 302);
    if (bad.length) throw new Error(`${kind}: ${bad.length} answers were not 302 (e.g. ${bad[0].status})`);
    const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
    return { kind, requests: answers.length, ms: round(ms), per_s: round((answers.length / ms) * 1000), p50_ms: round(latencies[latencies.length >> 1]), p99_ms: round(percentile(latencies, 99)), reused_sockets: answers.filter((a) => a.reused).length, server_cpu_ms_per_request: round(cpu / answers.length, 3) };
  }

  async function convenerPost(intent: "open" | "close", motionId: number) {
    const { status } = await post(meetingPath, convenerCookie, `intent=${intent}&motionId=${motionId}${intent === "close" ? "&confirm=on" : ""}`);
    if (status !== 302) throw new Error(`${intent} motion ${motionId}: ${status}`);
  }

  /** Each voter's ballot stored exactly once, with its own ledger entry. */
  function check(motionId: number) {
    const c = db.$client;
    const ballots = c.prepare("SELECT count(*) AS n, count(DISTINCT user_id) AS voters, count(DISTINCT ledger_seq) AS entries FROM ballots WHERE motion_id = ?").get(motionId) as { n: number; voters: number; entries: number };
    const ledger = (c.prepare("SELECT count(*) AS n FROM ledger_entries WHERE type = 'ballot.cast' AND subject = ?").get(`motion:${motionId}`) as { n: number }).n;
    const expected = voters.map((v, i) => `${v.id}:${CHOICES[i % CHOICES.length]}`).join(",");
    const stored = (c.prepare("SELECT user_id || ':' || choice AS b FROM ballots WHERE motion_id = ? ORDER BY user_id").pluck().all(motionId) as string[]).join(",");
    const ok = ballots.n === VOTERS && ballots.voters === VOTERS && ballots.entries === VOTERS && ledger === VOTERS && stored === expected;
    if (!ok) throw new Error(`motion ${motionId}: ${JSON.stringify({ ballots, ledger, choicesMatch: stored === expected })}`);
    return { ballots: ballots.n, ledger_entries: ledger, stored_once: true };
  }

  async function voteRound(motionId: number) {
    await convenerPost("open", motionId);
    const result = await storm("votes", motionId);
    const verified = check(motionId);
    await convenerPost("close", motionId);
    return { ...result, motion: motionId, ...verified };
  }

  const runs: Array<Record<string, unknown> & { kind: string; per_s: number }> = [];
  try {
    // Warm-up (not counted): opens the sockets and warms both code paths.
    await storm("noop", motionIds[0]);
    await voteRound(motionIds[0]);
    for (let r = 1; r <= ROUNDS; r++) {
      runs.push({ round: r, ...(await storm("noop", motionIds[r])) });
      runs.push({ round: r, ...(await voteRound(motionIds[r])) });
    }
  } finally {
    agent.destroy();
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }

  // The chain and every ballot row still agree after the storms.
  const ledger = verifyLedger({ communityId: community }, db);
  if (!ledger.ok) throw new Error(`ledger broken at entry ${ledger.brokenSeq} (${ledger.reason})`);

  const noop = median(runs.filter((r) => r.kind === "noop").map((r) => r.per_s));
  const votes = median(runs.filter((r) => r.kind === "votes").map((r) => r.per_s));
  const ratio = Math.round((votes / noop) * 100) / 100;
  const cpu = (kind: string) => median(runs.filter((r) => r.kind === kind).map((r) => r.server_cpu_ms_per_request as number));
  // The same comparison in server CPU time per request, which other load on the machine disturbs less.
  const cpuRatio = Math.round((cpu("noop") / cpu("votes")) * 100) / 100;
  const result = mergeResults({
    machine: machine(),
    raw: {
      vote_storm: {
        voters: VOTERS,
        rounds: ROUNDS,
        server: "server/start.ts in its own process, NODE_ENV=production; client: node:http keep-alive agent, one socket per voter",
        setup_ms: round(setupMs),
        ledger_intact_after: ledger.ok,
        median_noop_per_s: noop,
        median_votes_per_s: votes,
        median_server_cpu_ms_per_request: { noop: cpu("noop"), votes: cpu("votes") },
        cpu_ratio: cpuRatio,
        runs,
        loadavg_before: loadBefore,
        loadavg_after: os.loadavg(),
        uptime_before: uptimeBefore,
      },
    },
    figures: { vote_storm_ratio: ratio, vote_storm_target: TARGET },
  });
  process.stdout.write(
    [
      `vote storm: ${VOTERS} voters × ${ROUNDS} rounds (load before: ${loadBefore.map((l) => l.toFixed(2)).join(" ")})`,
      ...runs.map((r) => `  round ${r.round} ${r.kind.padEnd(5)} ${String(r.per_s).padStart(8)} /s  p50 ${r.p50_ms} ms  p99 ${r.p99_ms} ms  server CPU ${r.server_cpu_ms_per_request} ms/request`),
      `  median: noop ${noop}/s, votes ${votes}/s → vote_storm_ratio ${ratio} (target ≥ ${TARGET}); server CPU per request ${cpu("noop")} vs ${cpu("votes")} ms → ${cpuRatio}`,
      "",
    ].join("\n"),
  );
  return result;
}

await runBench(main, { limitMs: LIMIT_MS, dir, close: () => getDb().$client.close() });
