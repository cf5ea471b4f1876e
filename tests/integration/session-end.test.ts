// A revoked, signed-out or expired session is refused everywhere: on every page of the permission
// matrix and on an action (as a signed-out visitor), and its open drafting socket is closed at once and
// can write nothing more. Losing one's membership closes the socket the same way.
import { and, eq } from "drizzle-orm";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { communities, consultationMeetings, meetings, memberships, sessions, topicPhotos } from "../../db/schema";
import { ACCESS } from "~/auth/permissions";
import { sessionIdFromToken } from "~/auth/session.server";
import { DRAFT_FIELD } from "~/models/draft-text";
import { getDraftText } from "~/models/draft-store.server";
import { revokeMembership } from "~/models/membership.server";
import type { Role } from "~/workflow/roles";
import { appendParagraph, closed, connectClient, rawSocket, topicIn, waitFor, type Client } from "./support/collab";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";
import { sessionStillOpen } from "../../server/collab/policy";

process.env.YJS_SESSION_CHECK_MS = "100";
const http = useServer();
let topic: number;
let witness: Client;

beforeAll(async () => {
  topic = topicIn("drafting");
  witness = await connectClient(http.url, topic, await http.login("convener1"));
});
afterAll(() => witness?.close());

/** A y-websocket "update" message that appends a paragraph holding `text` (made on a fresh document). */
function updateFrame(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(DRAFT_FIELD).insert(0, [paragraph]);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

/** An open raw socket that records every update message it receives after `since()` is true. */
async function watchedSocket(cookie: string) {
  const ws = await rawSocket(http.url, topic, cookie);
  const late: Buffer[] = [];
  let watching = false;
  ws.on("message", (data: Buffer) => watching && data[0] === 0 && late.push(data));
  return { ws, late, closedWith: closed(ws), startWatching: () => (watching = true) };
}

/**
 * After the session ended: the socket is closed with 1008, a frame it sent as the session ended is not
 * applied, and nothing the others write reaches it.
 */
async function expectSocketEnded(socket: Awaited<ReturnType<typeof watchedSocket>>, label: string) {
  socket.ws.send(updateFrame(`${label} 之后偷写`), () => {});
  expect(await socket.closedWith).toBe(1008);
  const line = `${label} 之后他人写`;
  appendParagraph(witness.doc, line);
  await waitFor(() => getDraftText(topic).includes(line), `${line} stored`);
  expect(getDraftText(topic)).not.toContain(`${label} 之后偷写`);
  expect(witness.text()).not.toContain(`${label} 之后偷写`);
  expect(socket.late).toEqual([]);
}

function idOf(rows: Array<{ id: number }>): string {
  return String(rows[0]?.id ?? 1);
}

/** Every page of ACCESS with real ids of mingyue (the guard decides before the lookup, so any id would do). */
function everyPage(): Array<{ key: string; path: string; public: boolean }> {
  const db = getDb();
  const mingyue = communityId("mingyue");
  const consultation = idOf(db.select({ id: consultationMeetings.id }).from(consultationMeetings).limit(1).all());
  const representatives = idOf(db.select({ id: meetings.id }).from(meetings).where(eq(meetings.communityId, mingyue)).limit(1).all());
  const photo = idOf(db.select({ id: topicPhotos.id }).from(topicPhotos).limit(1).all());
  return Object.entries(ACCESS).map(([key, { path, audience }]) => ({
    key,
    public: audience === "anyone",
    path: path
      .replace(":community", "mingyue")
      .replace(":street", "huacheng")
      .replace(":topicId", String(topic))
      .replace(":photoId", photo)
      .replace(":meetingId", path.includes("/meetings/") ? representatives : consultation),
  }));
}

/** The cookie is a signed-out visitor's everywhere: sent to sign in, public pages without the sign-out button, actions refused. */
async function expectSignedOutEverywhere(cookie: string) {
  for (const page of everyPage()) {
    const res = await http.fetch(page.path, { cookie });
    if (page.public) {
      if (page.key === "login") expect(res.status, page.path).toBe(200);
      if (res.status === 200 && (res.headers.get("content-type") ?? "").includes("text/html")) {
        expect(await res.text(), page.path).not.toContain('action="/logout"');
      } else await res.body?.cancel();
    } else {
      expect(res.status, page.path).toBe(302);
      expect(res.headers.get("location"), page.path).toMatch(/^\/login\?redirectTo=/);
    }
  }
  const action = await http.fetch("/account/sessions", { cookie, form: { intent: "revokeOthers" } });
  expect(action.status).toBe(302);
  expect(action.headers.get("location")).toMatch(/^\/login/);
  const cosign = await http.fetch(`/c/mingyue/topics/${topic}`, { cookie, form: { intent: "cosign" } });
  expect(cosign.status).toBe(302);
  expect(cosign.headers.get("location")).toMatch(/^\/login/);
}

function tokenOf(cookie: string): string {
  return cookie.split("=")[1];
}

describe("an ended session", () => {
  it("is live before it ends (the pages and the socket work for it)", async () => {
    const cookie = await http.login("committee1");
    expect((await http.fetch("/account/sessions", { cookie })).status).toBe(200);
    const socket = await watchedSocket(cookie);
    socket.ws.send(updateFrame("会话有效时写的"));
    await waitFor(() => witness.text().includes("会话有效时写的"), "a live session's edit");
    socket.ws.close();
  });

  const ways: Array<[string, (victim: string) => Promise<void>]> = [
    ["signing out", async (victim) => void (await http.fetch("/logout", { cookie: victim, form: {} }))],
    ["revoking it from another device", async (victim) => {
      const other = await http.login("committee1");
      const res = await http.fetch("/account/sessions", { cookie: other, form: { intent: "revoke", sessionId: sessionIdFromToken(tokenOf(victim)) } });
      expect(res.status).toBe(200);
    }],
    ["signing out everywhere else", async () => {
      const other = await http.login("committee1");
      expect((await http.fetch("/account/sessions", { cookie: other, form: { intent: "revokeOthers" } })).status).toBe(200);
    }],
    ["signing out everywhere", async () => {
      const other = await http.login("committee1");
      expect((await http.fetch("/account/sessions", { cookie: other, form: { intent: "revokeAll" } })).status).toBe(302);
    }],
    // The socket learns the new expiry from the sweep (100 ms here); then the time runs out.
    ["expiring", async (victim) => {
      const expiresAt = Date.now() + 400;
      getDb().update(sessions).set({ expiresAt: new Date(expiresAt) }).where(eq(sessions.id, sessionIdFromToken(tokenOf(victim)))).run();
      await new Promise((r) => setTimeout(r, expiresAt - Date.now() + 5));
    }],
  ];

  for (const [way, end] of ways) {
    it(`by ${way} closes its socket at once and is signed out on every page and action`, async () => {
      const victim = await http.login("committee1");
      const socket = await watchedSocket(victim);
      await new Promise((r) => setTimeout(r, 20));
      socket.startWatching();
      await end(victim);
      await expectSocketEnded(socket, way);
      await expectSignedOutEverywhere(victim);
    });
  }
});

describe("losing one's membership", () => {
  it("closes the member's socket: nothing more in, nothing more out", async () => {
    const member = "committee2";
    const cookie = await http.login(member);
    const socket = await watchedSocket(cookie);
    await new Promise((r) => setTimeout(r, 20));
    socket.startWatching();
    const mingyue = getDb().select({ id: communities.id, streetId: communities.streetId }).from(communities).where(eq(communities.slug, "mingyue")).get()!;
    const roles = getDb().select({ role: memberships.role }).from(memberships).where(and(eq(memberships.communityId, mingyue.id), eq(memberships.userId, userId(member)))).all();
    expect(roles.length).toBeGreaterThan(0);
    for (const { role } of roles) {
      revokeMembership({ streetId: mingyue.streetId, communitySlug: "mingyue", userId: userId(member), role: role as Role, actorId: userId("street1") });
    }
    await expectSocketEnded(socket, "除名");
    expect((await http.fetch(`/c/mingyue/topics/${topic}/draft`, { cookie })).status).toBe(404);
  });
});


describe("the check before each message", () => {
  const context = (sessionId: string, sessionExpiresAt: Date) => ({ sessionId, sessionExpiresAt });

  it("trusts the cached expiry until it passes, then asks the database (sessions slide)", async () => {
    const token = tokenOf(await http.login("resident1"));
    const id = sessionIdFromToken(token);
    const stored = getDb().select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.id, id)).get()!.expiresAt;
    const slid = context(id, new Date(Date.now() - 1));
    expect(sessionStillOpen(slid)).toBe(true);
    expect(slid.sessionExpiresAt.getTime()).toBe(stored.getTime());
    getDb().update(sessions).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(sessions.id, id)).run();
    expect(sessionStillOpen(context(id, new Date(Date.now() - 1)))).toBe(false);
    expect(sessionStillOpen(context("0".repeat(64), new Date(Date.now() - 1)))).toBe(false);
  });
});
