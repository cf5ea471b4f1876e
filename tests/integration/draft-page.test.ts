// The drafting page over real HTTP: who may open it, the server-rendered (escaped) text, named
// versions and their diffs, draft comments and the committee's answers, bad input and the ledger.
import { and, eq } from "drizzle-orm";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { draftComments, draftDocuments, draftVersions, ledgerEntries, topics } from "../../db/schema";
import { ensureDraftDocument } from "~/models/draft-store.server";
import { DRAFT_FIELD, TEMPLATE_SECTIONS, templateUpdate } from "~/models/draft-text";
import { sha256 } from "~/models/draft-version.server";
import { verifyLedger } from "~/models/ledger.server";
import { createTopic } from "~/models/topic-create.server";
import { advanceTopic } from "~/models/workflow.server";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";

const http = useServer();
const cookies = new Map<string, string>();
async function as(username: string) {
  if (!cookies.has(username)) cookies.set(username, await http.login(username));
  return cookies.get(username)!;
}

const mingyue = () => communityId("mingyue");
const seeded = (slug: string, title: string) => getDb().select().from(topics).where(and(eq(topics.communityId, communityId(slug)), eq(topics.title, title))).get()!;
const page = (id: number | string, slug = "mingyue") => `/c/${slug}/topics/${id}/draft`;
const post = async (username: string, id: number, form: Record<string, string>) => http.fetch(page(id), { cookie: await as(username), form });
const html = async (username: string, path: string) => {
  const res = await http.fetch(path, { cookie: await as(username) });
  expect(res.status, path).toBe(200);
  return res.text();
};

/** A topic of our own, accepted into drafting by the committee. */
function draftingTopic(title = "楼道堆物清理方案") {
  const { id } = createTopic({ communityId: mingyue(), proposerId: userId("committee1"), title, description: "", location: "", categoryId: null, source: "committee" });
  advanceTopic({ topicId: id, communityId: mingyue(), action: "accept", actor: { userId: userId("committee1"), roles: ["committee"] } });
  return id;
}

/** Stores a document whose first paragraph is replaced by `text`. */
function storeText(topicId: number, text: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, templateUpdate());
  const paragraph = doc.getXmlFragment(DRAFT_FIELD).get(1) as Y.XmlElement;
  paragraph.insert(0, [new Y.XmlText(text)]);
  ensureDraftDocument(topicId, () => Y.encodeStateAsUpdate(doc));
}

const ledgerOf = (type: string) => getDb().select().from(ledgerEntries).where(and(eq(ledgerEntries.communityId, mingyue()), eq(ledgerEntries.type, type))).all();

