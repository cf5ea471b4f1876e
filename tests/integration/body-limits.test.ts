// Bodies are capped before anything parses them (server/body-limit.ts, decision 016), against the real
// server in a process of its own whose memory we watch: every action of the catalogue gets bodies
// past the limit, declared (Content-Length) and chunked, and answers a translated 413 at once, having
// read no more than the limit; a body that lies about its length is read only as far as it said; three
// parallel 400 MB posts to the sign-in page change nothing; forms and uploads within their limits go through.
import { createHash } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "~/i18n/en";
import { languageCookie } from "~/i18n/i18next.server";
import zhCN from "~/i18n/zh-CN";
import { makeJpegLike } from "../fixtures/propose";
import { ACTIONS } from "./support/actions";
import { userId } from "./support/db";
import { sessionCookie } from "./support/meeting";
import { useOwnUploadsDir } from "./support/propose";
import { rawPost, rssMb } from "./support/raw-post";
import { SERVER_STARTS_TIMEOUT, startServerProcess, type ServerProcess } from "./support/server-process";

useOwnUploadsDir();
const MIB = 1024 * 1024;
const FORM_LIMIT = 256 * 1024;
const UPLOAD_LIMIT = 17 * MIB;
// What a client can have written past the limit before it sees the answer: what the server reads
// and drops while it lingers (64 MiB at most) and the sockets' buffers on both sides (up to ~9 MB seen
// on loopback). A server that read on would take all 128 MiB.
const SLACK = 80 * MIB;
const UPLOAD_ROUTES = new Set(["c.$community.topics.new", "c.$community.topics.import", "c.$community.topics.$topicId_.execution", "c.$community.supervision"]);
const FORM = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data; boundary=----limit";

let server: ServerProcess;
let baseline = 0;
let peak = 0;
let sampler: NodeJS.Timeout;
let english = "";

beforeAll(async () => {
  server = await startServerProcess();
  english = (await languageCookie.serialize("en")).split(";")[0];
  // Warm the pages up first: RSS is compared with a server that has rendered and answered forms.
  for (const path of ["/", "/login", "/c/mingyue/board"]) await (await fetch(server.url + path)).text();
  await rawPost(server.url, "/login", { headers: { Origin: server.url, "Content-Type": FORM }, total: 64, declared: 64 });
  baseline = rssMb(server.child.pid!);
  peak = baseline;
  sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.child.pid!))), 20);
}, SERVER_STARTS_TIMEOUT);

afterAll(async () => {
  clearInterval(sampler);
  await server?.stop();
});

const cases = ACTIONS.map((action) => {
  const post = action.prepare();
  return { name: `${action.route} ${action.intent ?? "(post)"}`, route: action.route, path: post.path, cookie: post.actor ? sessionCookie(userId(post.actor)) : undefined };
});
const headersFor = (c: { cookie?: string }, type: string, extra: string[] = []) => ({
  Origin: server.url,
  "Content-Type": type,
  ...(c.cookie || extra.length ? { Cookie: [c.cookie, ...extra].filter(Boolean).join("; ") } : {}),
});

function expectTooLarge(answer: { status: number; body: string; error?: string }, language: "zh-CN" | "en" = "zh-CN") {
  expect(answer.status, `answered ${answer.status} ${answer.error ?? ""}`).toBe(413);
  const errors = (language === "en" ? en : zhCN).errors;
  expect(answer.body).toContain(`lang="${language}"`);
  expect(answer.body).toContain(errors.tooLargeTitle);
}

describe("bodies past the limit, to every action", () => {
  it.each(cases)("$name: a Content-Length past the limit is refused before a byte is read", async (c) => {
    for (const type of [FORM, MULTIPART]) {
      // Nothing of the body is sent: a server that waits for it to read it times out here.
      const answer = await rawPost(server.url, c.path, { headers: headersFor(c, type), declared: 100 * MIB, total: 0, timeoutMs: 5_000 });
      expectTooLarge(answer);
    }
  });

  it.each(cases)("$name: a chunked body is refused at the limit and the rest is never read", async (c) => {
    const answer = await rawPost(server.url, c.path, { headers: headersFor(c, FORM), total: 128 * MIB });
    expectTooLarge(answer);
    expect(answer.sent).toBeLessThan(FORM_LIMIT + SLACK);
  });

  it.each(cases.filter((c) => UPLOAD_ROUTES.has(c.route)))("$name: a signed-in upload may reach the upload limit, no further", async (c) => {
    const answer = await rawPost(server.url, c.path, { headers: headersFor(c, MULTIPART), total: 128 * MIB });
    expectTooLarge(answer);
    expect(answer.sent).toBeGreaterThan(UPLOAD_LIMIT);
    expect(answer.sent).toBeLessThan(UPLOAD_LIMIT + SLACK);
  });
});

