// Every action of the app (tests/integration/support/actions.ts) posted by every demo account, a
// signed-out visitor and members of the other community, over real HTTP: refusals have the status the
// domain rules give (302 to sign in, 403 the wrong role, 404 another community or its ids) and change
// nothing in the database; the people allowed succeed.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, type DemoAccount } from "../../server/cli/demo/data";
import type { Audience } from "~/auth/permissions";
import { ACTIONS, actionRoutes, foreignIds, foreignPath, intentsInSource, type ActionCase, type Post } from "./support/actions";
import { topicIn, upgradeStatus, wsBase } from "./support/collab";
import { userId } from "./support/db";
import { dbFingerprint } from "./support/fingerprint";
import { useServer } from "./support/http";
import { sessionCookie } from "./support/meeting";
import { useOwnUploadsDir } from "./support/propose";

useOwnUploadsDir();
const http = useServer();
// Sessions made directly (as support/meeting.ts does): 22 Argon2 sign-ins would cost seconds.
const cookies = new Map<string, string>();
const cookieOf = (username: string) => cookies.get(username) ?? cookies.set(username, sessionCookie(userId(username))).get(username)!;

let foreign: { topic: number; meeting: number };
beforeAll(() => {
  foreign = foreignIds();
});

type Expected = "allowed" | 302 | 403 | 404;

/** What the rules say a visitor gets, from the demo data alone (every demo community is in the demo street). */
function expectedFor(who: Audience, visitor: DemoAccount | null, route: string): Expected {
  if (who === "anyone") return "allowed";
  if (!visitor) return 302;
  if (who === "signedIn") return "allowed";
  // A call of the street's departments (issue 19): the catalogue's calls are to 城管中队; another department's contact is told nothing.
  if (who === "streetStaff") return visitor.streetAdmin || visitor.department === "chengguan" ? "allowed" : visitor.department ? 404 : 403;
  if (route.startsWith("s.$street")) return visitor.streetAdmin ? "allowed" : 403;
  const belongs = visitor.community === "mingyue" || Boolean(visitor.streetAdmin);
  if (!belongs) return 404;
  if (who === "streetAdmin") return visitor.streetAdmin ? "allowed" : 403;
  if (who === "member") return "allowed";
  if (who.streetAdmin && visitor.streetAdmin) return "allowed";
  return who.roles.some((role) => visitor.community === "mingyue" && visitor.roles.includes(role)) ? "allowed" : 403;
}

/**
 * A refusal asked for as data (`?_data=`, as the browser's fetch does): the same action and status
 * without rendering a page, so 1,300 posts take seconds. A redirect then comes as 204 + X-Remix-Redirect.
 */
async function sendForData(action: ActionCase, post: Post, cookie: string | undefined, path = post.path) {
  const res = await send(post, cookie, `${path}?_data=${encodeURIComponent(`routes/${action.route}`)}`);
  await res.body?.cancel();
  const redirect = res.headers.get("x-remix-redirect");
  return { status: redirect ? 302 : res.status, location: redirect ?? res.headers.get("location") };
}

async function send(post: Pick<Post, "path" | "fields" | "file">, cookie: string | undefined, path = post.path) {
  if (!post.file) return http.fetch(path, { cookie, form: post.fields });
  const body = new FormData();
  for (const [name, value] of Object.entries(post.fields)) body.append(name, value);
  body.append(post.file.field, new File([new Uint8Array(post.file.bytes)], post.file.name, { type: post.file.type }));
  return http.fetch(path, { method: "POST", cookie, body });
}

const label = (c: ActionCase) => `${c.route} ${c.intent ?? "(post)"}`;
const visitors: Array<DemoAccount | null> = [null, ...DEMO_ACCOUNTS];

describe("the action catalogue", () => {
  it("names every intent every route file's action reads", () => {
    const missing: string[] = [];
    for (const route of actionRoutes()) {
      if (route.startsWith("bench.")) continue; // the benchmarks' baselines: 404 unless BENCH_ROUTES=1 (permissions.test.ts)
      const catalogued = new Set(ACTIONS.filter((c) => c.route === route).map((c) => c.intent));
      if (catalogued.size === 0) missing.push(`${route}: no action in the catalogue`);
      for (const intent of intentsInSource(route)) if (!catalogued.has(intent)) missing.push(`${route}: intent "${intent}"`);
    }
    expect(missing).toEqual([]);
  });

  it("derives intents from the source (a schema's literal, an *_INTENTS list, a comparison)", () => {
    expect(intentsInSource("c.$community.topics.$topicId")).toEqual(new Set(["cosign", "withdrawCosign", "comment", "move", "object", "answerObjection", "rate", "orderCorrection", "ownersDecision", "partyReview", "fourTwoStep", "sendCall", "answerCall", "withdrawCall", "redispatchCall"]));
    expect(intentsInSource("c.$community.meetings.$meetingId")).toEqual(new Set(["table", "withdrawMotion", "start", "end", "cancel", "checkIn", "observe", "open", "vote", "close", "count"]));
  });
});

