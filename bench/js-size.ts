// JavaScript a resident's browser loads for a topic page, and for a draft page: the real server
// (production build, its own process) is asked for each page as a signed-in resident; every script the
// page starts with (<script src>, <link rel=modulepreload>, the imports of its inline module script) and
// everything those import statically (from the build's metafile) is fetched as a browser would, with
// gzip, and the bytes on the wire are summed. Lazy chunks (import()) are listed apart; the draft
// page's are counted for it too, since it imports the editor as soon as it mounts. No baseline is
// needed for a size; the editor check names the editor's packages found among the chunks.
//   npm run bench:js
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { machine, mergeResults, runBench } from "./harness";
import { freePort, round, startChild } from "./server-child";

const TARGET_KB = 150;
const LIMIT_MS = 5 * 60 * 1000;
const EDITOR_PACKAGES = /node_modules\/(@tiptap\/|prosemirror-|yjs\/|y-websocket\/|y-prosemirror\/|y-protocols\/)/;
const METAFILE = path.resolve("build/metafile.js.json");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-jssize-"));
process.env.DATABASE_PATH = path.join(dir, "bench.db");
process.env.LOG_LEVEL ??= "silent";

const { getDb } = await import("../db/client.server");
const { runMigrations } = await import("../db/migrate");
const { seedDemo } = await import("../db/seed");
const { createSession, generateSessionToken, SESSION_COOKIE } = await import("../app/auth/session.server");

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown>; imports: Array<{ path: string; kind: string }> }>;
}

