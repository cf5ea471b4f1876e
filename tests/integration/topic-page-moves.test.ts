// Moves made on the topic page over real HTTP: the committee accepts, rejects and merges; everyone
// else, and every wrong moment, is refused with 403 and nothing changes; the ledger still verifies.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { topicEvents, topics } from "../../db/schema";
import { verifyLedger } from "~/models/ledger.server";
import { createTopic } from "~/models/topic-create.server";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";

const http = useServer();
const cookies = new Map<string, string>();
async function as(username: string) {
  if (!cookies.has(username)) cookies.set(username, await http.login(username));
  return cookies.get(username)!;
}

const mingyue = () => communityId("mingyue");
const topicRow = (id: number) => getDb().select().from(topics).where(eq(topics.id, id)).get()!;
const eventsOf = (id: number) => getDb().select().from(topicEvents).where(eq(topicEvents.topicId, id)).all();
const seeded = (slug: string, title: string) =>
  getDb().select().from(topics).where(and(eq(topics.communityId, communityId(slug)), eq(topics.title, title))).get()!;

/** A topic filed by the committee starts in screening. */
function screening(title = "议事会提出的议题") {
  return createTopic({ communityId: mingyue(), proposerId: userId("committee2"), title, description: "", location: "", categoryId: null, source: "committee" });
}

const page = (id: number) => `/c/mingyue/topics/${id}`;
// 受理 and 不予受理 carry the ticked confirm box, as the page's forms do (refusals without it are tested in step-gates-pages).
const ticked = (action: string): Record<string, string> => (action === "accept" || action === "reject" ? { confirm: "on" } : {});
const move = async (username: string, id: number, action: string, extra: Record<string, string> = {}) =>
  http.fetch(page(id), { cookie: await as(username), form: { intent: "move", action, ...ticked(action), ...extra } });

function ledgerCount() {
  const verdict = verifyLedger({ communityId: mingyue() });
  expect(verdict.ok).toBe(true);
  return verdict.count;
}

