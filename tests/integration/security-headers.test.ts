// Every page is sent with a Content-Security-Policy whose nonce is fresh per response and carried by
// each inline script Remix renders (and by nothing else), plus the usual security headers.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { consultationMeetings, meetings, topicPhotos } from "../../db/schema";
import { ACCESS, type AccessKey } from "~/auth/permissions";
import { checkPhotos, createTopicWithPhotos, listTopicPhotos } from "~/models/photo.server";
import { createTopic } from "~/models/topic-create.server";
import { dispatchFromStreet } from "~/models/department-call.server";
import { makePng } from "../fixtures/propose";
import { chengguan, inDays, streetPerson } from "./support/calls";
import { communityId, userId } from "./support/db";
import { signedIn, useServer } from "./support/http";
import { useOwnUploadsDir } from "./support/propose";

useOwnUploadsDir();
const http = useServer();
const as = signedIn(http);

function nonceOf(res: Response): string {
  const csp = res.headers.get("content-security-policy") ?? "";
  const match = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp);
  expect(match, csp).not.toBeNull();
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  return match![1];
}

describe("security headers", () => {
  it("sends a fresh nonce with every page and puts it on every script, and the usual headers", async () => {
    const cookie = await http.login("committee1");
    const pages = ["/", "/login", "/c/mingyue/board/verify", "/c/mingyue", "/c/mingyue/topics/1", "/c/mingyue/topics/3/draft", "/c/mingyue/meetings", "/c/mingyue/board", "/c/mingyue/supervision", "/c/mingyue/ledger"];
    const seen = new Set<string>();
    for (const path of pages) {
      // The login page is for those signed out (the signed-in are sent on).
      const res = await http.fetch(path, { cookie: path === "/login" ? undefined : cookie });
      expect(res.status, path).toBe(200);
      const nonce = nonceOf(res);
      seen.add(nonce);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(res.headers.get("permissions-policy")).toContain("camera=()");
    }
    expect(seen.size).toBe(pages.length);
  });

  it("shows hostile text inert: a title full of markup is escaped, no script of its own runs", async () => {
    const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const topic = createTopic({ communityId: communityId("mingyue"), proposerId: userId("resident1"), title: hostile.slice(0, 80), description: hostile, location: "", categoryId: null, source: "resident" });
    const res = await http.fetch(`/c/mingyue/topics/${topic.id}`, { cookie: await http.login("resident2") });
    const html = await res.text();
    expect(html).not.toContain(`<script>alert("x")</script>`);
    expect(html).not.toContain("<img src=x onerror");
    expect(html).toContain("&lt;script&gt;");
    const nonce = nonceOf(res);
    for (const tag of html.matchAll(/<script\b[^>]*>/g)) expect(tag[0]).toContain(`nonce="${nonce}"`);
  });
});

/** Real ids in mingyue for every placeholder: a topic with a proposal photo, a progress photo, and meetings of both kinds. */
const ids: Record<string, string> = {};
beforeAll(async () => {
  const mingyue = communityId("mingyue");
  const { photos } = await checkPhotos([new File([new Uint8Array(makePng({ seed: 7 }))], "p.png")]);
  const topic = createTopicWithPhotos({ topic: { communityId: mingyue, proposerId: userId("resident1"), title: "安全头测试", description: "", location: "", categoryId: null, source: "resident" }, photos });
  ids.topicId = String(topic.id);
  ids.photoId = String(listTopicPhotos({ topicId: topic.id, communityId: mingyue })[0].id);
  const [evidence] = photos;
  const progress = getDb().insert(topicPhotos).values({ topicId: topic.id, sha256: evidence.sha256, mime: evidence.mime, bytes: evidence.bytes.length, purpose: "progress", createdAt: new Date() }).returning({ id: topicPhotos.id }).get();
  ids.boardPhotoId = String(progress.id);
  const consultation = getDb().insert(consultationMeetings).values({ topicId: topic.id, heldAt: new Date(), place: "议事室", participants: "居民", createdBy: userId("committee1") }).returning({ id: consultationMeetings.id }).get();
  ids.consultationMeetingId = String(consultation.id);
  ids.meetingId = String(getDb().select({ id: meetings.id }).from(meetings).where(eq(meetings.communityId, mingyue)).get()!.id);
  // Issue 19: a call the street dispatched on that topic, for the call's street page.
  const call = dispatchFromStreet({ ...streetPerson("street1"), topicId: topic.id, taskId: null, departmentId: chengguan(), ask: "安全头测试", wantedBy: inDays(10) });
  if (!call.ok) throw new Error(call.problem);
  ids.callId = String(call.id);
});

