// The topic page over real HTTP: who may see it, co-signing through its action (also 50 times at
// once), comments and what they may contain, and ids that must be "not found".
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { ledgerEntries, topicComments, topicCosigns, topics } from "../../db/schema";
import { DAY_MS, resetClock, shiftClock } from "~/models/clock.server";
import { addComment, COMMENTS_PER_PAGE } from "~/models/comment.server";
import { runDueDeadlines } from "~/models/deadline.server";
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

const seeded = (slug: string, title: string) =>
  getDb().select().from(topics).where(and(eq(topics.communityId, communityId(slug)), eq(topics.title, title))).get()!;
const topicRow = (id: number) => getDb().select().from(topics).where(eq(topics.id, id)).get()!;
const cosignRows = (topicId: number, username?: string) =>
  getDb()
    .select()
    .from(topicCosigns)
    .where(username ? and(eq(topicCosigns.topicId, topicId), eq(topicCosigns.userId, userId(username))) : eq(topicCosigns.topicId, topicId))
    .all();

function propose(proposer = "resident1", title = "楼道灯坏了") {
  return createTopic({ communityId: communityId("mingyue"), proposerId: userId(proposer), title, description: "三楼楼道灯不亮\n晚上看不见", location: "5号楼", categoryId: null, source: "resident" });
}

afterEach(() => resetClock());

const page = (id: number | string, slug = "mingyue") => `/c/${slug}/topics/${id}`;
const post = async (username: string, id: number, form: Record<string, string>) => http.fetch(page(id), { cookie: await as(username), form });

