// The mixed load of `npm run bench:pages` (bench/pages.ts), in a process of its own (forked, so it
// takes nothing from the measuring process's event loop): real writes through the real server over
// HTTP — co-signs, comments and new topics posted by signed-in members of other communities with
// the app's own forms and a same-origin Origin header — at a fixed rate (open loop: sent on schedule
// whether or not earlier ones have been answered), and editors typing into one topic's draft over the
// y-websocket protocol, one character per keystroke, each a real Yjs update the server applies and
// stores. Each writer is a person: one form at a time (a write goes to a writer of that community
// who is not still waiting for an answer; when every one of them is waiting, it is not sent and
// counted), so how many writes are outstanding is bounded by the people, not by a connection pool
// (docs/decisions/035-writers-and-route-discovery.md). Told "start" and "stop" by the parent; after
// each "stop" it answers with what was achieved.
import http from "node:http";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { DRAFT_FIELD } from "../app/models/draft-text";
import { COMMENTS, descriptionOf, rng, titleOf } from "./words";
import { openSynced, type SyncedClient } from "./yjs-client";

export interface LoadCommunity {
  slug: string;
  /** Share of the writes (busy communities get more). */
  weight: number;
  /** Signed-in residents: session cookie and user id; `waiting` while their last write is unanswered. */
  members: Array<{ cookie: string; userId: number; waiting?: boolean }>;
  /** Topics still collecting co-signs: who proposed and who co-signed already, how many it still takes. */
  openTopics: Array<{ id: number; proposerId: number; cosigners: number[]; room: number }>;
  /** Topics that take comments. */
  commentTopics: number[];
  category: string;
}

export interface LoadPlan {
  origin: string;
  writesPerSecond: number;
  communities: LoadCommunity[];
  editors: { topicId: number; cookies: string[]; keystrokesPerSecond: number };
}

export interface LoadStats {
  seconds: number;
  writes: Record<"cosign" | "comment" | "topic", { ok: number; failed: number }>;
  writes_per_s: number;
  failed: number;
  /** Writes not sent because every writer of the community picked was still waiting for an answer (the server fell behind). */
  not_sent: number;
  /** The most writes outstanding at once. */
  max_in_flight: number;
  failures: Record<string, number>;
  write_p50_ms: number;
  write_p99_ms: number;
  keystrokes: number;
  keystrokes_per_s: number;
  editors_connected: number;
  editor_errors: number;
}

/** Shares of co-signs and comments (the rest are new topics): BENCH_WRITE_MIX="0.4,0.45" (the default). */
const [COSIGNS, COMMENTS_SHARE] = (process.env.BENCH_WRITE_MIX ?? "0.4,0.45").split(",").map(Number);
const r = rng(7);

/**
 * One form posted; its status, or -1 when the connection failed. A kept-alive connection the server
 * closed while it sat idle (its keep-alive timeout) is sent again once on a new one, as a browser does.
 */
function post(origin: string, agent: http.Agent, path: string, cookie: string, form: Record<string, string>, retry = true): Promise<number> {
  const body = new URLSearchParams(form).toString();
  const url = new URL(origin);
  return new Promise((resolve) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method: "POST", path, agent, headers: { Cookie: cookie, Origin: origin, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (retry && req.reusedSocket && error.code === "ECONNRESET") post(origin, agent, path, cookie, form, false).then(resolve);
      else resolve(-1);
    });
    req.end(body);
  });
}

