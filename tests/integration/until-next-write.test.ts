// The hall's stage columns and the shared part of a topic page are remembered until the next write
// (db/prepared.ts untilNextWrite): a write by this connection or a commit by another must be seen at
// once, and nothing read twice without a write in between.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { databaseVersion, untilNextWrite } from "../../db/prepared";
import { listHallTopics } from "~/models/topic.server";
import { addComment } from "~/models/comment.server";
import { createTopic } from "~/models/topic-create.server";
import { loadTopicPage } from "~/models/topic-view.server";
import { communityId, userId } from "./support/db";

describe("until the next write", () => {
  it("reads once while nothing is written, again after any write", () => {
    let reads = 0;
    const count = untilNextWrite((id: number) => {
      reads++;
      return getDb().$client.prepare("SELECT count(*) AS n FROM topics WHERE community_id = ?").pluck().get(id) as number;
    });
    const mingyue = communityId("mingyue");
    const before = count(mingyue);
    expect(count(mingyue)).toBe(before);
    expect(reads).toBe(1);

    // A write through this connection.
    createTopic({ communityId: mingyue, proposerId: userId("resident1"), title: "记忆测试一", description: "", location: "", categoryId: null, source: "resident" });
    expect(count(mingyue)).toBe(before + 1);
    expect(reads).toBe(2);

    // A commit by another connection to the same file (a CLI, a restore).
    const other = new Database(process.env.DATABASE_PATH!);
    const version = databaseVersion();
    other.prepare("UPDATE topics SET title = title WHERE id = (SELECT min(id) FROM topics)").run();
    other.close();
    expect(databaseVersion()).not.toBe(version);
    count(mingyue);
    expect(reads).toBe(3);
  });

  it("the hall shows a new topic at once", () => {
    const mingyue = communityId("mingyue");
    const title = "记忆测试:新议题立即出现";
    expect(listHallTopics({ communityId: mingyue }).collection.topics.map((t) => t.title)).not.toContain(title);
    createTopic({ communityId: mingyue, proposerId: userId("resident1"), title, description: "", location: "", categoryId: null, source: "resident" });
    expect(listHallTopics({ communityId: mingyue }).collection.topics.map((t) => t.title)).toContain(title);
  });

  it("keeps at most `max` keys between two writes", () => {
    const reads: number[] = [];
    const echo = untilNextWrite(
      (n: number) => {
        reads.push(n);
        return n;
      },
      { max: 2 },
    );
    echo(1);
    echo(2);
    echo(1);
    expect(reads).toEqual([1, 2]);
    echo(3); // a third key: the two kept are forgotten
    echo(1);
    expect(reads).toEqual([1, 2, 3, 1]);
  });

  it("the topic page shows a new comment and a new co-signer at once", () => {
    const mingyue = communityId("mingyue");
    const topic = createTopic({ communityId: mingyue, proposerId: userId("resident1"), title: "记忆测试:议题页", description: "", location: "", categoryId: null, source: "resident" });
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
