// The street's communities page (issue 18, setup): the street admin adds, renames, archives and
// restores communities; an archived community is off the lists, takes nobody in, and refuses every
// post under /c/:community (and drafting edits) while its pages stay readable. Real HTTP, real SQLite.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { catalogueEntries, communities, ledgerEntries, rules, streetAdmins, streets, users } from "../../db/schema";
import { setCommunityArchived } from "~/models/community-admin.server";
import { getDraftAccess } from "~/models/draft-access.server";
import { createInvite } from "~/models/invite.server";
import { createTopic } from "~/models/topic-create.server";
import { appendParagraph, connectClient, topicIn, waitFor } from "./support/collab";
import { userId } from "./support/db";
import { dbFingerprint } from "./support/fingerprint";
import { signedIn, useServer } from "./support/http";

const http = useServer();
const as = signedIn(http);
const PAGE = "/s/huacheng/communities";

const row = (slug: string) => getDb().select().from(communities).where(eq(communities.slug, slug)).get();
const ledgerTypes = (communityId: number) =>
  getDb()
    .select({ type: ledgerEntries.type })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.communityId, communityId))
    .all()
    .map((e) => e.type);

async function post(fields: Record<string, string>, username = "street1") {
  return http.fetch(PAGE, { cookie: await as(username), form: fields });
}

async function add(slug: string, kind = "village") {
  const res = await post({ intent: "add", slug, nameZh: `${slug}村`, nameEn: `${slug} Village`, kind, timeZone: "Asia/Urumqi" });
  expect(res.status).toBe(200);
  return row(slug)!;
}