/** Who opens each page so that it answers 200: the street admin the street's, the signed-out visitor the login page. */
function viewerFor(key: AccessKey): string | null {
  if (key === "login" || key === "join") return null;
  if (key.startsWith("street")) return "street1";
  return "committee1";
}

function concrete(path: string): string {
  return path
    .replace(":community", "mingyue")
    .replace(":street", "huacheng")
    .replace(":topicId", ids.topicId)
    .replace(":callId", ids.callId)
    .replace(":photoId", path.includes("/board/photos/") ? ids.boardPhotoId : ids.photoId)
    .replace(":meetingId", path.includes("/meetings/") ? ids.meetingId : ids.consultationMeetingId);
}

const USUAL = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
};

/** The usual headers, and a policy: the page's own (with a nonce on every script) for HTML, else one that lets nothing run. */
async function expectGuarded(res: Response, label: string) {
  for (const [name, value] of Object.entries(USUAL)) expect(res.headers.get(name), `${label}: ${name}`).toBe(value);
  expect(res.headers.get("permissions-policy"), label).toContain("camera=()");
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp, `${label}: one policy`).not.toContain(",");
  const type = res.headers.get("content-type") ?? "";
  if (type.startsWith("text/html")) {
    const nonce = nonceOf(res);
    const html = await res.text();
    for (const tag of html.matchAll(/<script\b[^>]*>/g)) expect(tag[0], label).toContain(`nonce="${nonce}"`);
    return;
  }
  expect(csp, label).toMatch(/default-src 'none'/);
  await res.body?.cancel();
}

describe("every route of the permission matrix", () => {
  for (const [key, { path }] of Object.entries(ACCESS) as Array<[AccessKey, { path: string }]>) {
    it(`${key} (${path}) answers with the policy and the usual headers`, async () => {
      const viewer = viewerFor(key);
      const res = await http.fetch(concrete(path), { cookie: viewer ? await as(viewer) : undefined });
      expect(res.status, path).toBe(200);
      await expectGuarded(res, path);
    });
  }

  it("and so do refusals, redirects and error pages", async () => {
    const resident = await as("resident1");
    const answers: Array<[string, Promise<Response>, number]> = [
      ["unknown page", http.fetch("/nope/not-here"), 404],
      ["unknown topic", http.fetch("/c/mingyue/topics/99999999", { cookie: resident }), 404],
      ["a topic id that is no number", http.fetch("/c/mingyue/topics/abc", { cookie: resident }), 404],
      ["forbidden", http.fetch("/c/mingyue/supervision", { cookie: resident }), 403],
      ["outsider", http.fetch("/c/shiliu", { cookie: resident }), 404],
      ["signed out, sent to sign in", http.fetch("/c/mingyue"), 302],
      ["a foreign origin's post", http.fetch("/logout", { method: "POST", headers: { Origin: "https://evil.example" } }), 403],
      ["a malformed form", http.fetch("/login", { form: { username: "" } }), 400],
      ["a static file", http.fetch("/favicon.svg"), 200],
    ];
    for (const [label, pending, status] of answers) {
      const res = await pending;
      expect(res.status, label).toBe(status);
      await expectGuarded(res, label);
    }
  });
});
