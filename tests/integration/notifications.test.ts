// Notifications over real HTTP: a move made on the topic page reaches the proposer and co-signers,
// the bell counts them, /notifications lists them in words, mark-all-read clears the count, and
// nobody ever sees anyone else's.
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { notifications } from "../../db/schema";
import { coSignTopic } from "~/models/cosign.server";
import { createTopic } from "~/models/topic-create.server";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";

const http = useServer();
const cookies = new Map<string, string>();
async function as(username: string) {
  if (!cookies.has(username)) cookies.set(username, await http.login(username));
  return cookies.get(username)!;
}

const unreadOf = (username: string) =>
  getDb().select().from(notifications).where(and(eq(notifications.userId, userId(username)), isNull(notifications.readAt))).all().length;

async function html(username: string, path: string, extraCookie = "") {
  const res = await http.fetch(path, { cookie: [await as(username), extraCookie].filter(Boolean).join("; ") });
  expect(res.status).toBe(200);
  return res.text();
}

const bellCount = (page: string) => page.match(/data-testid="unread-count"[^>]*>(\d+|99\+)</)?.[1] ?? null;

/** An open topic by `proposer`, co-signed by `cosigners` (fewer than the threshold). */
function topicWithFollowers(proposer: string, cosigners: string[], title: string) {
  const t = createTopic({ communityId: communityId("mingyue"), proposerId: userId(proposer), title, description: "", location: "", categoryId: null, source: "resident" });
  for (const name of cosigners) coSignTopic({ topicId: t.id, communityId: communityId("mingyue"), userId: userId(name), roles: ["resident"] });
  return t;
}

describe("notifications", () => {
  it("tell the proposer and co-signers of a move made on the topic page, and only them", async () => {
    const t = topicWithFollowers("resident1", ["resident2", "rep11"], "通知测试:楼道扶手");
    const before = { resident1: unreadOf("resident1"), resident2: unreadOf("resident2"), resident3: unreadOf("resident3"), committee1: unreadOf("committee1") };
    const res = await http.fetch(`/c/mingyue/topics/${t.id}`, { cookie: await as("committee1"), form: { intent: "move", action: "reject", reason: "已由物业维修", confirm: "on" } });
    expect(res.status).toBe(302);
    expect(unreadOf("resident1")).toBe(before.resident1 + 1);
    expect(unreadOf("resident2")).toBe(before.resident2 + 1);
    expect(unreadOf("resident3")).toBe(before.resident3);
    expect(unreadOf("committee1")).toBe(before.committee1); // the one who acted is not told

    const list = await html("resident1", "/notifications");
    expect(list).toContain("通知测试:楼道扶手");
    expect(list).toContain(`议题 #${t.number}「通知测试:楼道扶手」:不予受理。`);
    expect(list).toContain("理由:已由物业维修");
    expect(list).toContain(`href="/c/mingyue/topics/${t.id}"`);
    expect(bellCount(list)).toBe(String(unreadOf("resident1")));

    const english = await html("rep11", "/notifications", await http.english());
    expect(english).toContain(`topic #${t.number} “通知测试:楼道扶手”: Not accepted.`);

    const stranger = await html("resident3", "/notifications");
    expect(stranger).not.toContain("通知测试:楼道扶手");
    const villager = await html("villager1", "/notifications");
    expect(villager).not.toContain("通知测试:楼道扶手");
  });

  it("translate merges for the followers of the topic merged into", async () => {
    const target = topicWithFollowers("resident3", [], "通知测试:合并目标");
    const dup = topicWithFollowers("rep12", ["rep13"], "通知测试:重复议题");
    const res = await http.fetch(`/c/mingyue/topics/${dup.id}`, {
      cookie: await as("committee2"),
      form: { intent: "move", action: "merge", mergeNumber: String(target.number), reason: "重复" },
    });
    expect(res.status).toBe(302);
    const list = await html("resident3", "/notifications");
    expect(list).toContain(`议题 #${dup.number}「通知测试:重复议题」已合并到议题 #${target.number}「通知测试:合并目标」`);
    const moved = await html("rep13", "/notifications");
    expect(moved).toContain("合并到其他议题");
  });

  it("mark all as read clears the bell for that person only", async () => {
    const t = topicWithFollowers("rep14", ["rep15"], "通知测试:已读");
    await http.fetch(`/c/mingyue/topics/${t.id}`, { cookie: await as("committee1"), form: { intent: "move", action: "reject", reason: "不属于议事范围", confirm: "on" } });
    expect(unreadOf("rep14")).toBeGreaterThan(0);
    expect(unreadOf("rep15")).toBeGreaterThan(0);
    expect(bellCount(await html("rep14", "/c/mingyue"))).toBe(String(unreadOf("rep14")));

    const res = await http.fetch("/notifications", { cookie: await as("rep14"), form: { intent: "markAllRead" } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/notifications");
    expect(unreadOf("rep14")).toBe(0);
    expect(bellCount(await html("rep14", "/notifications"))).toBeNull();
    expect(unreadOf("rep15")).toBeGreaterThan(0);
    expect(bellCount(await html("rep15", "/c/mingyue"))).toBe(String(unreadOf("rep15")));
  });

  it("need a signed-in person and a known intent", async () => {
    const anonymous = await http.fetch("/notifications");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    expect((await http.fetch("/notifications", { form: { intent: "markAllRead" } })).status).toBe(302);
    expect((await http.fetch("/notifications", { cookie: await as("resident2"), form: { intent: "other" } })).status).toBe(400);
    expect((await http.fetch("/notifications?before=abc", { cookie: await as("resident2") })).status).toBe(200);
    expect((await http.fetch("/notifications?before=123456789012345678901234567890", { cookie: await as("resident2") })).status).toBe(200);
  });
});
