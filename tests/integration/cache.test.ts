// The one cache of reads (app/cache/cache.server.ts, decision 033): a read is remembered until a write
// to one of the tables it declares, in its community; writes elsewhere, or to tables it does not read,
// forget nothing. The database itself reports each written row's table and community (db/changes.ts).
import { openSqlite } from "../../db/sqlite";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { watchChanges } from "../../db/changes";
import { sessions, topicCosigns, topics } from "../../db/schema";
import { cachedRead } from "~/cache/cache.server";
import { createSession, generateSessionToken } from "~/auth/session.server";
import { listHallTopics } from "~/models/topic.server";
import { addComment } from "~/models/comment.server";
import { createTopic } from "~/models/topic-create.server";
import { loadTopicPage } from "~/pages/topic.server";
import { communityId, userId } from "./support/db";

const newTopic = (community: number, title: string) =>
  createTopic({ communityId: community, proposerId: userId(community === communityId("mingyue") ? "resident1" : "villager1"), title, description: "", location: "", categoryId: null, source: "resident" });

/** A read of a community's topics, declared on `topics` and scoped to the community; `misses` counts its fresh reads. */
function topicCount(name: string) {
  const count = cachedRead(name, { tables: [topics], community: (id: number) => id }, (id: number) => getDb().$client.prepare("SELECT count(*) FROM topics WHERE community_id = ?").pluck().get(id) as number);
  return { count, misses: () => count.counts.misses };
}

