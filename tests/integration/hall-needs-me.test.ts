// "Needs me" (待我处理) for every demo role: the model's answer on the seeded data, the same list in
// the hall over HTTP, overdue screening first, at most eight, never another community's topics.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../server/cli/demo/data";
import { getDb } from "../../db/client.server";
import { executionTasks, topics } from "../../db/schema";
import { getMemberRoles } from "~/models/community.server";
import { createTopic } from "~/models/topic-create.server";
import { listNeedsMe } from "~/models/topic.server";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";

const http = useServer();

const T = {
  light: "小区东门夜间照明不足", // open; proposed by resident1, co-signed by resident2, rep01, rep02
  lift: "3号楼申请加装电梯", // screening
  waste: "垃圾分类投放点异味整治", // drafting
  charging: "非机动车充电棚建设", // consulting
  parking: "小区内部停车位重新划线", // onAgenda; proposed by rep03
  playground: "儿童游乐设施更新", // executing
  sewage: "2号楼化粪池堵塞疏通", // verifying
  shiliuLamp: "村道路灯维修", // open; proposed by villager1
  shiliuPond: "村集体鱼塘承包方案", // drafting
  shiliuFunds: "村集体资金修建村南机耕路", // drafting, 四议两公开 (server/cli/demo/four-two.ts)
  shiliuDrain: "一事一议:修建村口排水渠", // consulting
  shiliuWater: "饮水管网改造", // verifying
  shiliuSquare: "文化广场扩建", // onAgenda, tabled at the village's scheduled meeting
  shiliuClinic: "村卫生室改造", // executing
};

/** The village's 组成人员 who are residents (representatives, a 村委会 member): rate, vote, co-sign. */
const VILLAGE_SEAT: Array<[string, string]> = [[T.shiliuWater, "rate"], [T.shiliuSquare, "vote"], [T.shiliuLamp, "cosign"]];

/** What each demo account is asked to do, in order (overdue first, then the longest waiting). */
const EXPECTED: Record<string, { community: "mingyue" | "shiliu"; items: Array<[string, string]> }> = {
  resident1: { community: "mingyue", items: [[T.sewage, "rate"]] },
  resident2: { community: "mingyue", items: [[T.sewage, "rate"]] },
  resident3: { community: "mingyue", items: [[T.light, "cosign"], [T.sewage, "rate"]] },
  // 居委会 members too: one of 组成人员, asked to vote like the representatives.
  committee1: { community: "mingyue", items: [[T.charging, "consult"], [T.lift, "screen"], [T.waste, "draft"], [T.parking, "vote"]] },
  committee2: { community: "mingyue", items: [[T.charging, "consult"], [T.lift, "screen"], [T.waste, "draft"], [T.parking, "vote"]] },
  cmember1: { community: "mingyue", items: [[T.parking, "vote"], [T.light, "cosign"], [T.sewage, "rate"]] },
  cmember2: { community: "mingyue", items: [[T.parking, "vote"], [T.light, "cosign"], [T.sewage, "rate"]] },
  convener1: { community: "mingyue", items: [[T.charging, "consult"], [T.lift, "screen"], [T.waste, "draft"], [T.parking, "vote"]] },
  // rep01 and rep02 co-signed #1; the other representatives (residents too) are asked to co-sign it.
  ...Object.fromEntries(
    Array.from({ length: 15 }, (_, i) => {
      const rep = `rep${String(i + 1).padStart(2, "0")}`;
      const cosigned = rep === "rep01" || rep === "rep02";
      const items: Array<[string, string]> = cosigned ? [[T.parking, "vote"], [T.sewage, "rate"]] : [[T.parking, "vote"], [T.light, "cosign"], [T.sewage, "rate"]];
      return [rep, { community: "mingyue" as const, items }];
    }),
  ),
  supervisor1: { community: "mingyue", items: [[T.playground, "superviseExecution"], [T.sewage, "verify"]] },
  executor1: { community: "mingyue", items: [[T.playground, "execute"]] },
  // The party organisation is asked nothing here: its review shows on each important topic's page.
  party1: { community: "mingyue", items: [] },
  villager1: { community: "shiliu", items: [[T.shiliuWater, "rate"]] },
  vcommittee1: { community: "shiliu", items: [[T.shiliuPond, "draft"], [T.shiliuFunds, "draft"], [T.shiliuDrain, "consult"], [T.shiliuSquare, "vote"]] },
  vconvener1: { community: "shiliu", items: [[T.shiliuPond, "draft"], [T.shiliuFunds, "draft"], [T.shiliuDrain, "consult"], [T.shiliuSquare, "vote"]] },
  vmember1: { community: "shiliu", items: VILLAGE_SEAT },
  ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`vrep${String(i + 1).padStart(2, "0")}`, { community: "shiliu" as const, items: VILLAGE_SEAT }])),
  vsupervisor1: { community: "shiliu", items: [[T.shiliuClinic, "superviseExecution"], [T.shiliuWater, "verify"], [T.shiliuLamp, "cosign"]] },
  // The village party branch, like the community's: its 四议 show on each matter's page, not here.
  vparty1: { community: "shiliu", items: [] },
  // The village's builders have no unit yet, so no task.
  vexecutor1: { community: "shiliu", items: [] },
};

function needsMe(username: string, slug: "mingyue" | "shiliu") {
  const cid = communityId(slug);
  const uid = userId(username);
  return listNeedsMe({ communityId: cid, userId: uid, roles: getMemberRoles({ userId: uid, communityId: cid }) }).map((t) => [t.title, t.task]);
}

