// Walks every page of the permission matrix (app/auth/permissions.ts) for every demo account and for
// a signed-out visitor, in both communities, over real HTTP, and checks the status each one gets.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_COMMUNITIES, DEMO_STREET, type DemoAccount } from "../../server/cli/demo/data";
import { getDb } from "../../db/client.server";
import { consultationMeetings, meetings, topicPhotos } from "../../db/schema";
import { ACCESS, type Audience } from "~/auth/permissions";
import { checkPhotos, createTopicWithPhotos, listTopicPhotos } from "~/models/photo.server";
import { makePng } from "../fixtures/propose";
import { dispatchFromStreet } from "~/models/department-call.server";
import { chengguan, inDays, streetPerson } from "./support/calls";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";
import { useOwnUploadsDir } from "./support/propose";

useOwnUploadsDir();
const http = useServer();

/** A real id per community for id placeholders: `:topicId` → a topic of that community, `:photoId` → its photo (under /board/photos/ a progress photo), `:meetingId` → a meeting on it. */
const ids = new Map<string, number>();
beforeAll(async () => {
  for (const c of DEMO_COMMUNITIES) {
    const proposer = DEMO_ACCOUNTS.find((a) => a.community === c.slug && a.roles.includes("resident"))!.username;
    const { photos } = await checkPhotos([new File([new Uint8Array(makePng({ seed: c.slug.length }))], "p.png")]);
    const topic = createTopicWithPhotos({
      topic: { communityId: communityId(c.slug), proposerId: userId(proposer), title: "权限测试照片", description: "", location: "", categoryId: null, source: "resident" },
      photos,
    });
    ids.set(`topicId:${c.slug}`, topic.id);
    ids.set(`photoId:${c.slug}`, listTopicPhotos({ topicId: topic.id, communityId: communityId(c.slug) })[0].id);
    // The public board serves evidence photos only (a unit's progress photo), never a proposal's.
    const [evidence] = photos;
    const progress = getDb().insert(topicPhotos).values({ topicId: topic.id, sha256: evidence.sha256, mime: evidence.mime, bytes: evidence.bytes.length, purpose: "progress", createdAt: new Date() }).returning({ id: topicPhotos.id }).get();
    ids.set(`boardPhotoId:${c.slug}`, progress.id);
    const meeting = getDb()
      .insert(consultationMeetings)
      .values({ topicId: topic.id, heldAt: new Date(), place: "议事室", participants: "居民", createdBy: userId(proposer) })
      .returning({ id: consultationMeetings.id })
      .get();
    ids.set(`meetingId:${c.slug}`, meeting.id);
    const representatives = getDb()
      .insert(meetings)
      .values({ communityId: communityId(c.slug), number: 900, title: "权限测试会议", place: "议事厅", scheduledAt: new Date(Date.now() + 10 * 86_400_000), noticeDaysRequired: 5, createdBy: userId(proposer) })
      .returning({ id: meetings.id })
      .get();
    ids.set(`repMeetingId:${c.slug}`, representatives.id);
  }
  // A call the street dispatched to 城管中队 (issue 19): its contact and the admin open it; 住建办's contact gets 404.
  const call = dispatchFromStreet({ ...streetPerson("street1"), topicId: ids.get("topicId:mingyue")!, taskId: null, departmentId: chengguan(), ask: "权限测试呼叫", wantedBy: inDays(10) });
  if (!call.ok) throw new Error(call.problem);
  ids.set("callId", call.id);
});

/** What a person should get, worked out from the demo data alone (not from the guards). */
function expectedStatus(audience: Audience, who: DemoAccount | null, community: string | null): number {
  if (audience === "anyone") return 200;
  if (!who) return 302;
  if (audience === "signedIn") return 200;
  // The departments' queue (issue 19): the admin and the departments' contacts; the communities' people are refused.
  if (audience === "streetStaff") return who.streetAdmin || who.department ? 200 : who.community ? 403 : 404;
  // Street pages: every demo community is in the demo street, so its members are refused (403), as
  // are the street's department contacts; someone who belongs nowhere in the street would get 404.
  if (community === null) return who.streetAdmin ? 200 : who.community || who.department ? 403 : 404;
  const belongs = who.community === community || Boolean(who.streetAdmin);
  if (!belongs) return 404;
  if (audience === "member") return 200;
  if (audience === "streetAdmin") return who.streetAdmin ? 200 : 403;
  if (audience.streetAdmin && who.streetAdmin) return 200;
  return audience.roles.some((r) => who.community === community && who.roles.includes(r)) ? 200 : 403;
}

