// Stored size of a much-edited draft: one committee member's client types and deletes EDITS times at
// random places of a topic's draft through the real collaborative server (in this process, on
// loopback, storing every update and compacting every DRAFT_COMPACT_EVERY as in production), then
// leaves, which compacts. The figure is what the store holds for the document (compacted state plus
// any log rows) against the baseline Y.encodeStateAsUpdate of the server's own document.
//   npm run bench:docs
import os from "node:os";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { machine, mergeResults, runBench, useTempDatabase } from "./harness";
import { round } from "./server-child";
import { seededRandom } from "../tests/support/seeded-random";
import { openSynced } from "./yjs-client";

const EDITS = Number(process.env.BENCH_EDITS ?? 10_000);
const FLUSH_EVERY = 100;
const TARGET = 1.5;
const LIMIT_MS = 10 * 60 * 1000;
const TYPED = "居民代表会议讨论加装电梯停车位改造预算方案责任主体时间安排，";

const { dir } = useTempDatabase("docbytes");

const { getDb } = await import("../db/client.server");
const { runMigrations } = await import("../server/migrate");
const { seedDemo } = await import("../server/cli/demo/seed");
const { startServer } = await import("../server/app");
const { createSession, generateSessionToken, SESSION_COOKIE } = await import("../app/auth/session.server");
const { createTopic } = await import("../app/models/topic-create.server");
const { advanceTopic } = await import("../app/models/workflow.server");
const { DRAFT_FIELD } = await import("../app/models/draft-text");


/**
 * One edit as a person makes it: mostly typing a few characters somewhere in a paragraph, sometimes
 * deleting a few, now and then starting a new paragraph. Each is its own transaction, so its own update.
 */
function edit(fragment: Y.XmlFragment, random: () => number) {
  const pick = (n: number) => Math.floor(random() * n);
  const paragraphs = fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "paragraph");
  const roll = random();
  if (roll < 0.02 || paragraphs.length === 0) {
    fragment.insert(pick(fragment.length + 1), [new Y.XmlElement("paragraph")]);
    return;
  }
  const paragraph = paragraphs[pick(paragraphs.length)];
  let text = paragraph.get(0);
  if (!(text instanceof Y.XmlText)) {
    text = new Y.XmlText();
    paragraph.insert(0, [text]);
  }
  const length = (text as Y.XmlText).length;
  if (roll < 0.27 && length > 0) {
    const at = pick(length);
    (text as Y.XmlText).delete(at, Math.min(length - at, 1 + pick(6)));
  } else {
    const start = pick(TYPED.length - 4);
    (text as Y.XmlText).insert(pick(length + 1), TYPED.slice(start, start + 1 + pick(4)));
  }
}

function storedBytes(topicId: number) {
  const c = getDb().$client;
  const state = c.prepare("SELECT coalesce(sum(length(state)), 0) AS bytes FROM draft_documents WHERE topic_id = ?").get(topicId) as { bytes: number };
  const log = c.prepare("SELECT count(*) AS rows, coalesce(sum(length(\"update\")), 0) AS bytes FROM draft_updates WHERE topic_id = ?").get(topicId) as { rows: number; bytes: number };
  return { state_bytes: state.bytes, log_rows: log.rows, log_bytes: log.bytes, total: state.bytes + log.bytes };
}

async function main() {
  const loadBefore = os.loadavg();
  const db = getDb();
  runMigrations(db);
  await seedDemo(db);
  const c = db.$client;
  const community = (c.prepare("SELECT id FROM communities WHERE slug = 'mingyue'").get() as { id: number }).id;
  const committee = (c.prepare("SELECT id FROM users WHERE username = 'committee1'").get() as { id: number }).id;
  const { id: topicId } = createTopic({ communityId: community, proposerId: committee, title: "存储基准", description: "", location: "", categoryId: null, source: "committee" });
  advanceTopic({ topicId, communityId: community, action: "accept", actor: { userId: committee, roles: ["committee"] } });
  const token = generateSessionToken();
  createSession({ token, userId: committee });

  const server = await startServer({ port: 0, host: "127.0.0.1" });
  try {
    const client = await openSynced(server.url, topicId, `${SESSION_COOKIE}=${token}`);
    const fragment = client.doc.getXmlFragment(DRAFT_FIELD);
    const { random } = seededRandom(7);
    let updateBytesSent = 0;
    client.doc.on("update", (update: Uint8Array) => (updateBytesSent += update.length));
    const started = performance.now();
    for (let i = 1; i <= EDITS; i++) {
      edit(fragment, random);
      if (i % FLUSH_EVERY === 0) await client.flush();
    }
    await client.flush();
    const editMs = performance.now() - started;
    const serverDoc = server.collab.document(`topic-${topicId}`)?.doc;
    if (!serverDoc) throw new Error("the server does not hold the document while a client is connected");
    const clientState = Y.encodeStateAsUpdate(client.doc);
    const encoded = Y.encodeStateAsUpdate(serverDoc).length;
    if (Buffer.compare(Buffer.from(Y.encodeStateVector(serverDoc)), Buffer.from(Y.encodeStateVector(client.doc))) !== 0) throw new Error("the server's document differs from the client's");
    const whileOpen = storedBytes(topicId);
    await client.close();
    const until = performance.now() + 10_000;
    while (server.collab.documentNames().includes(`topic-${topicId}`) && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    const afterClose = storedBytes(topicId);
    const figure = round(afterClose.total / encoded, 3);
    const result = mergeResults({
      machine: machine(),
      raw: {
        doc_bytes: {
          edits: EDITS,
          compact_every: Number(process.env.DRAFT_COMPACT_EVERY ?? 500),
          edit_ms: Math.round(editMs),
          update_bytes_sent: updateBytesSent,
          encoded_state_bytes: encoded,
          client_state_bytes: clientState.length,
          stored_while_open: whileOpen,
          stored_after_close: afterClose,
          text_chars: fragment.toString().length,
          target: TARGET,
          loadavg_before: loadBefore,
          loadavg_after: os.loadavg(),
        },
      },
      figures: { doc_bytes_ratio: figure },
    });
    process.stdout.write(
      `doc bytes: ${EDITS} edits in ${(editMs / 1000).toFixed(1)} s (${updateBytesSent} bytes of updates sent)\n` +
        `  stored while open: ${whileOpen.state_bytes} B state + ${whileOpen.log_rows} log rows (${whileOpen.log_bytes} B)\n` +
        `  stored after close (compacted): ${afterClose.total} B; encoded state of the server's document: ${encoded} B\n` +
        `  doc_bytes_ratio ${figure} (≤ ${TARGET})\n`,
    );
    return result;
  } finally {
    await server.close();
  }
}

await runBench(main, { limitMs: LIMIT_MS, dir, close: () => getDb().$client.close() });