async function run(plan: LoadPlan) {
  const agent = new http.Agent({ keepAlive: true });
  const totalWeight = plan.communities.reduce((a, c) => a + c.weight, 0);
  const pickCommunity = () => {
    let x = r.random() * totalWeight;
    for (const c of plan.communities) if ((x -= c.weight) < 0) return c;
    return plan.communities[plan.communities.length - 1];
  };

  type Write = { kind: "cosign" | "comment" | "topic"; path: string; writer: LoadCommunity["members"][number]; form: Record<string, string> };
  /**
   * One write of the mix by a writer not still waiting for an answer: 40% co-signs (a member who may),
   * 45% comments, 15% new topics (BENCH_WRITE_MIX); null when every writer of the community picked is waiting.
   */
  function nextWrite(): Write | null {
    const c = pickCommunity();
    const free = c.members.filter((m) => !m.waiting);
    if (!free.length) return null;
    const writer = r.pick(free);
    const x = r.random();
    if (x < COSIGNS) {
      const topic = c.openTopics.length ? r.pick(c.openTopics) : null;
      const signer = topic && free.find((m) => m.userId !== topic.proposerId && !topic.cosigners.includes(m.userId));
      if (topic && signer) {
        topic.cosigners.push(signer.userId);
        // The co-sign that reaches the threshold moves the topic on; it takes none after that.
        if (--topic.room <= 0) c.openTopics.splice(c.openTopics.indexOf(topic), 1);
        return { kind: "cosign", path: `/c/${c.slug}/topics/${topic.id}`, writer: signer, form: { intent: "cosign" } };
      }
    }
    if (x < COSIGNS + COMMENTS_SHARE && c.commentTopics.length) {
      return { kind: "comment", path: `/c/${c.slug}/topics/${r.pick(c.commentTopics)}`, writer, form: { intent: "comment", body: `${r.pick(COMMENTS)}（${Date.now() % 1000}）` } };
    }
    const title = titleOf(r);
    return { kind: "topic", path: `/c/${c.slug}/topics/new`, writer, form: { title, description: descriptionOf(r, title), category: c.category, location: "小区东门" } };
  }

  // The editors stay connected for the whole run; they type only while the load is on.
  const editors: Array<{ client: SyncedClient; text: Y.XmlText }> = [];
  let editorErrors = 0;
  for (const cookie of plan.editors.cookies) {
    const client = await openSynced(plan.origin, plan.editors.topicId, cookie);
    client.ws.on("close", () => editorErrors++);
    client.ws.on("error", () => editorErrors++);
    const text = new Y.XmlText();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [text]);
    const fragment = client.doc.getXmlFragment(DRAFT_FIELD);
    fragment.insert(fragment.length, [paragraph]);
    editors.push({ client, text });
  }

  let on = false;
  let phase = newPhase();
  function newPhase() {
    return { started: performance.now(), sent: 0, notSent: 0, inFlight: 0, maxInFlight: 0, keystrokes: 0, latencies: [] as number[], failures: {} as Record<string, number>, writes: { cosign: { ok: 0, failed: 0 }, comment: { ok: 0, failed: 0 }, topic: { ok: 0, failed: 0 } } };
  }

  const writeTimer = setInterval(() => {
    if (!on) return;
    const p = phase;
    const due = Math.floor(((performance.now() - p.started) / 1000) * plan.writesPerSecond) - p.sent - p.notSent;
    for (let k = 0; k < due; k++) {
      const w = nextWrite();
      if (!w) {
        p.notSent++;
        continue;
      }
      p.sent++;
      p.maxInFlight = Math.max(p.maxInFlight, ++p.inFlight);
      w.writer.waiting = true;
      const t0 = performance.now();
      void post(plan.origin, agent, w.path, w.writer.cookie, w.form).then((status) => {
        w.writer.waiting = false;
        p.inFlight--;
        p.latencies.push(performance.now() - t0);
        if (status === 302) p.writes[w.kind].ok++;
        else {
          p.writes[w.kind].failed++;
          p.failures[`${w.kind} ${status}`] = (p.failures[`${w.kind} ${status}`] ?? 0) + 1;
        }
      });
    }
  }, 5);

  // Each editor types on its own clock, a little jittered.
  const typingTimers = editors.map((e, i) =>
    setInterval(() => {
      if (!on || e.client.ws.readyState !== e.client.ws.OPEN) return;
      e.text.insert(e.text.length, "议事协商共建共治"[(phase.keystrokes + i) % 8]);
      phase.keystrokes++;
    }, Math.round(1000 / plan.editors.keystrokesPerSecond) + i),
  );

  process.on("message", async (m: { type: "start" | "stop" | "exit" }) => {
    if (m.type === "start") {
      phase = newPhase();
      on = true;
    } else if (m.type === "stop") {
      on = false;
      const p = phase;
      const seconds = (performance.now() - p.started) / 1000;
      while (p.inFlight > 0) await new Promise((res) => setTimeout(res, 10));
      // Every keystroke sent has been applied (and stored) once the server answers a step 1 behind it.
      await Promise.all(editors.map((e) => (e.client.ws.readyState === e.client.ws.OPEN ? e.client.flush() : undefined)));
      const ok = p.writes.cosign.ok + p.writes.comment.ok + p.writes.topic.ok;
      const failed = p.writes.cosign.failed + p.writes.comment.failed + p.writes.topic.failed;
      const sorted = p.latencies.sort((a, b) => a - b);
      const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
      const stats: LoadStats = {
        seconds: Math.round(seconds * 100) / 100,
        writes: p.writes,
        writes_per_s: Math.round(ok / seconds),
        failed,
        not_sent: p.notSent,
        max_in_flight: p.maxInFlight,
        failures: p.failures,
        write_p50_ms: at(0.5),
        write_p99_ms: at(0.99),
        keystrokes: p.keystrokes,
        keystrokes_per_s: Math.round(p.keystrokes / seconds),
        editors_connected: editors.filter((e) => e.client.ws.readyState === e.client.ws.OPEN).length,
        editor_errors: editorErrors,
      };
      process.send!({ type: "stats", stats });
    } else if (m.type === "exit") {
      clearInterval(writeTimer);
      typingTimers.forEach(clearInterval);
      await Promise.all(editors.map((e) => e.client.close()));
      agent.destroy();
      process.exit(0);
    }
  });
  process.send!({ type: "ready" });
}

process.once("message", (plan: LoadPlan) => {
  run(plan).catch((error: unknown) => {
    process.stderr.write(`bench/load: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
});