describe("the cache of reads", () => {
  it("remembers a read until a write to its table in its own community", () => {
    const { count, misses } = topicCount("t-scoped");
    const mingyue = communityId("mingyue");
    const shiliu = communityId("shiliu");
    const before = count(mingyue);
    const villageBefore = count(shiliu);
    expect(count(mingyue)).toBe(before);
    expect(misses()).toBe(2);

    newTopic(shiliu, "缓存测试:别的村的新议题");
    expect(count(mingyue)).toBe(before); // another community's write forgets nothing here
    expect(misses()).toBe(2);
    expect(count(shiliu)).toBe(villageBefore + 1);
    expect(misses()).toBe(3);

    newTopic(mingyue, "缓存测试:本社区的新议题");
    expect(count(mingyue)).toBe(before + 1);
    expect(misses()).toBe(4);
  });

  it("a session refresh or a write to a table the read does not declare forgets nothing", () => {
    const { count, misses } = topicCount("t-other-tables");
    const mingyue = communityId("mingyue");
    count(mingyue);
    createSession({ token: generateSessionToken(), userId: userId("resident1") });
    getDb().update(sessions).set({ expiresAt: new Date(Date.now() + 60_000) }).run();
    getDb().$client.prepare("INSERT INTO draft_updates (topic_id, user_id, \"update\", created_at) SELECT id, proposer_id, x'00', 0 FROM topics WHERE community_id = ? LIMIT 1").run(mingyue);
    count(mingyue);
    expect(misses()).toBe(1);
  });

  it("a read across communities is forgotten by a write to its tables in any community", () => {
    const all = cachedRead("t-across", { tables: [topics] }, () => getDb().$client.prepare("SELECT count(*) FROM topics").pluck().get() as number);
    const before = all(undefined);
    all(undefined);
    expect(all.counts.misses).toBe(1);
    newTopic(communityId("shiliu"), "缓存测试:跨社区读");
    expect(all(undefined)).toBe(before + 1);
    expect(all.counts.misses).toBe(2);
  });

  it("a commit by another connection forgets everything", () => {
    const { count, misses } = topicCount("t-other-connection");
    const mingyue = communityId("mingyue");
    count(mingyue);
    count(mingyue);
    expect(misses()).toBe(1);
    const other = openSqlite(process.env.DATABASE_PATH!);
    other.prepare("UPDATE users SET display_name = display_name || '·' WHERE id = (SELECT max(id) FROM users)").run();
    other.close();
    count(mingyue);
    expect(misses()).toBe(2);
  });

  it("does not remember what a transaction reads, so a rolled-back write leaves nothing behind", () => {
    const { count, misses } = topicCount("t-transaction");
    const mingyue = communityId("mingyue");
    const before = count(mingyue);
    expect(() =>
      getDb().transaction(() => {
        newTopic(mingyue, "缓存测试:回滚");
        expect(count(mingyue)).toBe(before + 1); // read inside: not remembered
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    expect(count(mingyue)).toBe(before);
    expect(misses()).toBe(2); // the read inside was neither answered from memory nor kept
  });

  it("keeps at most `max` entries, the least recently used leaving first", () => {
    const echo = cachedRead("t-max", { tables: [topics], max: 2 }, (n: number) => n);
    echo(1);
    echo(2);
    echo(1);
    expect(echo.counts).toEqual({ hits: 1, misses: 2 });
    echo(3); // 2 was used least recently
    echo(1);
    expect(echo.counts).toEqual({ hits: 2, misses: 3 });
    echo(2);
    expect(echo.counts).toEqual({ hits: 2, misses: 4 });
  });

  it("with CACHE_VERIFY (every test run) a read that does not declare a table it reads is caught", () => {
    expect(process.env.CACHE_VERIFY).toBe("1");
    const mingyue = communityId("mingyue");
    const undeclared = cachedRead("t-undeclared", { tables: [topicCosigns], community: (id: number) => id }, (id: number) => getDb().$client.prepare("SELECT count(*) FROM topics WHERE community_id = ?").pluck().get(id) as number);
    undeclared(mingyue);
    newTopic(mingyue, "缓存测试:未声明的表");
    expect(() => undeclared(mingyue)).toThrow(/t-undeclared.*is stale/);
  });

  it("the database names each written row's community, through its foreign keys when it has no community column", () => {
    const seen: Array<[string, number | null]> = [];
    watchChanges(getDb().$client, (table, community) => seen.push([table, community]));
    const mingyue = communityId("mingyue");
    const topic = newTopic(mingyue, "缓存测试:外键找社区");
    const c = getDb().$client;
    c.prepare("INSERT INTO topic_cosigns (topic_id, user_id, created_at) VALUES (?, ?, ?)").run(topic.id, userId("resident2"), Date.now());
    c.prepare("INSERT INTO consultations (topic_id, created_by, question, deadline, created_at) VALUES (?, ?, 'q', 1, 0)").run(topic.id, userId("convener1"));
    const consultation = c.prepare("SELECT max(id) FROM consultations").pluck().get() as number;
    c.prepare("INSERT INTO consultation_answers (consultation_id, user_id, stance, text, created_at) VALUES (?, ?, 'support', '', 0)").run(consultation, userId("resident2"));
    createSession({ token: generateSessionToken(), userId: userId("resident1") });
    const of = (table: string) => seen.filter(([t]) => t === table).map(([, id]) => id);
    expect(of("topics")).toContain(mingyue);
    expect(of("topic_cosigns")).toEqual([mingyue]);
    expect(of("consultations")).toEqual([mingyue]);
    expect(of("consultation_answers")).toEqual([mingyue]); // two steps: answer → consultation → topic
    expect(of("sessions")).toEqual([null]); // belongs to no community
  });

  it("the hall shows a new topic at once", () => {
    const mingyue = communityId("mingyue");
    const title = "缓存测试:新议题立即出现";
    expect(listHallTopics({ communityId: mingyue }).collection.topics.map((t) => t.title)).not.toContain(title);
    newTopic(mingyue, title);
    expect(listHallTopics({ communityId: mingyue }).collection.topics.map((t) => t.title)).toContain(title);
  });

  it("the topic page shows a new comment and a new co-signer at once", () => {
    const mingyue = communityId("mingyue");
    const topic = newTopic(mingyue, "缓存测试:议题页");
    const page = () => loadTopicPage({ communityId: mingyue, topicId: topic.id, userId: userId("resident2"), roles: ["resident"] })!;
    expect(page().comments.comments).toHaveLength(0);
    expect(addComment({ communityId: mingyue, topicId: topic.id, authorId: userId("resident2"), roles: ["resident"], body: "第一条意见。" }).ok).toBe(true);
    expect(page().comments.comments.map((c) => c.body)).toEqual(["第一条意见。"]);
    expect(page().cosign.cosigned).toBe(false);
    getDb().$client.prepare("INSERT INTO topic_cosigns (topic_id, user_id, created_at) VALUES (?, ?, ?)").run(topic.id, userId("resident2"), Date.now());
    expect(page().cosign.cosigned).toBe(true);
    // The same remembered page, another person: their own standing, not the last reader's.
    expect(loadTopicPage({ communityId: mingyue, topicId: topic.id, userId: userId("resident3"), roles: ["resident"] })!.cosign.cosigned).toBe(false);
  });
});