describe("the committee's moves", () => {
  it("offers the committee accept, reject and merge on a screening topic; a resident sees none", async () => {
    const { id } = screening();
    const committee = await (await http.fetch(page(id), { cookie: await as("committee1") })).text();
    for (const action of ["accept", "reject", "merge"]) expect(committee).toContain(`data-testid="move-${action}"`);
    expect(committee).toContain('name="mergeNumber"');
    const resident = await (await http.fetch(page(id), { cookie: await as("resident1") })).text();
    expect(resident).not.toContain('name="intent" value="move"');
  });

  it("accepts over HTTP: redirect back, drafting, history and timeline mark, one ledger entry", async () => {
    const { id } = screening();
    const before = ledgerCount();
    const res = await move("committee1", id, "accept");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(page(id));
    expect(topicRow(id)).toMatchObject({ state: "drafting", stage: "deliberation" });
    expect(eventsOf(id).at(-1)).toMatchObject({ action: "accept", actorId: userId("committee1") });
    expect(ledgerCount()).toBe(before + 1);
    const html = await (await http.fetch(page(id), { cookie: await as("resident1") })).text();
    expect(html).toContain("议案起草中");
    expect(html).toContain("议事会 刘伟");
  });

  it("rejects only with a public reason, and shows the reason", async () => {
    const { id } = screening();
    const before = ledgerCount();
    const bare = await move("committee1", id, "reject", { reason: "   " });
    expect(bare.status).toBe(400);
    expect(await bare.text()).toContain("此操作必须填写公开的理由。");
    expect(topicRow(id).state).toBe("screening");
    expect(ledgerCount()).toBe(before);
    const res = await move("committee1", id, "reject", { reason: "属于物业日常维修\n已转物业处理" });
    expect(res.status).toBe(302);
    expect(topicRow(id)).toMatchObject({ state: "rejected", publicReason: "属于物业日常维修\n已转物业处理" });
    const html = await (await http.fetch(page(id), { cookie: await as("resident2") })).text();
    expect(html).toContain("不予受理的理由");
    expect(html).toContain("属于物业日常维修\n已转物业处理");
    expect(ledgerCount()).toBe(before + 1);
  });

  it("merges into a topic given by its number in the same community only, and links to it", async () => {
    const target = createTopic({ communityId: mingyue(), proposerId: userId("resident1"), title: "合并目标", description: "", location: "", categoryId: null, source: "resident" });
    const dup = screening("重复的议题");
    // A number no topic of the community has, the topic's own number, and no number at all are refused.
    const unknown = await move("committee1", dup.id, "merge", { mergeNumber: "99999", reason: "重复" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("请填写本社区另一个尚在进行的议题编号");
    const self = await move("committee1", dup.id, "merge", { mergeNumber: String(dup.number), reason: "重复" });
    expect(self.status).toBe(400);
    const notANumber = await move("committee1", dup.id, "merge", { mergeNumber: "abc", reason: "重复" });
    expect(notANumber.status).toBe(400);
    expect(await notANumber.text()).toContain("请输入整数。");
    expect(topicRow(dup.id).state).toBe("screening");

    const res = await move("committee1", dup.id, "merge", { mergeNumber: String(target.number), reason: "与合并目标重复" });
    expect(res.status).toBe(302);
    expect(topicRow(dup.id)).toMatchObject({ state: "merged", mergedIntoId: target.id });
    const html = await (await http.fetch(page(dup.id), { cookie: await as("committee1") })).text();
    expect(html).toContain(`href="/c/mingyue/topics/${target.id}"`);
    expect(html).toContain("已合并到");
    ledgerCount();
  });

  it("resolves a merge number inside the community: #1 means mingyue's #1, never shiliu's", async () => {
    const dup = screening("与东门照明重复");
    const mingyueFirst = seeded("mingyue", "小区东门夜间照明不足");
    expect((await move("committee1", dup.id, "merge", { mergeNumber: String(mingyueFirst.number), reason: "重复" })).status).toBe(302);
    expect(topicRow(dup.id).mergedIntoId).toBe(mingyueFirst.id);
    // shiliu's committee cannot reach mingyue's topics at all.
    const other = screening("另一个");
    expect((await move("vcommittee1", other.id, "reject", { reason: "x" })).status).toBe(404);
    expect(topicRow(other.id).state).toBe("screening");
  });
});

describe("refused moves change nothing", () => {
  it("a resident trying to accept gets 403 with the reason", async () => {
    const { id } = screening();
    const before = ledgerCount();
    const events = eventsOf(id).length;
    const res = await move("resident1", id, "accept");
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("您的身份不能进行此操作。");
    expect(topicRow(id).state).toBe("screening");
    expect(eventsOf(id)).toHaveLength(events);
    expect(ledgerCount()).toBe(before);
    expect((await move("street1", id, "accept")).status).toBe(403);
    expect((await move("supervisor1", id, "reject", { reason: "x" })).status).toBe(403);
    expect(topicRow(id).state).toBe("screening");
  });

  it("a move from the wrong state gets 403; an unknown action 400", async () => {
    const drafting = seeded("mingyue", "垃圾分类投放点异味整治");
    const before = ledgerCount();
    const res = await move("committee1", drafting.id, "accept");
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("议题当前的状态不允许此操作");
    expect((await move("committee1", drafting.id, "teleport")).status).toBe(400);
    expect((await move("committee1", drafting.id, "reachThreshold")).status).toBe(403);
    expect(topicRow(drafting.id).state).toBe("drafting");
    expect(ledgerCount()).toBe(before);
  });

  it("an over-long reason is a 400 with the translated error", async () => {
    const { id } = screening();
    const res = await move("committee1", id, "reject", { reason: "长".repeat(501) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("太长了,最多 500 个字符。");
    expect(topicRow(id).state).toBe("screening");
  });
});
