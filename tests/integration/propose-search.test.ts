// Similar topics while proposing, and the search model the hall reuses: trigram full-text for three
// or more characters, LIKE below that, user input never read as FTS5 syntax, one community only.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { topics } from "../../db/schema";
import { createTopic } from "~/models/topic-create.server";
import { ftsPhrase, likePattern, searchTopics, similarityGrams } from "~/models/topic-search.server";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";

const http = useServer();
const mingyue = () => communityId("mingyue");
const titles = (query: string, options: { similar?: boolean; limit?: number; community?: string } = {}) =>
  searchTopics({ communityId: communityId(options.community ?? "mingyue"), query, limit: options.limit, similar: options.similar }).map((h) => h.title);
let eastGate: number;

function propose(slug: string, proposer: string, title: string, description = "") {
  return createTopic({ communityId: communityId(slug), proposerId: userId(proposer), title, description, location: "", categoryId: null, source: "resident" }).id;
}

beforeAll(() => {
  eastGate = getDb().select().from(topics).where(eq(topics.title, "小区东门夜间照明不足")).get()!.id;
  // The same words in the other community: never to be found from mingyue.
  propose("shiliu", "villager1", "村东门夜间照明也不足");
  propose("mingyue", "resident2", '50% 的路灯不亮 (AND "NEAR" *)', "符号测试_下划线\\反斜杠");
});

describe("searchTopics", () => {
  it("finds seeded #1 by a three-or-more-character phrase through the trigram index", () => {
    expect(titles("东门夜间")).toEqual(["小区东门夜间照明不足"]);
    expect(titles("夜间照明")).toEqual(["小区东门夜间照明不足"]);
    expect(titles("老人出行")).toEqual(["小区东门夜间照明不足"]); // from the description
  });

  it("finds it by a two-character word through LIKE, and by several words each matching", () => {
    expect(titles("东门")).toContain("小区东门夜间照明不足");
    expect(titles("照明 东门")).toEqual(["小区东门夜间照明不足"]);
  });

  it("in similar mode, finds it for a differently worded title such as 东门照明", () => {
    expect(titles("东门照明")).toEqual([]);
    expect(titles("东门照明", { similar: true })).toEqual(["小区东门夜间照明不足"]);
    expect(titles("东门晚上照明太暗", { similar: true })[0]).toBe("小区东门夜间照明不足");
    expect(titles("电梯加装申请", { similar: true })).toEqual(["3号楼申请加装电梯"]);
  });

  it("never returns another community's topics", () => {
    for (const query of ["东门夜间照明", "东门", "东门照明"]) {
      expect(titles(query, { similar: true })).not.toContain("村东门夜间照明也不足");
    }
    expect(titles("东门照明", { similar: true, community: "shiliu" })).toEqual(["村东门夜间照明也不足"]);
    expect(titles("村道路灯")).toEqual([]);
  });

  it("leaves out topics that are no longer active", () => {
    expect(titles("重阳节敬老活动")).toEqual([]);
    expect(titles("重阳节", { similar: true })).toEqual([]);
  });

  it("takes FTS5 syntax and LIKE wildcards literally, and survives every one of them", () => {
    expect(titles("50%")).toEqual(['50% 的路灯不亮 (AND "NEAR" *)']);
    expect(titles('"NEAR"')).toEqual(['50% 的路灯不亮 (AND "NEAR" *)']);
    expect(titles("(AND")).toEqual(['50% 的路灯不亮 (AND "NEAR" *)']);
    expect(titles("_下划")).toEqual(['50% 的路灯不亮 (AND "NEAR" *)']);
    expect(titles("\\反")).toEqual(['50% 的路灯不亮 (AND "NEAR" *)']);
    expect(titles("%%%")).toEqual([]);
    expect(titles("___")).toEqual([]);
    for (const query of ['"', '""', "*", "AND", "OR", "NOT", "(", ")", "NEAR(东门 照明)", '东门" OR "电梯', "title:东门", "^东门", "{title}: x", "-东门", "东门*", "\\"]) {
      expect(() => titles(query), query).not.toThrow();
      expect(() => titles(query, { similar: true }), query).not.toThrow();
    }
    expect(titles('东门" OR "电梯')).toEqual([]);
  });

  it("returns newest first, at most `limit`", () => {
    const ids = [1, 2, 3].map((i) => propose("mingyue", "resident3", `排序测试议题第${i}个`));
    const hits = searchTopics({ communityId: mingyue(), query: "排序测试", limit: 2 });
    expect(hits.map((h) => h.id)).toEqual([ids[2], ids[1]]);
    expect(hits[0]).toMatchObject({ stage: "collection", state: "open", cosignCount: 0, proposerName: "陈芳" });
  });

  it("answers nothing to an empty or blank query", () => {
    expect(titles("")).toEqual([]);
    expect(titles(" \u200b\t ")).toEqual([]);
  });
});

describe("query helpers", () => {
  it("quote FTS phrases and escape LIKE patterns", () => {
    expect(ftsPhrase('a"b')).toBe('"a""b"');
    expect(likePattern("50%_\\")).toBe("%50\\%\\_\\\\%");
  });

  it("cut CJK text into character pairs and keep other words whole", () => {
    expect(similarityGrams("东门照明 lamp 3")).toEqual(["东门", "门照", "照明", "lamp"]);
  });
});

describe("similar topics on the propose page", () => {
  it("are listed with links for ?title=, the typed title kept in the field (no JavaScript needed)", async () => {
    const cookie = await http.login("resident1");
    const res = await http.fetch(`/c/mingyue/topics/new?title=${encodeURIComponent("东门照明")}&description=${encodeURIComponent("写了一半")}`, { cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="/c/mingyue/topics/${eastGate}"`);
    expect(html).toContain("小区东门夜间照明不足");
    expect(html).toContain('value="东门照明"');
    expect(html).toContain("写了一半");
    expect(html).not.toContain("村东门夜间照明也不足");
  });

  it("are found for a two-character title, and hostile queries give a page, not an error", async () => {
    const cookie = await http.login("resident2");
    const two = await (await http.fetch(`/c/mingyue/topics/new?title=${encodeURIComponent("东门")}`, { cookie })).text();
    expect(two).toContain(`href="/c/mingyue/topics/${eastGate}"`);
    for (const query of ['"', "*", "AND (", '<script>alert(1)</script>', "x".repeat(5000)]) {
      const res = await http.fetch(`/c/mingyue/topics/new?title=${encodeURIComponent(query)}`, { cookie });
      expect(res.status, query).toBe(200);
      expect(await res.text()).not.toContain("<script>alert(1)</script>");
    }
  });
});
