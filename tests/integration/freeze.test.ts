// 定稿 over real HTTP: the committee freezes the draft's canonical text in one transaction — the text
// and its SHA-256 stored, `draft.frozen` in the ledger, the topic moved to the vote (or, for matters
// that need none, to execution); empty drafts and second freezes are refused; anyone can verify.
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { consultations, draftFreezes, ledgerEntries, topics } from "../../db/schema";
import { appendDraftUpdate, ensureDraftDocument, getDraftText } from "~/models/draft-store.server";
import { templateUpdate } from "~/models/draft-text";
import { verifyLedger } from "~/models/ledger.server";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { clearParagraphUpdate } from "../fixtures/consultation";
import { useServer } from "./support/http";

const http = useServer();
const cookies = new Map<string, string>();
async function as(username: string) {
  if (!cookies.has(username)) cookies.set(username, await http.login(username));
  return cookies.get(username)!;
}

const freeze = async (username: string, id: number, slug = "mingyue") => http.fetch(`/c/${slug}/topics/${id}/consultation`, { cookie: await as(username), form: { intent: "freeze", confirm: "on" } });
const frozenRow = (id: number) => getDb().select().from(draftFreezes).where(eq(draftFreezes.topicId, id)).get();
const topicRow = (id: number) => getDb().select().from(topics).where(eq(topics.id, id)).get()!;
const frozenEntries = (id: number) =>
  getDb()
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.type, "draft.frozen"), eq(ledgerEntries.subject, `topic:${id}`)))
    .all();
const sha = (text: string) => createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");

describe("freezing the draft", () => {
  it("stores the canonical text and its SHA-256, writes the ledger and moves a needsVote topic to the agenda", async () => {
    const { id, communityId: cid } = consultingTopic({ category: "facilities", text: "东门路灯损坏三盏,夜间通行不便。" });
    const text = getDraftText(id);
    expect(text).toContain("## 背景\n东门路灯损坏三盏,夜间通行不便。");
    const res = await freeze("committee1", id);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/c/mingyue/topics/${id}#frozen`);
    const row = frozenRow(id)!;
    expect(row.text).toBe(text);
    expect(row.sha256).toBe(sha(text));
    expect(row.versionId).toBeNull();
    expect(topicRow(id)).toMatchObject({ state: "onAgenda", stage: "decision" });
    const entries = frozenEntries(id);
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0].payload)).toMatchObject({ sha256: sha(text), to: "onAgenda" });
    expect(verifyLedger({ communityId: cid }).ok).toBe(true);

    // The topic page shows the text, its hash and who froze it; the server re-checks on ?verify=1.
    const html = await (await http.fetch(`/c/mingyue/topics/${id}`, { cookie: await as("resident1") })).text();
    expect(html).toContain(sha(text));
    expect(html).toContain("东门路灯损坏三盏");
    expect(html).not.toContain('data-testid="verify-result"');
    const verified = await (await http.fetch(`/c/mingyue/topics/${id}?verify=1`, { cookie: await as("resident1") })).text();
    expect(verified).toContain("核验通过");
    const english = await (await http.fetch(`/c/mingyue/topics/${id}/consultation?verify=1`, { cookie: `${await as("resident1")}; ${await http.english()}` })).text();
    expect(english).toContain("Verified: the text");
    expect(english).toContain("Opinion solicitation");
  });

  it("moves an activities topic (needsVote = false) straight to execution", async () => {
    const { id } = consultingTopic({ category: "activities", text: "组织重阳节长者聚餐。" });
    expect((await freeze("convener1", id)).status).toBe(302);
    expect(topicRow(id)).toMatchObject({ state: "executing", stage: "execution" });
    expect(JSON.parse(frozenEntries(id)[0].payload)).toMatchObject({ to: "executing" });
  });

  it("treats a topic with no category as needing a vote", async () => {
    const { id } = consultingTopic({ category: null, text: "内容" });
    expect((await freeze("committee2", id)).status).toBe(302);
    expect(topicRow(id).state).toBe("onAgenda");
  });

  it("refuses a draft emptied during consultation (only the template headings left) with a translated message; nothing written", async () => {
    // Consultation needs a draft, so the text is there when it starts; a committee member deletes it after.
    const { id, communityId: cid } = consultingTopic({ text: "先写后删的背景。" });
    appendDraftUpdate({ topicId: id, update: clearParagraphUpdate(ensureDraftDocument(id, templateUpdate)), userId: userId("committee1") });
    expect(getDraftText(id)).not.toContain("先写后删");
    const before = verifyLedger({ communityId: cid }).count;
    const res = await freeze("committee1", id);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("草案各部分都还没有内容,不能定稿。");
    expect(frozenRow(id)).toBeUndefined();
    expect(topicRow(id).state).toBe("consulting");
    expect(verifyLedger({ communityId: cid }).count).toBe(before);
  });

  it("refuses a second freeze, residents and representatives (403), other communities (404)", async () => {
    const { id } = consultingTopic({ text: "一次" });
    const deadline = new Date(Date.now() + 5 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await http.fetch(`/c/mingyue/topics/${id}/consultation`, { cookie: await as("committee1"), form: { intent: "open", question: "问", deadline } });
    const sid = getDb().select().from(consultations).where(eq(consultations.topicId, id)).get()!.id;
    const resident = await freeze("resident1", id);
    expect(resident.status).toBe(403);
    expect(await resident.text()).toContain("您的身份不能进行此操作。");
    expect((await freeze("rep01", id)).status).toBe(403);
    expect(frozenRow(id)).toBeUndefined();
    expect((await freeze("committee1", id)).status).toBe(302);
    const first = frozenRow(id)!;
    // Answers stop with the freeze: the topic has left consultation.
    const late = await http.fetch(`/c/mingyue/topics/${id}/consultation`, { cookie: await as("resident2"), form: { intent: "answer", consultationId: String(sid), stance: "support" } });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("议题当前所处的阶段不允许此操作。");
    const again = await freeze("committee2", id);
    expect(again.status).toBe(409);
    expect(frozenRow(id)).toEqual(first);
    expect(frozenEntries(id)).toHaveLength(1);
    expect((await freeze("vcommittee1", id, "shiliu")).status).toBe(404);
    expect((await freeze("vcommittee1", id)).status).toBe(404);
  });

  it("the server's verify says so when the stored text no longer matches its hash", async () => {
    const { id } = consultingTopic({ text: "原文" });
    await freeze("committee1", id);
    const original = frozenRow(id)!.text;
    getDb().update(draftFreezes).set({ text: "篡改后的文本" }).where(eq(draftFreezes.topicId, id)).run();
    const html = await (await http.fetch(`/c/mingyue/topics/${id}?verify=1`, { cookie: await as("resident1") })).text();
    expect(html).toContain("核验失败");
    // ledger:verify names it too; put the text back for the tests after this one.
    expect(verifyLedger({ communityId: communityId("mingyue") })).toMatchObject({ ok: false, reason: "record", record: { check: "frozenText", record: `topic:${id}` } });
    getDb().update(draftFreezes).set({ text: original }).where(eq(draftFreezes.topicId, id)).run();
  });

  it("leaves the community's ledger verifiable after several freezes, the entries named on its page", async () => {
    expect(verifyLedger({ communityId: communityId("mingyue") }).ok).toBe(true);
    const html = await (await http.fetch("/c/mingyue/ledger", { cookie: await as("resident1") })).text();
    expect(html).toContain("议案定稿");
  });
});
