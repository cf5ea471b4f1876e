// Who writes in the mixed load of `npm run bench:pages` (bench/load.ts), read from the benchmark
// database before the server starts: the ten busiest city communities and fifty quiet ones spread
// over the rest (half the writes each), never mingyue; twenty residents of each, signed in; their
// topics that still collect co-signs or take comments; and ten committee members of mingyue typing in
// one of its drafts (not the measured topic). The writers' sessions are 20 days old (10 days left),
// so each one's first request refreshes it, as a returning user's would.
import { fork } from "node:child_process";
import type { Db } from "../db/client.server";
import { createSession, generateSessionToken, sessionIdFromToken, SESSION_COOKIE } from "../app/auth/session.server";
import type { LoadCommunity, LoadPlan, LoadStats } from "./load";

const COMMENTABLE = ["open", "screening", "drafting", "consulting", "executing", "verifying"];
const DAY = 24 * 60 * 60 * 1000;

export function makeLoadPlan(db: Db, { origin, busyTopicId, signIn }: { origin: string; busyTopicId: number; signIn: (userId: number, expiresAt?: Date) => string }): LoadPlan {
  const c = db.$client;
  const mingyue = (c.prepare("SELECT id FROM communities WHERE slug = 'mingyue'").get() as { id: number }).id;
  // Busiest first: the city's communities are numbered by rank; without a city, the street's.
  const ranked = c.prepare("SELECT c.id, c.slug, (SELECT count(*) FROM topics t WHERE t.community_id = c.id) AS topics FROM communities c WHERE c.id <> ? ORDER BY topics DESC, c.id").all(mingyue) as Array<{ id: number; slug: string; topics: number }>;
  const busy = ranked.slice(0, 10);
  const rest = ranked.slice(10);
  const quiet = Array.from({ length: Math.min(50, rest.length) }, (_, k) => rest[Math.floor((k * rest.length) / Math.min(50, rest.length))]);
  const soon = new Date(Date.now() + 10 * DAY);
  const residents = c.prepare("SELECT user_id AS id FROM memberships WHERE community_id = ? AND role = 'resident' ORDER BY user_id LIMIT 20").pluck();
  const open = c.prepare("SELECT id, proposer_id AS proposerId, cosign_count AS cosigns FROM topics WHERE community_id = ? AND state = 'open' ORDER BY id DESC LIMIT 200");
  const cosigners = c.prepare("SELECT user_id FROM topic_cosigns WHERE topic_id = ?").pluck();
  const commentable = c.prepare(`SELECT id FROM topics WHERE community_id = ? AND state IN (${COMMENTABLE.map(() => "?").join(", ")}) ORDER BY id DESC LIMIT 500`).pluck();
  const threshold = c.prepare("SELECT cosign_threshold FROM rules WHERE community_id = ?").pluck();
  const community = (row: { id: number; slug: string }, weight: number): LoadCommunity => {
    const need = threshold.get(row.id) as number;
    return {
      slug: row.slug,
      weight,
      members: (residents.all(row.id) as number[]).map((userId) => ({ userId, cookie: signIn(userId, soon) })),
      openTopics: (open.all(row.id) as Array<{ id: number; proposerId: number; cosigns: number }>).map((t) => ({ id: t.id, proposerId: t.proposerId, cosigners: cosigners.all(t.id) as number[], room: Math.max(1, need - t.cosigns) })),
      commentTopics: commentable.all(row.id, ...COMMENTABLE) as number[],
      category: "facilities",
    };
  };
  const communities = [...busy.map((row) => community(row, 1 / busy.length)), ...quiet.map((row) => community(row, 1 / quiet.length))].filter((x) => x.members.length > 0);

  const draft = c.prepare("SELECT id FROM topics WHERE community_id = ? AND state = 'drafting' AND id <> ? ORDER BY id LIMIT 1").pluck().get(mingyue, busyTopicId) as number;
  const editorIds = c.prepare("SELECT user_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.community_id = ? AND m.role = 'committee' AND u.username LIKE 'bench-editor%' ORDER BY user_id").pluck().all(mingyue) as number[];
  if (editorIds.length < 10) throw new Error("the benchmark data has no editors (bench-editor1..10): regenerate it");
  return {
    origin,
    writesPerSecond: Number(process.env.BENCH_WRITES_PER_S ?? 200),
    communities,
    editors: { topicId: draft, cookies: editorIds.map((id) => signIn(id)), keystrokesPerSecond: Number(process.env.BENCH_KEYSTROKES_PER_S ?? 3) },
  };
}

/**
 * A session cookie for `userId`, made in the benchmark's own connection before the server starts.
 * `expiresAt` earlier than usual (and a session 20 days old) makes its first use a refresh.
 */
export function signInWith(db: Db) {
  return (userId: number, expiresAt?: Date) => {
    const token = generateSessionToken();
    createSession({ token, userId });
    if (expiresAt) db.$client.prepare("UPDATE sessions SET expires_at = ?, created_at = ? WHERE id = ?").run(expiresAt.getTime(), Date.now() - 20 * DAY, sessionIdFromToken(token));
    return `${SESSION_COOKIE}=${token}`;
  };
}

/**
 * bench/load.ts in a process of its own, given `plan`: resolves once its editors are connected.
 * `start()` sets the load going, `stop()` answers with what it achieved, `exit()` ends the process.
 */
export async function startLoad(plan: LoadPlan) {
  const loader = fork("bench/load.ts", { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: { type: string; stats?: T }) => m.type === type && (loader.off("message", onMessage), loader.off("exit", onExit), resolve(m.stats as T));
      const onExit = (code: number) => reject(new Error(`bench/load exited with ${code}`));
      loader.on("message", onMessage);
      loader.once("exit", onExit);
    });
  const ready = next<void>("ready");
  loader.send(plan);
  await ready;
  return {
    start: () => loader.send({ type: "start" }),
    stop: () => {
      const stats = next<LoadStats>("stats");
      loader.send({ type: "stop" });
      return stats;
    },
    exit: async () => {
      if (loader.connected) loader.send({ type: "exit" });
      await new Promise((r) => (loader.exitCode === null ? loader.once("exit", r) : r(null)));
    },
  };
}