describe("the topic page", () => {
  it("shows a seeded topic to members: header, timeline, co-sign progress, history", async () => {
    const t1 = seeded("mingyue", "小区东门夜间照明不足");
    const res = await http.fetch(page(t1.id), { cookie: await as("rep03") });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`议题 #${t1.number}`);
    expect(html).toContain("小区东门夜间照明不足");
    expect(html).toContain("征集附议中");
    expect(html).toMatch(/3 \/ 10 附议(<!-- -->)?,还剩 \d+ 天/);
    expect(html).toContain("议题记录");
    expect(html).toContain('aria-label="六环节进度"');
    expect(html).toMatch(/value="cosign"/);
  });

  it("counts the days left from the co-sign window on the shared clock, and flags overdue screening", async () => {
    const { id } = propose();
    const cookie = await as("rep09");
    expect(await (await http.fetch(page(id), { cookie })).text()).toMatch(/0 \/ 10 附议(<!-- -->)?,还剩 14 天/);
    shiftClock(3 * DAY_MS + 60_000);
    expect(await (await http.fetch(page(id), { cookie })).text()).toMatch(/0 \/ 10 附议(<!-- -->)?,还剩 11 天/);
    resetClock();
    const filed = createTopic({ communityId: communityId("mingyue"), proposerId: userId("committee1"), title: "议事会提出", description: "", location: "", categoryId: null, source: "committee" });
    expect(await (await http.fetch(page(filed.id), { cookie })).text()).not.toContain("受理已超期");
    shiftClock(8 * DAY_MS);
    runDueDeadlines();
    expect(await (await http.fetch(page(filed.id), { cookie })).text()).toContain("受理已超期");
  });

  it("is the same page in English", async () => {
    const t2 = seeded("mingyue", "3号楼申请加装电梯");
    const res = await http.fetch(page(t2.id), { cookie: `${await as("committee1")}; ${await http.english()}` });
    const html = await res.text();
    expect(html).toContain(`Topic #${t2.number}`);
    expect(html).toContain("Awaiting acceptance by the residents&#x27; committee");
    expect(html).toContain("Confirm: Accept");
  });

  it("is open to the street admin, closed to outsiders (404) and sends visitors to sign in", async () => {
    const t1 = seeded("mingyue", "小区东门夜间照明不足");
    expect((await http.fetch(page(t1.id), { cookie: await as("street1") })).status).toBe(200);
    expect((await http.fetch(page(t1.id), { cookie: await as("villager1") })).status).toBe(404);
    expect((await post("villager1", t1.id, { intent: "cosign" })).status).toBe(404);
    const anonymous = await http.fetch(page(t1.id));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("answers 404 to malformed ids and to another community's topic, on reads and on posts", async () => {
    const foreign = seeded("shiliu", "村道路灯维修");
    const cookie = await as("resident2");
    for (const id of ["abc", "-1", "0", "1.5", "1e3", "123456789012345678901234567890", "99999999", String(foreign.id), "%00"]) {
      expect((await http.fetch(page(id), { cookie })).status, `GET ${id}`).toBe(404);
      expect((await http.fetch(page(id), { cookie, form: { intent: "cosign" } })).status, `POST ${id}`).toBe(404);
    }
    expect(cosignRows(foreign.id, "resident2")).toEqual([]);
  });

  it("answers 400, not 500, to a post without a known intent or with an unreadable body", async () => {
    const { id } = propose();
    const cookie = await as("rep04");
    expect((await http.fetch(page(id), { cookie, form: {} })).status).toBe(400);
    expect((await http.fetch(page(id), { cookie, form: { intent: "explode" } })).status).toBe(400);
    const garbled = await http.fetch(page(id), { cookie, method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=x" }, body: "--y\r\nnot a body" });
    expect(garbled.status).toBe(400);
    expect(cosignRows(id)).toEqual([]);
  });
});

describe("co-signing through the page", () => {
  it("co-signs, shows it, and withdraws again (post/redirect/get)", async () => {
    const { id } = propose();
    const res = await post("rep05", id, { intent: "cosign" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(page(id));
    expect(cosignRows(id, "rep05")).toHaveLength(1);
    const html = await (await http.fetch(page(id), { cookie: await as("rep05") })).text();
    expect(html).toMatch(/1 \/ 10 附议/);
    expect(html).toContain("撤回附议");
    expect(html).toContain("代表05");
    expect((await post("rep05", id, { intent: "withdrawCosign" })).status).toBe(302);
    expect(cosignRows(id)).toEqual([]);
    expect(topicRow(id).cosignCount).toBe(0);
  });

  it("records exactly one co-sign when the same resident posts 50 times at once", async () => {
    const { id } = propose();
    const cookie = await as("rep06");
    const before = verifyLedger({ communityId: communityId("mingyue") });
    const results = await Promise.all(Array.from({ length: 50 }, () => http.fetch(page(id), { cookie, form: { intent: "cosign" } })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(cosignRows(id)).toHaveLength(1);
    expect(topicRow(id).cosignCount).toBe(1);
    const after = verifyLedger({ communityId: communityId("mingyue") });
    expect(after.ok && before.ok ? after.count - before.count : -1).toBe(1);
  });

  it("refuses one's own topic, a topic that no longer collects, and non-residents, with the reason and nothing stored", async () => {
    const own = propose("rep07");
    const ownRes = await post("rep07", own.id, { intent: "cosign" });
    expect(ownRes.status).toBe(403);
    expect(await ownRes.text()).toContain("不能附议自己提出的议题。");
    expect(cosignRows(own.id)).toEqual([]);

    const drafting = seeded("mingyue", "垃圾分类投放点异味整治");
    const lateRes = await post("rep07", drafting.id, { intent: "cosign" });
    expect(lateRes.status).toBe(409);
    expect(await lateRes.text()).toContain("该议题已不在征集附议阶段。");
    expect(cosignRows(drafting.id, "rep07")).toEqual([]);

    const committeeRes = await post("committee2", own.id, { intent: "cosign" });
    expect(committeeRes.status).toBe(403);
    expect(await committeeRes.text()).toContain("只有本社区居民可以附议。");
    const twice = await post("rep08", own.id, { intent: "cosign" });
    expect(twice.status).toBe(302);
    const again = await post("rep08", own.id, { intent: "cosign" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("您已经附议过了。");
    expect(cosignRows(own.id)).toHaveLength(1);
  });

  it("moves the topic to screening when the tenth co-sign arrives over HTTP", async () => {
    const { id } = propose("resident3", "十人附议");
    const reps = Array.from({ length: 10 }, (_, i) => `rep${String(i + 1).padStart(2, "0")}`);
    for (const [i, rep] of reps.entries()) {
      expect((await post(rep, id, { intent: "cosign" })).status).toBe(302);
      expect(topicRow(id).state).toBe(i < 9 ? "open" : "screening");
    }
    expect(topicRow(id).cosignCount).toBe(10);
    const html = await (await http.fetch(page(id), { cookie: await as("resident3") })).text();
    expect(html).toContain("待居委会受理");
    expect(html).toContain("附议已结束:共 10 人附议。");
    expect(html).toContain("附议达到门槛,提交受理");
    expect(verifyLedger({ communityId: communityId("mingyue") }).ok).toBe(true);
  });
});

describe("comments", () => {
  it("stores markup and control characters as text and shows them escaped", async () => {
    const { id } = propose();
    const body = "<script>alert(1)</script>\u0000\u0007 路灯\r\n<b>亮</b>\u202e";
    const res = await post("resident2", id, { intent: "comment", body });
    expect(res.status).toBe(302);
    const stored = getDb().select().from(topicComments).where(eq(topicComments.topicId, id)).all();
    expect(stored.map((c) => c.body)).toEqual(["<script>alert(1)</script> 路灯\n<b>亮</b>"]);
    const entry = getDb().select().from(ledgerEntries).where(eq(ledgerEntries.subject, `topic:${id}`)).all().at(-1)!;
    expect(entry.type).toBe("topic.commented");
    expect(JSON.parse(entry.payload)).toEqual({ commentId: stored[0].id });
    const html = await (await http.fetch(page(id), { cookie: await as("committee1") })).text();
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; 路灯");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<b>亮</b>");
    expect(html).toContain("李建国");
  });

  it("refuses an empty or over-long comment with the translated error, storing nothing", async () => {
    const { id } = propose();
    const long = await post("resident2", id, { intent: "comment", body: "长".repeat(2001) });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("太长了,最多 2000 个字符。");
    const longEn = await http.fetch(page(id), { cookie: `${await as("resident2")}; ${await http.english()}`, form: { intent: "comment", body: "x".repeat(2001) } });
    expect(longEn.status).toBe(400);
    expect(await longEn.text()).toContain("Too long: at most 2000 characters.");
    const empty = await post("resident2", id, { intent: "comment", body: " \u0000 " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("请填写此项。");
    expect(getDb().select().from(topicComments).where(eq(topicComments.topicId, id)).all()).toEqual([]);
    expect((await post("resident2", id, { intent: "comment", body: "长".repeat(2000) })).status).toBe(302);
  });

  it("refuses comments where the state or the role does not allow them", async () => {
    const closed = seeded("mingyue", "重阳节敬老活动");
    const res = await post("resident2", closed.id, { intent: "comment", body: "好" });
    expect(res.status).toBe(403);
    const { id } = propose();
    expect((await post("street1", id, { intent: "comment", body: "街道来看看" })).status).toBe(403);
    expect(getDb().select().from(topicComments).where(eq(topicComments.topicId, closed.id)).all()).toEqual([]);
    expect(getDb().select().from(topicComments).where(eq(topicComments.topicId, id)).all()).toEqual([]);
  });

  it("shows the newest 50 comments and links to older ones", async () => {
    expect(COMMENTS_PER_PAGE).toBe(50);
    const { id } = propose();
    for (let i = 1; i <= 55; i++) {
      expect(addComment({ communityId: communityId("mingyue"), topicId: id, authorId: userId("resident2"), roles: ["resident"], body: `第${i}条意见。` }).ok).toBe(true);
    }
    const newest = await (await http.fetch(page(id), { cookie: await as("resident3") })).text();
    expect(newest).toContain("共 55 条");
    expect(newest).toContain("第55条意见。");
    expect(newest).toContain("第6条意见。");
    expect(newest).not.toContain("第5条意见。");
    const older = newest.match(/href="\/c\/mingyue\/topics\/\d+(\?commentsBefore=\d+)#comments"/)?.[1];
    expect(older).toBeDefined();
    const olderPage = await (await http.fetch(`${page(id)}${older}`, { cookie: await as("resident3") })).text();
    expect(olderPage).toContain("第1条意见。");
    expect(olderPage).toContain("第5条意见。");
    expect(olderPage).not.toContain("第6条意见。");
    expect(olderPage).not.toContain("更早的评论");
    expect(olderPage).toContain("最新评论");
    expect((await http.fetch(`${page(id)}?commentsBefore=abc`, { cookie: await as("resident3") })).status).toBe(200);
  });
});
