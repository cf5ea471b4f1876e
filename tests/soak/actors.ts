// The people of the mixed soak, each a loop against the real server until `running()` turns false:
// residents browsing and co-signing, editors typing into drafts, a meeting voting. Each records what
// the server acknowledged (so the store can be checked for it) and every answer it did not expect.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { connectClient, waitFor, type Client } from "../integration/support/collab";
import type { Person } from "../integration/support/meeting";
import { closedWhileIdle, postForm } from "../integration/support/server-process";
import { paragraphsByMarker, startTyping, type Typist } from "../integration/support/typing";

export interface Problems {
  count: number;
  samples: string[];
}

export function problems(): Problems {
  return { count: 0, samples: [] };
}

function note(p: Problems, what: string) {
  p.count += 1;
  if (p.samples.length < 20) p.samples.push(what);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (low: number, high: number) => low + Math.random() * (high - low);

/**
 * Kept-alive connections, as a browser keeps them, each closed by us after 4 s idle: before the
 * server's own 5 s keep-alive timeout closes it under a request already on its way.
 */
const browserAgent = (maxSockets: number) => new http.Agent({ keepAlive: true, maxSockets, timeout: 4000 });

/** A page as a browser reads it: the whole body; status 0 (and the error code) when the request failed. */
function getPage(url: string, path: string, cookie: string, agent: http.Agent, retried = false): Promise<{ status: number; ms: number; error?: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.get(`${url}${path}`, { agent, headers: { Cookie: cookie } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      res.on("error", (error) => resolve({ status: 0, ms: performance.now() - started, error: error.message }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (!retried && closedWhileIdle(req, error)) resolve(getPage(url, path, cookie, new http.Agent(), true));
      else resolve({ status: 0, ms: performance.now() - started, error: error.code ?? error.message });
    });
  });
}

interface Run {
  url: string;
  running: () => boolean;
  errors: Problems;
}

/**
 * Residents: the hall, a topic page, now and then a co-sign of a topic they have not signed yet, with
 * a person's pause in between (10–30 s of reading). Returns the page latencies and the acknowledged co-signs per topic.
 */
export function residents({ url, running, errors }: Run, people: Person[], topicIds: number[]) {
  const agent = browserAgent(64);
  const latencies: number[] = [];
  const cosigned = new Map<number, Set<number>>(topicIds.map((id) => [id, new Set()]));
  let pages = 0;
  async function browse(person: Person) {
    const toSign = [...topicIds].sort(() => Math.random() - 0.5);
    await pause(between(0, 20_000));
    while (running()) {
      const topicPath = `/c/mingyue/topics/${topicIds[Math.floor(Math.random() * topicIds.length)]}`;
      for (const path of ["/c/mingyue", topicPath]) {
        const page = await getPage(url, path, person.cookie, agent);
        pages += 1;
        latencies.push(page.ms);
        if (page.status !== 200) note(errors, `GET ${path} → ${page.status || page.error}`);
      }
      const topicId = Math.random() < 0.5 ? toSign.pop() : undefined;
      if (topicId !== undefined) {
        const answer = await postForm(url, `/c/mingyue/topics/${topicId}`, person.cookie, { intent: "cosign" }, agent);
        if (answer.status === 302) cosigned.get(topicId)!.add(person.id);
        else note(errors, `co-sign topic ${topicId} by ${person.username} → ${answer.status || answer.error}`);
      }
      await pause(between(10_000, 30_000));
    }
  }
  const done = Promise.all(people.map(browse)).then(() => agent.destroy());
  return { done, latencies, cosigned, pages: () => pages };
}

export interface DraftSession {
  topicId: number;
  typists: Typist[];
  observer: Client;
}

/**
 * Editors: `people` split over the drafts, each typing a letter every few hundred ms; one reader per
 * draft watches. A socket that errs or closes while the soak runs is an error.
 */
export async function editors({ url, running, errors }: Run, people: Person[], readers: Person[], topicIds: number[]) {
  const clients: Client[] = [];
  const watch = (client: Client, who: string) => {
    client.provider.on("connection-error", () => note(errors, `websocket error (${who})`));
    client.provider.on("connection-close", () => {
      if (running()) note(errors, `websocket closed (${who})`);
    });
  };
  const sessions: DraftSession[] = [];
  for (const [d, topicId] of topicIds.entries()) {
    const observer = await connectClient(url, topicId, readers[d].cookie);
    watch(observer, `reader of topic ${topicId}`);
    const mine = people.filter((_, i) => i % topicIds.length === d);
    const typing = await Promise.all(mine.map((p) => connectClient(url, topicId, p.cookie)));
    typing.forEach((c, i) => watch(c, `${mine[i].username} on topic ${topicId}`));
    clients.push(observer, ...typing);
    sessions.push({ topicId, observer, typists: typing.map((c, i) => startTyping(c.doc, i + 1, Math.round(between(150, 400)))) });
  }
  /** Stops typing and waits until every reader holds everything every editor typed. */
  async function finish() {
    for (const s of sessions) for (const t of s.typists) t.stop();
    for (const s of sessions) {
      await waitFor(() => {
        const seen = paragraphsByMarker(s.observer.doc);
        return s.typists.every((t) => seen.get(t.marker) === t.typed());
      }, `the reader of topic ${s.topicId} to catch up`, 60_000);
    }
  }
  const close = () => clients.forEach((c) => c.close());
  return { sessions, finish, close };
}

/**
 * The meeting: the convener opens each motion in turn, every representative votes within a couple of
 * seconds, the convener closes it. Returns the acknowledged ballots per motion.
 */
export function meeting({ url, running, errors }: Run, { path, motionIds, convener, reps }: { path: string; motionIds: number[]; convener: Person; reps: Person[] }) {
  const agent = browserAgent(reps.length + 1);
  const acknowledged = new Map<number, Map<number, string>>();
  const choices = ["yes", "no", "abstain"] as const;
  async function convenerPost(intent: "open" | "close", motionId: number) {
    const answer = await postForm(url, path, convener.cookie, { intent, motionId: String(motionId), ...(intent === "close" ? { confirm: "on" } : {}) }, agent);
    if (answer.status !== 302) note(errors, `${intent} motion ${motionId} → ${answer.status || answer.error}`);
  }
  async function vote(motionId: number, rep: Person, choice: string) {
    await pause(between(0, 2000));
    const answer = await postForm(url, path, rep.cookie, { intent: "vote", motionId: String(motionId), choice, confirm: "on" }, agent);
    if (answer.status === 302) acknowledged.get(motionId)!.set(rep.id, choice);
    else note(errors, `vote on motion ${motionId} by ${rep.username} → ${answer.status || answer.error}`);
  }
  async function sit() {
    for (const motionId of motionIds) {
      if (!running()) break;
      acknowledged.set(motionId, new Map());
      await convenerPost("open", motionId);
      await Promise.all(reps.map((rep, i) => vote(motionId, rep, choices[(i + motionId) % choices.length])));
      await convenerPost("close", motionId);
      await pause(between(1000, 3000));
    }
  }
  const done = sit().then(() => agent.destroy());
  return { done, acknowledged };
}
