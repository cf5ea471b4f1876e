// The hall's stage columns are remembered until the next write (db/prepared.ts untilNextWrite): a
// write by this connection or a commit by another must be seen at once, and nothing read twice
// without a write in between.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { databaseVersion, untilNextWrite } from "../../db/prepared";
import { listHallTopics } from "~/models/topic.server";
import { createTopic } from "~/models/topic-create.server";
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
});
