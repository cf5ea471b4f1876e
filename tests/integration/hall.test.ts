// The hall's filters, search and pagination over real HTTP: each filter, combinations, garbage in the
// query string (never a 500), pages past the end, and never a topic of another community.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { catalogueEntries, topics } from "../../db/schema";
import { createTopic } from "~/models/topic-create.server";
import { HALL_TOPICS_PER_STAGE } from "~/models/topic.server";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";

const http = useServer();
const DATA = "_data=" + encodeURIComponent("routes/c.$community._index");

interface HallData {
  filtered: { topics: Array<{ number: number; title: string; overdue: boolean }>; total: number; page: number; pages: number } | null;
  byStage: Record<string, { topics: Array<{ title: string }>; total: number }> | null;
}

const cookies: Record<string, string> = {};
async function as(username: string) {
  cookies[username] ??= await http.login(username);
  return cookies[username];
}

async function hall(query: string, username = "resident1", slug = "mingyue"): Promise<HallData> {
  const res = await http.fetch(`/c/${slug}?${query}${query ? "&" : ""}${DATA}`, { cookie: await as(username) });
  expect(res.status, query).toBe(200);
  return (await res.json()) as HallData;
}

async function titles(query: string, username = "resident1", slug = "mingyue") {
  const data = await hall(query, username, slug);
  expect(data.filtered, `a filtered list for ${query}`).not.toBeNull();
  return data.filtered!.topics.map((t) => t.title).sort();
}

function categoryId(slug: string, code: string) {
  return getDb()
    .select({ id: catalogueEntries.id })
    .from(catalogueEntries)
    .where(and(eq(catalogueEntries.communityId, communityId(slug)), eq(catalogueEntries.code, code)))
    .get()!.id;
}

const T = {
  light: "小区东门夜间照明不足",
  lift: "3号楼申请加装电梯",
  waste: "垃圾分类投放点异味整治",
  charging: "非机动车充电棚建设",
  parking: "小区内部停车位重新划线",
  playground: "儿童游乐设施更新",
  sewage: "2号楼化粪池堵塞疏通",
  elders: "重阳节敬老活动",
};

describe("the hall without filters", () => {
  it("shows the six stage columns and no filtered list", async () => {
    const data = await hall("");
    expect(data.filtered).toBeNull();
    expect(Object.keys(data.byStage!)).toEqual(["collection", "deliberation", "consultation", "decision", "execution", "supervision"]);
    expect(data.byStage!.collection.topics.map((t) => t.title).sort()).toEqual([T.lift, T.light].sort());
    const html = await (await http.fetch("/c/mingyue", { cookie: await as("resident1") })).text();
    expect(html).toContain('data-testid="hall-filters"');
    expect(html).not.toContain('data-testid="hall-results"');
  });

  it("treats empty parameters (what a GET form sends) as no filter", async () => {
    expect((await hall("q=&stage=&category=&status=")).filtered).toBeNull();
  });
});

describe("hall filters", () => {
  it("filter by stage", async () => {
    expect(await titles("stage=deliberation")).toEqual([T.waste]);
    expect(await titles("stage=collection")).toEqual([T.lift, T.light].sort());
  });

  it("filter by category (the community's catalogue)", async () => {
    expect(await titles(`category=${categoryId("mingyue", "lift")}`)).toEqual([T.lift]);
    expect(await titles(`category=${categoryId("mingyue", "facilities")}`)).toEqual([T.light, T.charging, T.playground].sort());
    // Another community's category matches nothing here.
    expect(await titles(`category=${categoryId("shiliu", "facilities")}`)).toEqual([]);
  });

  it("filter by status", async () => {
    expect(await titles("status=closed")).toEqual([T.elders]);
    expect(await titles("status=rejected")).toEqual([]);
    expect((await titles("status=active")).length).toBe(7);
  });

  it("'mine' lists the topics I proposed or co-signed", async () => {
    expect(await titles("mine=1", "resident1")).toEqual([T.light, T.charging].sort());
    expect(await titles("mine=1", "rep01")).toEqual([T.light, T.lift].sort());
    expect(await titles("mine=1", "executor1")).toEqual([]);
  });

  it("combines filters", async () => {
    expect(await titles("stage=collection&mine=1", "resident1")).toEqual([T.light]);
    expect(await titles(`stage=collection&category=${categoryId("mingyue", "lift")}`)).toEqual([T.lift]);
    expect(await titles(`status=active&category=${categoryId("mingyue", "environment")}&q=${encodeURIComponent("异味")}`)).toEqual([T.waste]);
    expect(await titles("stage=execution&status=closed")).toEqual([]);
  });
});