describe("the street's communities page", () => {
  it("is the street admin's: others are refused, another street's page is 404", async () => {
    expect((await http.fetch(PAGE)).status).toBe(302);
    expect((await http.fetch(PAGE, { cookie: await as("resident1") })).status).toBe(403);
    const page = await http.fetch(PAGE, { cookie: await as("street1") });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("明月社区");
    expect(html).toContain("新增社区");
    // A street street1 does not administer: nothing to see.
    getDb().insert(streets).values({ slug: "other-street", nameZh: "别的街道", nameEn: "Other" }).run();
    expect((await http.fetch("/s/other-street/communities", { cookie: await as("street1") })).status).toBe(404);
    const before = dbFingerprint();
    expect((await post({ intent: "add", slug: "sneaky", nameZh: "偷建", nameEn: "Sneaky", kind: "urban", timeZone: "Asia/Shanghai" }, "resident1")).status).toBe(403);
    expect((await http.fetch("/s/other-street/communities", { cookie: await as("street1"), form: { intent: "archive", slug: "mingyue", confirm: "on" } })).status).toBe(404);
    expect(dbFingerprint()).toBe(before);
    // The street dashboard links to it.
    expect(await (await http.fetch("/s/huacheng", { cookie: await as("street1") })).text()).toContain(`href="${PAGE}"`);
  });

  it("adds a community with its kind's rules, the starter catalogue and the chosen time zone, ledgered", async () => {
    const made = await add("qingshan");
    expect(made).toMatchObject({ nameZh: "qingshan村", nameEn: "qingshan Village", kind: "village", archivedAt: null });
    expect(getDb().select().from(rules).where(eq(rules.communityId, made.id)).get()).toMatchObject({ pack: "villagers-representatives", timeZone: "Asia/Urumqi" });
    expect(getDb().select().from(catalogueEntries).where(eq(catalogueEntries.communityId, made.id)).all().length).toBeGreaterThan(0);
    expect(ledgerTypes(made.id)).toEqual(["community.created", "rules.adopted", "catalogue.adopted"]);
    expect(await (await http.fetch("/")).text()).toContain("qingshan村");
  });

  it("refuses bad input with a translated message and changes nothing", async () => {
    const before = dbFingerprint();
    for (const fields of [
      { slug: "Bad Slug!", kind: "urban" },
      { slug: "mingyue", kind: "urban" }, // taken
      { slug: "fine-one", kind: "town" },
      { slug: "fine-two", kind: "urban", nameZh: "" },
    ]) {
      const res = await post({ intent: "add", nameZh: "名字", nameEn: "Name", timeZone: "Asia/Shanghai", ...fields });
      expect(res.status, JSON.stringify(fields)).toBe(400);
    }
    const taken = await post({ intent: "add", slug: "mingyue", nameZh: "重名", nameEn: "Dup", kind: "urban", timeZone: "Asia/Shanghai" });
    expect(await taken.text()).toContain("这个网址名已被使用");
    const unticked = await post({ intent: "archive", slug: "mingyue" });
    expect(unticked.status).toBe(400);
    expect(await unticked.text()).toContain("请勾选确认");
    expect((await post({ intent: "explode", slug: "mingyue" })).status).toBe(400);
    expect((await post({ intent: "rename", slug: "no-such-place", nameZh: "甲", nameEn: "A" })).status).toBe(404);
    expect(dbFingerprint()).toBe(before);
  });

  it("renames a community (names only: the slug stays), ledgered", async () => {
    const made = await add("liushu");
    const res = await post({ intent: "rename", slug: "liushu", nameZh: "柳树村", nameEn: "Liushu Village" });
    expect(res.status).toBe(200);
    expect(row("liushu")).toMatchObject({ id: made.id, nameZh: "柳树村", nameEn: "Liushu Village" });
    expect(ledgerTypes(made.id).at(-1)).toBe("community.renamed");
    expect(await (await http.fetch("/c/liushu/board")).text()).toContain("柳树村");
  });

  it("archives: off the lists, read-only with a notice, invites refused, drafts read-only; restore brings it back", async () => {
    const made = await add("baiyang", "urban");
    const topic = createTopic({ communityId: made.id, proposerId: userId("street1"), title: "归档前的议题", description: "", location: "", categoryId: null, source: "committee" }).id;
    const invite = createInvite({ communityId: made.id, role: "resident", maxUses: 5, expiresInDays: 7, note: "", createdBy: userId("street1") });
    const res = await post({ intent: "archive", slug: "baiyang", confirm: "on" });
    expect(res.status).toBe(200);
    expect(row("baiyang")!.archivedAt).not.toBeNull();
    expect(ledgerTypes(made.id).at(-1)).toBe("community.archived");
    // Off the home page and the street dashboard; listed as archived on this page.
    expect(await (await http.fetch("/")).text()).not.toContain("baiyang");
    expect(await (await http.fetch("/s/huacheng", { cookie: await as("street1") })).text()).not.toContain("/c/baiyang");
    expect(await (await http.fetch(PAGE, { cookie: await as("street1") })).text()).toMatch(/已归档的社区[\s\S]*baiyang/);
    // Its pages and board stay readable, with the notice.
    const board = await http.fetch("/c/baiyang/board");
    expect(board.status).toBe(200);
    expect(await board.text()).toContain("本社区已归档");
    // Every post under /c/baiyang is refused (423, translated) and changes nothing.
    const before = dbFingerprint();
    const refused = await http.fetch(`/c/baiyang/topics/${topic}`, { cookie: await as("street1"), form: { intent: "comment", body: "还能评论吗?" } });
    expect(refused.status).toBe(423);
    expect(await refused.text()).toContain("这个社区已经归档");
    expect((await http.fetch("/c/baiyang/rules", { cookie: await as("street1"), form: { intent: "rules" } })).status).toBe(423);
    // /join refuses its invites.
    const join = await http.fetch("/join", { form: { intent: "new", code: invite.code, username: "latecomer", displayName: "迟到者", password: "password123", confirm: "password123" } });
    expect(join.status).toBe(400);
    expect(dbFingerprint()).toBe(before);
    // Nobody edits its drafts over the socket.
    getDb().insert(streetAdmins).values({ streetId: made.streetId, userId: userId("street1") }).onConflictDoNothing().run();
    expect(getDraftAccess({ topicId: topic, userId: userId("street1") })?.access).not.toBe("edit");
    // Restored: back on the lists, posts accepted again.
    expect((await post({ intent: "restore", slug: "baiyang" })).status).toBe(200);
    expect(row("baiyang")!.archivedAt).toBeNull();
    expect(ledgerTypes(made.id).at(-1)).toBe("community.restored");
    expect(await (await http.fetch("/")).text()).toContain("baiyang");
    const comment = await http.fetch(`/c/baiyang/topics/${topic}`, { cookie: await as("street1"), form: { intent: "comment", body: "恢复后可以评论。" } });
    expect(comment.status).not.toBe(423);
    expect((await http.fetch("/c/baiyang/rules", { cookie: await as("street1"), form: { intent: "rules" } })).status).toBe(400);
    expect(getDb().select().from(users).where(eq(users.username, "latecomer")).get()).toBeUndefined();
  });

  it("turns an open drafting socket read-only the moment its community is archived", async () => {
    const topic = topicIn("drafting");
    const editor = await connectClient(http.url, topic, await as("committee1"));
    const reader = await connectClient(http.url, topic, await as("resident1"));
    const streetId = row("mingyue")!.streetId;
    try {
      appendParagraph(editor.doc, "归档前写的一段。");
      await waitFor(() => reader.text().includes("归档前写的一段"), "an edit before archiving reaches the reader");
      expect(setCommunityArchived({ streetId, actorId: userId("street1"), slug: "mingyue", archived: true }).ok).toBe(true);
      appendParagraph(editor.doc, "归档后写的一段。");
      await new Promise((r) => setTimeout(r, 1000));
      expect(reader.text()).not.toContain("归档后写的一段");
    } finally {
      editor.close();
      reader.close();
      setCommunityArchived({ streetId, actorId: userId("street1"), slug: "mingyue", archived: false });
    }
  });

  it("shows the demo banner on every page of the demo database", async () => {
    for (const path of ["/", "/login", "/c/mingyue/board"]) expect(await (await http.fetch(path)).text()).toContain("演示数据 — 演示账号密码公开");
  });
});