/** A GET as a browser sends it (gzip accepted): status, the bytes on the wire and the decoded text. */
function get(port: number, pathname: string, cookie: string): Promise<{ status: number; wire: number; encoding: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: pathname, headers: { cookie, "accept-encoding": "gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        const encoding = String(res.headers["content-encoding"] ?? "identity");
        const text = (encoding === "gzip" ? zlib.gunzipSync(body) : body).toString("utf8");
        resolve({ status: res.statusCode ?? 0, wire: body.length, encoding, text });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

/** The build URLs a page's HTML makes the browser load at once. */
function entryScripts(html: string): string[] {
  const urls = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*\bsrc="[^"]+"[^>]*>/g) ?? []) urls.add(/\bsrc="([^"]+)"/.exec(tag)![1]);
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) if (/\brel="modulepreload"/.test(tag)) urls.add(/\bhref="([^"]+)"/.exec(tag)![1]);
  for (const script of html.match(/<script\b[^>]*type="module"[^>]*>[\s\S]*?<\/script>/g) ?? []) {
    for (const m of script.matchAll(/import\s*(?:[^"';]*?from\s*)?"(\/build\/[^"]+\.js)"/g)) urls.add(m[1]);
  }
  return [...urls].filter((u) => u.startsWith("/build/"));
}

const toOutput = (url: string) => `public${url}`;
const toUrl = (output: string) => output.replace(/^public/, "");

/** Everything the entries import statically (loaded with the page), and what they import through import(). */
function closure(meta: Metafile, entries: string[]): { eager: string[]; lazy: string[] } {
  const eager = new Set<string>();
  const later = new Set<string>();
  const walk = (output: string, viaLazy: boolean) => {
    const seen = viaLazy ? later : eager;
    if (eager.has(output) || seen.has(output)) return;
    seen.add(output);
    for (const imp of meta.outputs[output]?.imports ?? []) {
      if (imp.kind === "import-statement") walk(imp.path, viaLazy);
      else if (imp.kind === "dynamic-import") walk(imp.path, true);
    }
  };
  for (const url of entries) walk(toOutput(url), false);
  for (const e of eager) later.delete(e);
  return { eager: [...eager].map(toUrl), lazy: [...later].map(toUrl) };
}

function editorPackagesIn(meta: Metafile, urls: string[]): string[] {
  const found = new Set<string>();
  for (const url of urls) for (const input of Object.keys(meta.outputs[toOutput(url)]?.inputs ?? {})) {
    const m = EDITOR_PACKAGES.exec(input);
    if (m) found.add(m[1].replace(/[/-]$/, ""));
  }
  return [...found].sort();
}

async function measurePage(port: number, cookie: string, meta: Metafile, pathname: string, countLazy: boolean) {
  const page = await get(port, pathname, cookie);
  if (page.status !== 200) throw new Error(`${pathname}: ${page.status}`);
  const entries = entryScripts(page.text);
  if (entries.length === 0) throw new Error(`${pathname}: no scripts found in the page`);
  const graph = closure(meta, entries);
  const counted = countLazy ? [...graph.eager, ...graph.lazy] : graph.eager;
  const files: Array<{ url: string; raw_bytes: number; wire_bytes: number; encoding: string; gzip9_bytes: number; lazy: boolean }> = [];
  for (const url of counted) {
    const r = await get(port, url, cookie);
    if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
    const raw = Buffer.byteLength(r.text);
    files.push({ url, raw_bytes: raw, wire_bytes: r.wire, encoding: r.encoding, gzip9_bytes: zlib.gzipSync(r.text, { level: 9 }).length, lazy: !graph.eager.includes(url) });
  }
  const sum = (key: "raw_bytes" | "wire_bytes" | "gzip9_bytes") => files.reduce((n, f) => n + f[key], 0);
  return {
    path: pathname,
    scripts: files.length,
    gzip_kb: round(sum("wire_bytes") / 1024),
    gzip9_kb: round(sum("gzip9_bytes") / 1024),
    raw_kb: round(sum("raw_bytes") / 1024),
    editor_packages: editorPackagesIn(meta, graph.eager),
    lazy_editor_packages: editorPackagesIn(meta, graph.lazy),
    lazy_not_counted: countLazy ? [] : graph.lazy,
    files: files.sort((a, b) => b.wire_bytes - a.wire_bytes),
  };
}

async function main() {
  if (!fs.existsSync(METAFILE)) throw new Error("build/metafile.js.json is missing: run `npx remix build` first");
  const meta = JSON.parse(fs.readFileSync(METAFILE, "utf8")) as Metafile;
  const db = getDb();
  runMigrations(db);
  await seedDemo(db);
  const c = db.$client;
  const resident = (c.prepare("SELECT id FROM users WHERE username = 'resident1'").get() as { id: number }).id;
  // A topic with a draft: the one with the most stored draft history, so its draft page has content.
  const topic = c.prepare("SELECT t.id, t.stage FROM topics t JOIN communities cm ON cm.id = t.community_id JOIN draft_documents d ON d.topic_id = t.id WHERE cm.slug = 'mingyue' ORDER BY length(d.state) DESC LIMIT 1").get() as { id: number; stage: string } | undefined;
  if (!topic) throw new Error("the demo data has no topic with a draft in mingyue");
  const token = generateSessionToken();
  createSession({ token, userId: resident });
  const cookie = `${SESSION_COOKIE}=${token}`;
  const port = await freePort();
  const child = await startChild(port);
  try {
    const topicPage = await measurePage(port, cookie, meta, `/c/mingyue/topics/${topic.id}`, false);
    const draftPage = await measurePage(port, cookie, meta, `/c/mingyue/topics/${topic.id}/draft`, true);
    const figures = {
      topic_page_js_gzip_kb: topicPage.gzip_kb,
      editor_on_topic_page: topicPage.editor_packages.length > 0,
      draft_page_js_gzip_kb: draftPage.gzip_kb,
    };
    const result = mergeResults({
      machine: machine(),
      raw: { js_size: { resident: "resident1", topic, target_kb: TARGET_KB, gzip: "bytes on the wire as compression() sends them; gzip9 = zlib level 9 of the same files", topic_page: topicPage, draft_page: draftPage } },
      figures,
    });
    process.stdout.write(
      `js size (gzip, as sent), a resident on topic #${topic.id} (${topic.stage}):\n` +
        `  topic page: ${topicPage.scripts} scripts, ${topicPage.gzip_kb} KB (level 9: ${topicPage.gzip9_kb} KB; raw ${topicPage.raw_kb} KB); editor code: ${topicPage.editor_packages.join(", ") || "none"}; lazy, loaded on demand: ${topicPage.lazy_not_counted.length} chunks\n` +
        `  draft page: ${draftPage.scripts} scripts with the lazily loaded editor, ${draftPage.gzip_kb} KB (editor packages, loaded lazily: ${draftPage.lazy_editor_packages.join(", ") || "none"})\n` +
        `  topic_page_js_gzip_kb ${figures.topic_page_js_gzip_kb} (≤ ${TARGET_KB}), editor_on_topic_page ${figures.editor_on_topic_page} (false)\n`,
    );
    return result;
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

await runBench(main, { limitMs: LIMIT_MS, dir, close: () => getDb().$client.close() });