describe("needs me, per demo role (model)", () => {
  for (const [username, { community, items }] of Object.entries(EXPECTED)) {
    it(`${username}`, () => {
      expect(needsMe(username, community)).toEqual(items);
    });
  }

  it("every demo member is covered", () => {
    const members = DEMO_ACCOUNTS.filter((a) => a.community).map((a) => a.username);
    for (const username of members) expect(Object.keys(EXPECTED)).toContain(username);
  });

  it("asks an executor only about topics with an open task of their unit", () => {
    const cid = communityId("mingyue");
    // Someone with the executor role but no unit is asked for nothing, although #6 is in execution.
    expect(listNeedsMe({ communityId: cid, userId: userId("supervisor1"), roles: ["executor"] })).toEqual([]);
    // When every task of executor1's unit on #6 is done, #6 no longer waits on them.
    const playground = getDb().select({ id: topics.id }).from(topics).where(and(eq(topics.communityId, cid), eq(topics.title, T.playground))).get()!;
    const open = getDb().select({ id: executionTasks.id }).from(executionTasks).where(and(eq(executionTasks.topicId, playground.id), eq(executionTasks.status, "open"))).all();
    expect(open.length).toBeGreaterThan(0);
    getDb().update(executionTasks).set({ status: "done" }).where(eq(executionTasks.topicId, playground.id)).run();
    try {
      expect(needsMe("executor1", "mingyue")).toEqual([]);
    } finally {
      for (const t of open) getDb().update(executionTasks).set({ status: "open" }).where(eq(executionTasks.id, t.id)).run();
    }
  });

  it("the street admin without a role is asked for nothing", () => {
    expect(listNeedsMe({ communityId: communityId("mingyue"), userId: userId("street1"), roles: [] })).toEqual([]);
  });

  it("is scoped to the community asked about", () => {
    // A committee member's roles applied to the other community's id still only see that community's rows.
    const shiliu = listNeedsMe({ communityId: communityId("shiliu"), userId: userId("committee1"), roles: ["committee"] }).map((t) => t.title);
    expect(shiliu).toEqual([T.shiliuPond, T.shiliuFunds, T.shiliuDrain]);
    expect(shiliu).not.toContain(T.lift);
  });
});

describe("needs me in the hall (HTTP)", () => {
  for (const username of ["resident3", "committee1", "supervisor1", "vcommittee1"]) {
    it(`${username} sees the same list`, async () => {
      const { community, items } = EXPECTED[username];
      const res = await http.fetch(`/c/${community}?_data=${encodeURIComponent("routes/c.$community._index")}`, { cookie: await http.login(username) });
      expect(res.status).toBe(200);
      const data = (await res.json()) as { needsMe: Array<{ title: string; task: string }> };
      expect(data.needsMe.map((t) => [t.title, t.task])).toEqual(items);
      const html = await (await http.fetch(`/c/${community}`, { cookie: await http.login(username) })).text();
      const block = html.slice(html.indexOf('data-testid="needs-me"'));
      for (const [title] of items) expect(block).toContain(title);
    });
  }
});

describe("needs me ordering and limit", () => {
  it("puts overdue screening first", () => {
    const lift = getDb().select({ id: topics.id }).from(topics).where(and(eq(topics.communityId, communityId("mingyue")), eq(topics.number, 2))).get()!;
    getDb().update(topics).set({ overdue: true }).where(eq(topics.id, lift.id)).run();
    try {
      expect(needsMe("committee1", "mingyue")).toEqual([
        [T.lift, "screen"],
        [T.charging, "consult"],
        [T.waste, "draft"],
        [T.parking, "vote"],
      ]);
    } finally {
      getDb().update(topics).set({ overdue: false }).where(eq(topics.id, lift.id)).run();
    }
  });

  it("shows at most eight; a resident's own and co-signed topics are not asked of them", () => {
    for (let i = 1; i <= 12; i++) {
      createTopic({ communityId: communityId("mingyue"), proposerId: userId("resident2"), title: `待附议测试 ${i}`, description: "", location: "", categoryId: null, source: "resident" });
    }
    const forResident3 = needsMe("resident3", "mingyue");
    expect(forResident3).toHaveLength(8);
    expect(forResident3.every(([, task]) => task === "cosign" || task === "rate")).toBe(true);
    // resident2 proposed all twelve: none of them is asked of resident2.
    expect(needsMe("resident2", "mingyue")).toEqual([[T.sewage, "rate"]]);
  });

  it("asks someone who co-signed nearly all of many open topics to co-sign the few left, in order", () => {
    // More open topics than the remembered first ones (40), nearly all co-signed by resident3: the
    // remembered ones run out and the full query answers; the order is the same either way.
    const ids: number[] = [];
    for (let i = 1; i <= 50; i++) {
      ids.push(createTopic({ communityId: communityId("mingyue"), proposerId: userId("resident2"), title: `多议题测试 ${i}`, description: "", location: "", categoryId: null, source: "resident" }).id);
    }
    const left = new Set([ids[44], ids[47]]);
    const light = getDb().select({ id: topics.id }).from(topics).where(and(eq(topics.communityId, communityId("mingyue")), eq(topics.title, T.light))).get()!.id;
    const open = getDb().select({ id: topics.id }).from(topics).where(and(eq(topics.communityId, communityId("mingyue")), eq(topics.state, "open"))).all();
    const insert = getDb().$client.prepare("INSERT OR IGNORE INTO topic_cosigns (topic_id, user_id, created_at) VALUES (?, ?, ?)");
    for (const { id } of open) if (id !== light && !left.has(id)) insert.run(id, userId("resident3"), Date.now());
    const asked = needsMe("resident3", "mingyue").filter(([, task]) => task === "cosign").map(([title]) => title);
    expect(asked).toEqual([T.light, "多议题测试 45", "多议题测试 48"]);
  });
});