describe("every action for every visitor", () => {
  for (const action of ACTIONS) {
    it(`${label(action)}: refusals change nothing, the allowed succeed`, async () => {
      const post = action.prepare();
      const failures: string[] = [];
      const check = (who: string, res: { status: number; location: string | null }, expected: number) => {
        if (res.status !== expected) failures.push(`${who}: got ${res.status}, expected ${expected}`);
        if (expected === 302 && res.status === 302 && !res.location?.startsWith("/login")) failures.push(`${who}: sent to ${res.location}, not to sign in`);
      };

      // The refusals first, while the state is fresh; the database is compared once after all of them.
      const before = dbFingerprint();
      const runAll = action.who !== "anyone" && action.who !== "signedIn";
      const allowedOthers: DemoAccount[] = [];
      // Refusals change nothing (checked below), so they go all at once: the same answers, a fraction of the wall time.
      const refusals: Array<Promise<void>> = [];
      for (const visitor of runAll ? visitors : [null]) {
        const expected = !visitor && action.signedOut ? action.signedOut : expectedFor(action.who, visitor, action.route);
        if (expected === "allowed") {
          if (visitor && visitor.username !== post.actor) allowedOthers.push(visitor);
          continue;
        }
        refusals.push(sendForData(action, post, visitor ? cookieOf(visitor.username) : undefined).then((res) => check(visitor?.username ?? "anonymous", res, expected)));
      }
      const cookie = !post.actor ? undefined : action.ownSession ? sessionCookie(userId(post.actor)) : cookieOf(post.actor);
      const elsewhere = foreignPath(post.path, foreign);
      if (elsewhere) refusals.push(sendForData(action, post, cookie, elsewhere).then((res) => check(`${post.actor} with another community's id`, res, 404)));
      if (action.intent) {
        const unknown = sendForData(action, { ...post, fields: { ...post.fields, intent: "noSuchIntent" } }, cookie);
        refusals.push(
          unknown.then((res) => {
            if (res.status < 400 || res.status >= 500) failures.push(`unknown intent: got ${res.status}`);
          }),
        );
      }
      await Promise.all(refusals);
      if (dbFingerprint() !== before) failures.push("a refusal changed the database");

      const beforeSuccess = dbFingerprint();
      const res = await send(post, cookie);
      const body = await res.text();
      if (res.status !== action.success) failures.push(`${post.actor ?? "anonymous"} (allowed): got ${res.status}, expected ${action.success}: ${body.slice(0, 200)}`);
      if (action.changes && dbFingerprint() === beforeSuccess) failures.push(`${post.actor ?? "anonymous"} (allowed): nothing was written`);

      // Everyone else the rules allow gets past the guards (the moment may be over for them: 4xx then, never 404 or 5xx).
      for (const visitor of allowedOthers) {
        const other = await sendForData(action, post, cookieOf(visitor.username));
        if (other.status >= 500 || other.status === 404 || other.location?.startsWith("/login")) failures.push(`${visitor.username} (allowed): got ${other.status}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("the live draft's websocket for every visitor", () => {
  it("lets the community's members and its street admin in, asks others to sign in, and tells outsiders nothing (404)", async () => {
    const topic = topicIn("drafting");
    const url = `${wsBase(http.url)}/topic-${topic}`;
    const failures: string[] = [];
    for (const visitor of visitors) {
      const expected = !visitor ? 401 : visitor.community === "mingyue" || visitor.streetAdmin ? 101 : 404;
      const got = await upgradeStatus(url, { cookie: visitor ? cookieOf(visitor.username) : undefined, origin: http.url });
      if (got !== expected) failures.push(`${visitor?.username ?? "anonymous"}: got ${got}, expected ${expected}`);
    }
    // Another community's topic id, asked for by every role of mingyue: 404 whoever asks.
    for (const visitor of DEMO_ACCOUNTS.filter((a) => a.community === "mingyue")) {
      const got = await upgradeStatus(`${wsBase(http.url)}/topic-${foreign.topic}`, { cookie: cookieOf(visitor.username), origin: http.url });
      if (got !== 404) failures.push(`${visitor.username} on shiliu's topic: got ${got}`);
    }
    expect(failures).toEqual([]);
  });
});