describe("hall search", () => {
  it("finds a topic by a 3+ character Chinese substring (full-text) and by a 2-character one", async () => {
    expect(await titles(`q=${encodeURIComponent("加装电梯")}`)).toEqual([T.lift]);
    expect(await titles(`q=${encodeURIComponent("电梯")}`)).toEqual([T.lift]);
    expect(await titles(`q=${encodeURIComponent("充电")}`)).toEqual([T.charging]);
    // In the description too.
    expect(await titles(`q=${encodeURIComponent("消防通道")}`)).toEqual([T.parking]);
  });

  it("answers a query that matches nothing with an empty list", async () => {
    const data = await hall(`q=${encodeURIComponent("没有这样的议题")}`);
    expect(data.filtered).toMatchObject({ topics: [], total: 0, page: 1, pages: 1 });
    const html = await (await http.fetch(`/c/mingyue?q=${encodeURIComponent("没有这样的议题")}`, { cookie: await as("resident1") })).text();
    expect(html).toContain("没有符合条件的议题。");
  });

  it("never finds another community's topics", async () => {
    // "路灯" is in mingyue #1's description and in shiliu's 村道路灯维修.
    expect(await titles(`q=${encodeURIComponent("路灯")}`)).toEqual([T.light]);
    expect(await titles(`q=${encodeURIComponent("村道路灯")}`)).toEqual([]);
    expect(await titles(`q=${encodeURIComponent("村道路灯")}`, "villager1", "shiliu")).toEqual(["村道路灯维修"]);
    expect(await titles(`q=${encodeURIComponent("加装电梯")}`, "street1", "shiliu")).toEqual([]);
  });

  it("treats search operators and quotes as plain text", async () => {
    for (const q of ['"', '""', 'a"b', "电梯 OR 路灯", "NEAR(电梯", "电*", "%", "_", "\\", "'; DROP TABLE topics; --", "\u0000电梯"]) {
      const data = await hall(`q=${encodeURIComponent(q)}`);
      expect(data.filtered === null || Array.isArray(data.filtered.topics), q).toBe(true);
    }
    expect(await titles(`q=${encodeURIComponent("%")}`)).toEqual([]);
    expect(await titles(`q=${encodeURIComponent("电梯 OR 路灯")}`)).toEqual([]);
  });
});

describe("garbage in the query string", () => {
  it("is ignored, never a 500, and never echoed as markup", async () => {
    const cookie = await as("resident1");
    const queries = [
      "stage=nope&page=-3&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      "category=abc&status=zzz&mine=maybe",
      "page=99999999999999999999&category=-1",
      "page=1.5&category=1e3&stage=collection&stage=nope",
      `q=${"长".repeat(1000)}`, // longer than the form allows (100)
      "%E0%A4%A",
    ];
    for (const query of queries) {
      const res = await http.fetch(`/c/mingyue?${query}`, { cookie });
      expect(res.status, query).toBe(200);
      const html = await res.text();
      expect(html, query).not.toContain("<script>alert(1)</script>");
      expect(html).toContain('data-testid="hall-filters"');
    }
    // Only the valid part counts: the bad stage is dropped, the search stays.
    const data = await hall("stage=nope&page=-3&q=%3Cscript%3E");
    expect(data.filtered).toMatchObject({ total: 0, page: 1 });
    expect((await hall("stage=nope&status=zzz&category=abc")).filtered).toBeNull();
  });
});

describe("pagination", () => {
  beforeAll(() => {
    for (let i = 1; i <= 45; i++) {
      createTopic({
        communityId: communityId("mingyue"),
        proposerId: userId("resident3"),
        title: `分页测试议题 ${String(i).padStart(2, "0")}`,
        description: "用于测试翻页",
        location: "",
        categoryId: null,
        source: "resident",
      });
    }
  });

  it("shows 20 per page and the page count", async () => {
    const q = `q=${encodeURIComponent("分页测试")}`;
    const first = (await hall(q)).filtered!;
    expect(first).toMatchObject({ total: 45, page: 1, pages: 3 });
    expect(first.topics).toHaveLength(20);
    const third = (await hall(`${q}&page=3`)).filtered!;
    expect(third.topics).toHaveLength(5);
    const all = new Set([...first.topics, ...(await hall(`${q}&page=2`)).filtered!.topics, ...third.topics].map((t) => t.title));
    expect(all.size).toBe(45);
    const html = await (await http.fetch(`/c/mingyue?${q}&page=2`, { cookie: await as("resident1") })).text();
    expect(html).toContain("第 2 / 3 页");
    expect(html).toMatch(/href="\/c\/mingyue\?q=[^"]+&amp;page=3"/);
    expect((html.match(/data-testid="topic-card"/g) ?? []).length).toBeGreaterThanOrEqual(20);
  });

  it("a page past the end shows the last page", async () => {
    const data = (await hall(`q=${encodeURIComponent("分页测试")}&page=9`)).filtered!;
    expect(data).toMatchObject({ page: 3, pages: 3 });
    expect(data.topics).toHaveLength(5);
  });

  it("the stage column shows its newest 5 and links to the rest", async () => {
    const data = await hall("");
    expect(data.byStage!.collection.topics).toHaveLength(HALL_TOPICS_PER_STAGE);
    expect(HALL_TOPICS_PER_STAGE).toBe(5);
    expect(data.byStage!.collection.total).toBe(47);
    const html = await (await http.fetch("/c/mingyue", { cookie: await as("resident1") })).text();
    expect(html).toContain("还有 42 个");
    expect(html).toContain('href="/c/mingyue?stage=collection&amp;status=active"');
    expect((await hall("stage=collection&status=active")).filtered).toMatchObject({ total: 47, pages: 3 });
  });
});

describe("overdue badge", () => {
  it("shows 受理超期 on a topic whose screening is overdue", async () => {
    const lift = getDb().select({ id: topics.id }).from(topics).where(and(eq(topics.communityId, communityId("mingyue")), eq(topics.number, 2))).get()!;
    const before = await (await http.fetch(`/c/mingyue?q=${encodeURIComponent("加装电梯")}`, { cookie: await as("committee1") })).text();
    expect(before).not.toContain("受理超期");
    getDb().update(topics).set({ overdue: true }).where(eq(topics.id, lift.id)).run();
    const after = await (await http.fetch(`/c/mingyue?q=${encodeURIComponent("加装电梯")}`, { cookie: await as("committee1") })).text();
    expect(after).toContain('data-testid="overdue-badge"');
    expect(after).toContain("受理超期");
    expect((await hall(`q=${encodeURIComponent("加装电梯")}`)).filtered!.topics[0].overdue).toBe(true);
  });
});
