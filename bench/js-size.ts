// JavaScript a resident's browser loads for a topic page, and for a draft page: the real server
// (production build, its own process) serves each page to Chromium (Playwright, /usr/bin/chromium)
// signed in as a resident; every script the browser fetches until the page is quiet — the page's
// own <script>/modulepreload tags, and whatever they import, lazily too (the translations of the
// page's language, the draft page's editor) — is then fetched again with gzip alone, as compression()
// sends it, and the bytes on the wire are summed. (Chromium itself is sent brotli, smaller; that sum
// is kept in raw.) The editor check names the editor's packages among the scripts (the build's metafile).
//   npm run bench:js
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { machine, mergeResults, runBench, useTempDatabase } from "./harness";
import { freePort, round, startChild } from "./server-child";

const TARGET_KB = 150;
const LIMIT_MS = 5 * 60 * 1000;
const EDITOR_PACKAGES = /node_modules\/(@tiptap\/|prosemirror-|yjs\/|y-websocket\/|y-prosemirror\/|y-protocols\/)/;
const METAFILE = path.resolve("build/metafile.js.json");

const { dir } = useTempDatabase("jssize");

const { getDb } = await import("../db/client.server");
const { runMigrations } = await import("../server/migrate");
const { seedDemo } = await import("../server/cli/demo/seed");
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

const toOutput = (url: string) => `public${url}`;

/** The scripts the browser fetched for `pathname`, in order, with the bytes it received for each. */
async function scriptsLoaded(browser: Browser, origin: string, cookie: { name: string; value: string }, pathname: string) {
  const context = await browser.newContext();
  await context.addCookies([{ ...cookie, url: origin }]);
  const page = await context.newPage();
  const responses: Array<import("@playwright/test").Response> = [];
  let last = Date.now();
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    responses.push(response);
    last = Date.now();
  });
  const first = await page.goto(origin + pathname, { waitUntil: "load" });
  if (first?.status() !== 200) throw new Error(`${pathname}: ${first?.status()}`);
  // Lazy chunks are fetched after hydration: wait until no script has arrived for a second.
  const until = Date.now() + 15_000;
  while (Date.now() - last < 1000 && Date.now() < until) await page.waitForTimeout(200);
  const scripts = await Promise.all(responses.map(async (r) => ({ url: new URL(r.url()).pathname, browser_bytes: (await r.request().sizes()).responseBodySize, encoding: (await r.allHeaders())["content-encoding"] ?? "identity" })));
  await context.close();
  return scripts;
}

function editorPackagesIn(meta: Metafile, urls: string[]): string[] {
  const found = new Set<string>();
  for (const url of urls) for (const input of Object.keys(meta.outputs[toOutput(url)]?.inputs ?? {})) {
    const m = EDITOR_PACKAGES.exec(input);
    if (m) found.add(m[1].replace(/[/-]$/, ""));
  }
  return [...found].sort();
}

async function measurePage(browser: Browser, port: number, cookie: { name: string; value: string }, meta: Metafile, pathname: string) {
  const loaded = await scriptsLoaded(browser, `http://127.0.0.1:${port}`, cookie, pathname);
  if (loaded.length === 0) throw new Error(`${pathname}: the browser loaded no script`);
  const files: Array<(typeof loaded)[number] & { raw_bytes: number; gzip_bytes: number; gzip9_bytes: number }> = [];
  for (const script of loaded) {
    const r = await get(port, script.url, `${cookie.name}=${cookie.value}`);
    if (r.status !== 200) throw new Error(`${script.url}: ${r.status}`);
    files.push({ ...script, raw_bytes: Buffer.byteLength(r.text), gzip_bytes: r.wire, gzip9_bytes: zlib.gzipSync(r.text, { level: 9 }).length });
  }
  const sum = (key: "raw_bytes" | "gzip_bytes" | "gzip9_bytes" | "browser_bytes") => files.reduce((n, f) => n + f[key], 0);
  return {
    path: pathname,
    scripts: files.length,
    gzip_kb: round(sum("gzip_bytes") / 1024),
    gzip9_kb: round(sum("gzip9_bytes") / 1024),
    browser_kb: round(sum("browser_bytes") / 1024),
    browser_encoding: [...new Set(files.map((f) => f.encoding))].join(", "),
    raw_kb: round(sum("raw_bytes") / 1024),
    editor_packages: editorPackagesIn(meta, files.map((f) => f.url)),
    files: files.sort((a, b) => b.gzip_bytes - a.gzip_bytes),
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
  const cookie = { name: SESSION_COOKIE, value: token };
  const port = await freePort();
  const child = await startChild(port);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  try {
    const topicPage = await measurePage(browser, port, cookie, meta, `/c/mingyue/topics/${topic.id}`);
    const draftPage = await measurePage(browser, port, cookie, meta, `/c/mingyue/topics/${topic.id}/draft`);
    const figures = {
      topic_page_js_gzip_kb: topicPage.gzip_kb,
      editor_on_topic_page: topicPage.editor_packages.length > 0,
      draft_page_js_gzip_kb: draftPage.gzip_kb,
    };
    const result = mergeResults({
      machine: machine(),
      raw: { js_size: { resident: "resident1", topic, target_kb: TARGET_KB, gzip: "bytes on the wire as compression() sends them with Accept-Encoding: gzip; gzip9 = zlib level 9 of the same files; browser = what Chromium received (brotli)", topic_page: topicPage, draft_page: draftPage } },
      figures,
    });
    process.stdout.write(
      `js size (gzip as compression() sends it), a resident in Chromium on topic #${topic.id} (${topic.stage}):\n` +
        `  topic page: ${topicPage.scripts} scripts, ${topicPage.gzip_kb} KB (level 9: ${topicPage.gzip9_kb} KB; as Chromium got it, ${topicPage.browser_encoding}: ${topicPage.browser_kb} KB; raw ${topicPage.raw_kb} KB); editor code: ${topicPage.editor_packages.join(", ") || "none"}\n` +
        `  draft page: ${draftPage.scripts} scripts, ${draftPage.gzip_kb} KB (editor packages: ${draftPage.editor_packages.join(", ") || "none"})\n` +
        `  topic_page_js_gzip_kb ${figures.topic_page_js_gzip_kb} (≤ ${TARGET_KB}), editor_on_topic_page ${figures.editor_on_topic_page} (false)\n`,
    );
    return result;
  } finally {
    await browser.close();
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

await runBench(main, { limitMs: LIMIT_MS, dir, close: () => getDb().$client.close() });