describe("the sign-in page, open to anyone", () => {
  it("a body longer than its Content-Length is read only as far as it said", async () => {
    const answer = await rawPost(server.url, "/login", { headers: { Origin: server.url, "Content-Type": FORM }, declared: 1000, total: 128 * MIB, fill: "u" });
    // 1000 bytes of "u" are a form with one empty field: the sign-in page refuses it (400). The rest
    // is read as the next request, which it is not: Node answers 400 and resets the connection, which
    // can reach this client before the first answer does (then status 0). Either way it stops reading.
    expect([400, 0]).toContain(answer.status);
    expect(answer.sent).toBeLessThan(SLACK);
  });

  it("three parallel 400 MB posts are refused, in the visitor's language, with and without a length", async () => {
    const headers = { Origin: server.url, "Content-Type": FORM, Cookie: english };
    const answers = await Promise.all([
      rawPost(server.url, "/login", { headers, total: 400 * MIB }),
      rawPost(server.url, "/login", { headers, total: 400 * MIB }),
      rawPost(server.url, "/login", { headers, declared: 400 * MIB, total: 400 * MIB }),
    ]);
    for (const answer of answers) {
      expectTooLarge(answer, "en");
      expect(answer.sent).toBeLessThan(FORM_LIMIT + SLACK);
    }
  });

  it("a client that keeps sending and reads its answer only seconds later still gets the 413", async () => {
    // As a phone still uploading, or a busy machine: the refusal must wait in its socket, not be thrown
    // away by a reset from a server that stopped draining too soon.
    const { hostname, port } = new URL(server.url);
    const socket = net.connect(Number(port), hostname);
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.on("error", () => undefined);
    const closed = new Promise((resolve) => socket.once("close", resolve));
    socket.write(`POST /login HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${server.url}\r\nContent-Type: ${FORM}\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const piece = Buffer.alloc(64 * 1024, "a");
    const chunk = Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")]);
    const until = Date.now() + 2_500;
    while (Date.now() < until && !socket.destroyed) {
      socket.write(chunk);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const received: Buffer[] = [];
    socket.on("data", (data: Buffer) => received.push(data));
    socket.end();
    await closed;
    expect(Buffer.concat(received).toString("utf8")).toMatch(/^HTTP\/1\.1 413 /);
  });

  it("the 413 page has the site's look from its own stylesheet, allowed by its hash, and no script", async () => {
    const res = await fetch(`${server.url}/login`, { method: "POST", headers: headersFor({}, FORM), body: "x=" + "a".repeat(FORM_LIMIT) });
    expect(res.status).toBe(413);
    // The connection is closed after it, and the answer says so (a client must not reuse it).
    expect(res.headers.get("connection")).toBe("close");
    const html = await res.text();
    const policy = res.headers.get("content-security-policy") ?? "";
    const style = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? "";
    expect(style).toContain("header{");
    expect(policy).toBe(`default-src 'none'; style-src 'sha256-${createHash("sha256").update(style).digest("base64")}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`);
    expect(html).not.toContain("<script");
  });

  it("an upload-sized body without a session is held to the form limit", async () => {
    const answer = await rawPost(server.url, "/c/mingyue/topics/new", { headers: { Origin: server.url, "Content-Type": MULTIPART }, total: 2 * MIB });
    expectTooLarge(answer);
  });
});

describe("within the limits", () => {
  it("a form just under the form limit reaches the page (which refuses it for what it says)", async () => {
    const body = `username=${"a".repeat(FORM_LIMIT - 40)}&password=x`;
    const res = await fetch(`${server.url}/login`, { method: "POST", headers: { Origin: server.url, "Content-Type": FORM }, body, redirect: "manual" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(zhCN.errors.tooLong.replace("{{max}}", "64"));
  });

  it("a proposal with three photos of 4 MB each goes through", async () => {
    const form = new FormData();
    form.append("title", "三张大照片的议题");
    form.append("description", "照片很大。");
    form.append("category", "facilities");
    form.append("location", "东门");
    for (let i = 0; i < 3; i++) {
      form.append("photos", new Blob([new Uint8Array(makeJpegLike(4 * 1000 * 1000, i))], { type: "image/jpeg" }), `photo-${i}.jpg`);
    }
    const res = await fetch(`${server.url}/c/mingyue/topics/new`, { method: "POST", headers: { Origin: server.url, Cookie: sessionCookie(userId("resident1")) }, body: form, redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/c\/mingyue\/topics\/\d+$/);
  });
});

describe("the server after all of it", () => {
  it("is up, and its memory grew by no more than a few uploads' worth", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    expect(peak - baseline, `RSS ${baseline.toFixed(0)} MB at the start, ${peak.toFixed(0)} MB at the peak`).toBeLessThan(150);
  });
});