function concretePaths(pattern: string): Array<{ path: string; community: string | null }> {
  if (pattern.includes(":community")) {
    return DEMO_COMMUNITIES.map((c) => ({
      path: pattern
        .replace(":community", c.slug)
        .replace(":topicId", String(ids.get(`topicId:${c.slug}`)))
        .replace(":photoId", String(ids.get(`${pattern.includes("/board/photos/") ? "boardPhotoId" : "photoId"}:${c.slug}`)))
        // Under /meetings the id is a representatives' meeting; under a topic, a consultation meeting.
        .replace(":meetingId", String(ids.get(`${pattern.includes("/meetings/") ? "repMeetingId" : "meetingId"}:${c.slug}`))),
      community: c.slug,
    }));
  }
  if (pattern.includes(":street")) return [{ path: pattern.replace(":street", DEMO_STREET.slug).replace(":callId", String(ids.get("callId"))), community: null }];
  return [{ path: pattern, community: null }];
}

const visitors: Array<DemoAccount | null> = [null, ...DEMO_ACCOUNTS];
const cookies = new Map<string, string>();
async function cookieFor(who: DemoAccount | null) {
  if (!who) return undefined;
  if (!cookies.has(who.username)) cookies.set(who.username, await http.login(who.username));
  return cookies.get(who.username);
}

describe("permission matrix", () => {
  it("names every page route of the app", () => {
    // Route files → URL patterns; only the catch-all and the action-only endpoints stand outside the table.
    // bench.noop, bench.page and bench.bare are the baselines of the benchmarks: not found unless BENCH_ROUTES=1 (checked below).
    const outside = new Set(["$", "language", "logout", "bench.noop", "bench.page", "bench.bare"]);
    const patterns = fs
      .readdirSync(path.resolve("app/routes"))
      .map((f) => f.replace(/\.tsx?$/, ""))
      .filter((name) => !outside.has(name))
      .map((name) => "/" + name.replace(/\._index$|^_index$/, "").replaceAll("[.]", "\0").replaceAll(".", "/").replaceAll("\0", ".").replaceAll("$", ":"))
      // A trailing "_" (`$topicId_.draft`) only opts out of the parent's layout: same URL segment.
      .map((pattern) => pattern.replace(/_(?=\/|$)/g, ""));
    const known = new Set(Object.values(ACCESS).map((a) => a.path));
    for (const pattern of patterns) expect(known, `route ${pattern} is missing from ACCESS`).toContain(pattern.replace(/\/$/, "") || "/");
  });

  for (const [key, route] of Object.entries(ACCESS)) {
    it(`${key} (${route.path}) gives each visitor the status the table says`, async () => {
      const failures: string[] = [];
      for (const { path: url, community } of concretePaths(route.path)) {
        for (const who of visitors) {
          const res = await http.fetch(url, { cookie: await cookieFor(who) });
          await res.body?.cancel(); // the status is all this needs (and an event stream never ends)
          let expected = expectedStatus(route.audience, who, community);
          if (key === "login" && who) expected = 302; // signed-in people are sent on
          if (key === "streetCall" && who?.department && who.department !== "chengguan") expected = 404; // another department's call
          if (res.status !== expected) failures.push(`${who?.username ?? "anonymous"} ${url}: got ${res.status}, expected ${expected}`);
          if (res.status === 302 && !who) expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("the benchmarks' baseline routes", () => {
  it("is not found, read or posted, while the server runs without BENCH_ROUTES=1", async () => {
    expect(process.env.BENCH_ROUTES).toBeUndefined();
    const cookie = await cookieFor(DEMO_ACCOUNTS[0]);
    for (const who of [undefined, cookie]) {
      expect((await http.fetch("/bench/noop", { cookie: who })).status).toBe(404);
      expect((await http.fetch("/bench/noop", { cookie: who, form: { motionId: "1" } })).status).toBe(404);
      expect((await http.fetch("/bench/page", { cookie: who })).status).toBe(404);
      expect((await http.fetch("/bench/bare", { cookie: who })).status).toBe(404);
      expect((await http.fetch("/bench/stats", { cookie: who })).status).toBe(404);
    }
  });
});

describe("actions are guarded like their pages", () => {
  it("only the street admin can create invites", async () => {
    const form = { intent: "create", community: "mingyue", role: "committee", maxUses: "1", expiresInDays: "7" };
    for (const who of visitors) {
      const res = await http.fetch("/s/huacheng/invites", { form, cookie: await cookieFor(who) });
      const expected = !who ? 302 : who.streetAdmin ? 200 : 403;
      expect(res.status, who?.username ?? "anonymous").toBe(expected);
    }
  });
});