describe("the drafting page: access and reading", () => {
  it("shows seeded #3's template to members and the street admin, server-rendered, without storing it", async () => {
    const t3 = seeded("mingyue", "垃圾分类投放点异味整治");
    for (const who of ["resident1", "committee1", "supervisor1", "street1"]) {
      const body = await html(who, page(t3.id));
      for (const section of TEMPLATE_SECTIONS) expect(body, who).toContain(`<h2>${section}</h2>`);
    }
    expect(getDb().select().from(draftDocuments).where(eq(draftDocuments.topicId, t3.id)).all()).toEqual([]);
    // Residents read; the committee gets the save-version form.
    expect(await html("resident1", page(t3.id))).not.toContain('data-testid="save-version-form"');
    expect(await html("committee1", page(t3.id))).toContain('data-testid="save-version-form"');
  });

  it("answers 404 to outsiders, malformed ids, other communities' topics and unknown versions; sends visitors to sign in", async () => {
    const t3 = seeded("mingyue", "垃圾分类投放点异味整治");
    expect((await http.fetch(page(t3.id), { cookie: await as("villager1") })).status).toBe(404);
    expect((await post("villager1", t3.id, { intent: "comment", body: "外村人" })).status).toBe(404);
    const foreign = seeded("shiliu", "村集体鱼塘承包方案");
    const cookie = await as("resident2");
    for (const id of ["abc", "-1", "0", "1.5", "123456789012345678901234567890", "99999999", String(foreign.id)]) {
      expect((await http.fetch(page(id), { cookie })).status, `GET ${id}`).toBe(404);
      expect((await http.fetch(page(id), { cookie, form: { intent: "comment", body: "x" } })).status, `POST ${id}`).toBe(404);
    }
    for (const query of ["?version=abc", "?version=1", "?version=-1", "?version=99999999999999999999"]) {
      expect((await http.fetch(`${page(t3.id)}${query}`, { cookie })).status, query).toBe(404);
    }
    const anonymous = await http.fetch(page(t3.id));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("escapes hostile text stored in the document", async () => {
    const id = draftingTopic();
    storeText(id, `<script>alert("x")</script><img src=x onerror=alert(1)>`);
    const body = await html("resident3", page(id));
    expect(body).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#60;img src=x onerror=alert(1)&#62;");
    expect(body).not.toContain("<script>alert");
    expect(body).not.toContain("<img src=x");
  });

  it("links from the topic page once the topic is in drafting", async () => {
    const t3 = seeded("mingyue", "垃圾分类投放点异味整治");
    expect(await html("resident1", `/c/mingyue/topics/${t3.id}`)).toContain(`href="/c/mingyue/topics/${t3.id}/draft"`);
    const t1 = seeded("mingyue", "小区东门夜间照明不足");
    expect(await html("resident1", `/c/mingyue/topics/${t1.id}`)).not.toContain("/draft");
  });
});

describe("named versions", () => {
  it("lets the committee save versions (numbered per topic, ledger with the text's hash) and anyone read and diff them", async () => {
    const id = draftingTopic();
    const first = await post("committee2", id, { intent: "saveVersion", note: "初稿" });
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`${page(id)}?version=1&against=current`);
    storeText(id, "在3号楼北侧设置临时堆放点");
    expect((await post("committee1", id, { intent: "saveVersion", note: "" })).status).toBe(302);
    const rows = getDb().select().from(draftVersions).where(eq(draftVersions.topicId, id)).all();
    expect(rows.map((r) => [r.number, r.note])).toEqual([
      [1, "初稿"],
      [2, ""],
    ]);
    expect(rows[1].text).toContain("在3号楼北侧设置临时堆放点");
    const entries = ledgerOf("draft.versionSaved").filter((e) => e.subject === `topic:${id}`);
    expect(entries.map((e) => JSON.parse(e.payload))).toEqual([
      { number: 1, sha256: sha256(rows[0].text) },
      { number: 2, sha256: sha256(rows[1].text) },
    ]);

    const view = await html("resident2", `${page(id)}?version=1`);
    expect(view).toContain('data-testid="version-text"');
    expect(view).toContain("初稿");
    const diff = await html("resident2", `${page(id)}?version=1&against=2`);
    // Per block and formatted: the added paragraph is a <p> inside the <ins>, the unchanged headings are headings.
    expect(diff).toMatch(/<ins[^>]*data-diff="added"[^>]*>.*<p>在3号楼北侧设置临时堆放点<\/p>.*<\/ins>/s);
    expect(diff).toMatch(/data-testid="version-diff".*<h2>背景<\/h2>/s);
    expect(diff.slice(diff.indexOf('data-testid="version-diff"'))).not.toContain("## ");
    const same = await html("resident2", `${page(id)}?version=2&against=current`);
    expect(same).toContain("两者文本相同");
    expect((await http.fetch(`${page(id)}?version=1&against=7`, { cookie: await as("resident2") })).status).toBe(404);
  });

  it("refuses residents (403), notes over 200 characters (400, translated) and topics no longer in drafting", async () => {
    const id = draftingTopic();
    const refused = await post("resident1", id, { intent: "saveVersion", note: "居民想保存" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("只有议事会成员可以在酝酿和协商阶段保存版本");
    const long = await http.fetch(page(id), { cookie: `${await as("committee1")}; ${await http.english()}`, form: { intent: "saveVersion", note: "长".repeat(201) } });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("at most 200 characters");
    const t8 = seeded("mingyue", "重阳节敬老活动");
    expect((await post("committee1", t8.id, { intent: "saveVersion", note: "" })).status).toBe(403);
    expect(getDb().select().from(draftVersions).where(eq(draftVersions.topicId, id)).all()).toEqual([]);
  });
});

describe("draft comments", () => {
  it("takes comments with a quote and replies, and the committee's answers; the ledger verifies", async () => {
    const id = draftingTopic();
    const res = await post("resident1", id, { intent: "comment", quote: "背景", body: "建议补充<b>投诉</b>次数" });
    expect(res.status).toBe(302);
    const [comment] = getDb().select().from(draftComments).where(eq(draftComments.topicId, id)).all();
    expect(comment).toMatchObject({ quote: "背景", body: "建议补充<b>投诉</b>次数", status: "open", parentId: null });
    expect((await post("rep03", id, { intent: "comment", body: "同意", parentId: String(comment.id) })).status).toBe(302);
    // Residents cannot answer; the committee can.
    expect((await post("resident2", id, { intent: "answer", commentId: String(comment.id), status: "adopted", reply: "好" })).status).toBe(403);
    expect((await post("committee1", id, { intent: "answer", commentId: String(comment.id), status: "adopted", reply: "已加入背景部分" })).status).toBe(302);
    const body = await html("resident2", page(id));
    expect(body).toContain("建议补充&lt;b&gt;投诉&lt;/b&gt;次数");
    expect(body).toContain("已加入背景部分");
    expect(body).toContain("采纳");
    expect(body).toContain("同意");
    expect(ledgerOf("draft.commented").filter((e) => e.subject === `topic:${id}`)).toHaveLength(2);
    expect(ledgerOf("draft.commentAnswered").map((e) => JSON.parse(e.payload))).toContainEqual({ commentId: comment.id, status: "adopted" });
    expect(verifyLedger({ communityId: mingyue() }).ok).toBe(true);
  });

  it("answers bad input with 400 and translated errors, and stores nothing", async () => {
    const id = draftingTopic();
    const cookie = await as("resident1");
    const empty = await http.fetch(page(id), { cookie, form: { intent: "comment", body: "  " } });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("请填写此项");
    const long = await http.fetch(page(id), { cookie, form: { intent: "comment", body: "长".repeat(2001), quote: "引".repeat(301) } });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("最多 2000 个字符");
    expect((await http.fetch(page(id), { cookie, form: { intent: "comment", body: "回复", parentId: "abc" } })).status).toBe(400);
    expect((await http.fetch(page(id), { cookie, form: { intent: "comment", body: "回复", parentId: "99999999" } })).status).toBe(400);
    expect((await post("committee1", id, { intent: "answer", commentId: "1", status: "maybe", reply: "" })).status).toBe(400);
    expect((await http.fetch(page(id), { cookie, form: {} })).status).toBe(400);
    const garbled = await http.fetch(page(id), { cookie, method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=x" }, body: "--y\r\nnot a body" });
    expect(garbled.status).toBe(400);
    expect(getDb().select().from(draftComments).where(eq(draftComments.topicId, id)).all()).toEqual([]);
  });

  it("does not let a comment of another topic be replied to or answered from this one", async () => {
    const a = draftingTopic("甲方案");
    const b = draftingTopic("乙方案");
    expect((await post("resident1", a, { intent: "comment", body: "甲的意见" })).status).toBe(302);
    const [comment] = getDb().select().from(draftComments).where(eq(draftComments.topicId, a)).all();
    expect((await post("resident1", b, { intent: "comment", body: "串台", parentId: String(comment.id) })).status).toBe(400);
    expect((await post("committee1", b, { intent: "answer", commentId: String(comment.id), status: "notAdopted", reply: "串台" })).status).toBe(400);
    expect(getDb().select().from(draftComments).where(eq(draftComments.id, comment.id)).get()?.status).toBe("open");
  });
});
