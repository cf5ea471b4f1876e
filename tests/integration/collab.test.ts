// The collaborative-drafting websocket server, driven by real y-websocket clients over real sockets.
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { startServer } from "../../server/app";
import { getDraftText } from "~/models/draft-store.server";
import { publishCommitted } from "~/models/committed-events.server";
import { advanceTopic } from "~/models/workflow.server";
import { appendParagraph, connectClient, topicIn, upgradeStatus, waitFor, wsBase, type Client } from "./support/collab";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";

const http = useServer();
const open: Client[] = [];
const client = async (topicId: number, username: string) => {
  const c = await connectClient(http.url, topicId, await http.login(username));
  open.push(c);
  return c;
};
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});
const logLength = (topicId: number) => getDb().$client.prepare("SELECT count(*) FROM draft_updates WHERE topic_id = ?").pluck().get(topicId) as number;

/** `observer` has seen `sender`'s awareness marker: every message `sender` sent before it was processed. */
async function fence(sender: Client, observer: Client, marker: string) {
  sender.provider.awareness.setLocalStateField("fence", marker);
  await waitFor(() => [...observer.provider.awareness.getStates().values()].some((s) => s.fence === marker), `awareness ${marker}`);
}

describe("collaborative drafting over websockets", () => {
  it("two committee editors converge, and a later client gets the same text", async () => {
    const topic = topicIn("drafting");
    const a = await client(topic, "committee1");
    const b = await client(topic, "committee2");
    expect(a.text()).toContain("## 背景");
    appendParagraph(a.doc, "甲的段落");
    appendParagraph(b.doc, "乙的段落");
    await waitFor(() => a.text() === b.text() && a.text().includes("甲的段落") && a.text().includes("乙的段落"), "convergence");
    expect(getDraftText(topic)).toBe(a.text());
    const c = await client(topic, "committee1");
    expect(c.text()).toBe(a.text());
  });

  it("refuses upgrades: no session 401, a villager 404 (outsiders learn nothing), a garbage topic 404, a foreign Origin 403", async () => {
    const topic = topicIn("drafting");
    const url = (path: string) => `${wsBase(http.url)}/${path}`;
    const committee = await http.login("committee1");
    expect(await upgradeStatus(url(`topic-${topic}`), { cookie: committee, origin: http.url })).toBe(101);
    expect(await upgradeStatus(url(`topic-${topic}`), { origin: http.url })).toBe(401);
    expect(await upgradeStatus(url(`topic-${topic}`), { cookie: "yst_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", origin: http.url })).toBe(401);
    expect(await upgradeStatus(url(`topic-${topic}`), { cookie: await http.login("villager1"), origin: http.url })).toBe(404);
    expect(await upgradeStatus(url(`topic-${topic}`), { cookie: await http.login("street1"), origin: http.url })).toBe(101);
    expect(await upgradeStatus(url(`topic-${topic}`), { cookie: await http.login("resident1"), origin: http.url })).toBe(101);
    for (const bad of ["topic-abc", "topic-0", "topic--1", "topic-99999999999999999999", "topic-99999", "x"]) {
      expect(await upgradeStatus(url(bad), { cookie: committee, origin: http.url }), bad).toBe(404);
    }
    expect(await upgradeStatus(url(`topic-${topic}`), { cookie: committee, origin: "https://evil.example" })).toBe(403);
    expect(await upgradeStatus(url(`topic-${topic}`), { cookie: committee })).toBe(403);
    expect(await upgradeStatus(`${http.url.replace(/^http/, "ws")}/other`, { cookie: committee, origin: http.url })).toBe(404);
  });

  it("drops a read-only client's updates but relays its awareness", async () => {
    const topic = topicIn("drafting");
    const editor = await client(topic, "committee1");
    const reader = await client(topic, "resident1");
    appendParagraph(editor.doc, "编辑写的");
    await waitFor(() => reader.text().includes("编辑写的"), "reader receives edits");
    appendParagraph(reader.doc, "居民偷改");
    await fence(reader, editor, "after-change");
    expect(editor.text()).not.toContain("居民偷改");
    expect(getDraftText(topic)).not.toContain("居民偷改");
    expect(getDraftText(topic)).toContain("编辑写的");
  });

  it("turns editors read-only when the topic leaves consultation", async () => {
    const topic = topicIn("consulting");
    const editor = await client(topic, "committee1");
    const observer = await client(topic, "committee2");
    appendParagraph(editor.doc, "冻结前");
    await waitFor(() => observer.text().includes("冻结前"), "edit before freeze");
    advanceTopic({ topicId: topic, communityId: communityId("mingyue"), action: "freeze", actor: { userId: userId("committee1"), roles: ["committee"] } });
    appendParagraph(editor.doc, "冻结后");
    await fence(editor, observer, "after-freeze");
    expect(observer.text()).not.toContain("冻结后");
    expect(getDraftText(topic)).toContain("冻结前");
    expect(getDraftText(topic)).not.toContain("冻结后");
  });

  it("locks editors when the move comes through the topic page (the Remix build's copy of the event bus)", async () => {
    const topic = topicIn("drafting");
    const editor = await client(topic, "committee1");
    const observer = await client(topic, "committee2");
    const res = await http.fetch(`/c/mingyue/topics/${topic}`, { cookie: await http.login("committee2"), form: { intent: "move", action: "withdraw", reason: "不再需要" } });
    expect(res.status).toBeLessThan(400);
    appendParagraph(editor.doc, "页面冻结后");
    await fence(editor, observer, "after-page-freeze");
    expect(getDraftText(topic)).not.toContain("页面冻结后");
  });

  it("turns an editor read-only when their committee role is revoked", async () => {
    const topic = topicIn("drafting");
    const editor = await client(topic, "committee2");
    const observer = await client(topic, "committee1");
    const db = getDb().$client;
    const member = { c: communityId("mingyue"), u: userId("committee2") };
    db.prepare("UPDATE memberships SET role = 'resident' WHERE community_id = ? AND user_id = ? AND role = 'committee'").run(member.c, member.u);
    publishCommitted({ name: "rolesChanged", payload: { communityId: member.c, userId: member.u } });
    appendParagraph(editor.doc, "撤职后");
    await fence(editor, observer, "after-revoke");
    db.prepare("UPDATE memberships SET role = 'committee' WHERE community_id = ? AND user_id = ? AND role = 'resident'").run(member.c, member.u);
    expect(getDraftText(topic)).not.toContain("撤职后");
  });

  it("keeps the text across a server restart", async () => {
    const topic = topicIn("drafting");
    const first = await startServer({ port: 0, host: "127.0.0.1" });
    const cookie = await http.login("committee1");
    const a = await connectClient(first.url, topic, cookie);
    appendParagraph(a.doc, "重启前写下");
    await waitFor(() => getDraftText(topic).includes("重启前写下"), "stored");
    const before = a.text();
    await first.close();
    a.close();
    const second = await startServer({ port: 0, host: "127.0.0.1" });
    try {
      const b = await connectClient(second.url, topic, cookie);
      expect(b.text()).toBe(before);
      b.close();
    } finally {
      await second.close();
    }
  });

  it("compacts when the last client leaves and unloads the document; the text is unchanged", async () => {
    const topic = topicIn("drafting");
    const a = await client(topic, "committee1");
    for (let i = 0; i < 5; i++) appendParagraph(a.doc, `第${i}段`);
    await waitFor(() => getDraftText(topic).includes("第4段"), "stored");
    expect(logLength(topic)).toBeGreaterThan(0);
    expect(http.collab.documentNames()).toContain(`topic-${topic}`);
    const text = getDraftText(topic);
    open.splice(open.indexOf(a), 1);
    a.close();
    await waitFor(() => !http.collab.documentNames().includes(`topic-${topic}`), "document unloaded");
    expect(logLength(topic)).toBe(0);
    expect(getDraftText(topic)).toBe(text);
  });

  it("compacts while clients stay once the log passes DRAFT_COMPACT_EVERY", async () => {
    process.env.DRAFT_COMPACT_EVERY = "4";
    try {
      const topic = topicIn("drafting");
      const a = await client(topic, "committee1");
      for (let i = 0; i < 9; i++) appendParagraph(a.doc, `段${i}`);
      await waitFor(() => getDraftText(topic).includes("段8"), "stored");
      expect(logLength(topic)).toBeLessThan(4);
      expect(getDraftText(topic)).toBe(a.text());
    } finally {
      delete process.env.DRAFT_COMPACT_EVERY;
    }
  });
});
