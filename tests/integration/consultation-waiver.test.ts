// Consultation optional for a category, over real HTTP: the street admin ticks 可不经协商 on a catalogue
// entry (stored, in the ledger, listed); for a topic of that category the committee records a public
// reason (consultation.waived, on the consultation page and the topic's life line, checked against the
// ledger) and may then freeze without a consultation outcome. Every other case is refused, translated.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { catalogueEntries, ledgerEntries, topics } from "../../db/schema";
import { firstDisagreeingRecord } from "~/models/ledger-records.server";
import { verifyLedger } from "~/models/ledger.server";
import { consultingTopic } from "./support/consultation";
import { communityId } from "./support/db";
import { signedIn, useServer } from "./support/http";

const http = useServer();
const as = signedIn(http);
const mingyue = () => communityId("mingyue");
const consultationPage = (id: number, slug = "mingyue") => `/c/${slug}/topics/${id}/consultation`;
const post = async (who: string, path: string, form: Record<string, string>) => http.fetch(path, { cookie: await as(who), form });
const html = async (who: string, path: string) => (await http.fetch(path, { cookie: await as(who) })).text();
const waive = (id: number, form: Record<string, string> = {}, who = "committee1", slug = "mingyue") =>
  post(who, consultationPage(id, slug), { intent: "waive", reason: "本活动已连续举办五年,方案与往年相同。", confirm: "on", ...form });
const freeze = (id: number) => post("committee1", consultationPage(id), { intent: "freeze", confirm: "on" });
const topicRow = (id: number) => getDb().select().from(topics).where(eq(topics.id, id)).get()!;
const entriesOf = (type: string) =>
  getDb()
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.communityId, mingyue()), eq(ledgerEntries.type, type)))
    .all();
function ledgerCount() {
  const verdict = verifyLedger({ communityId: mingyue() });
  expect(verdict.ok).toBe(true);
  return verdict.count;
}

const ENTRY = { intent: "catalogueAdd", nameZh: "节庆活动", nameEn: "Festive events", needsVote: "on", needsPublicity: "on", consultationOptional: "on" };

/** The optional category, added once by the street admin over the rules form. */
let added: Promise<void> | null = null;
function optionalCategory() {
  added ??= (async () => {
    expect((await post("street1", "/c/mingyue/rules", ENTRY)).status).toBe(200);
  })();
  return added;
}

describe("the catalogue's 可不经协商", () => {
  it("is saved with the entry, in its ledger entry, listed on the rules page, and changed like any flag", async () => {
    await optionalCategory();
    const entry = getDb().select().from(catalogueEntries).where(and(eq(catalogueEntries.communityId, mingyue()), eq(catalogueEntries.code, "festive-events"))).get()!;
    expect(entry.consultationOptional).toBe(true);
    expect(JSON.parse(entriesOf("catalogue.added").at(-1)!.payload)).toMatchObject({ code: "festive-events", consultationOptional: true });
    const rules = await html("resident1", "/c/mingyue/rules");
    expect(rules).toContain("可不经协商:由议事会说明理由后直接定稿");
    const editor = await html("street1", "/c/mingyue/rules");
    expect(editor).toContain("可不经协商(须由议事会说明理由)");

    const { consultationOptional: _, intent: __, ...rest } = ENTRY;
    expect((await post("street1", "/c/mingyue/rules", { ...rest, intent: "catalogueEdit", id: String(entry.id) })).status).toBe(200);
    expect(getDb().select().from(catalogueEntries).where(eq(catalogueEntries.id, entry.id)).get()!.consultationOptional).toBe(false);
    expect(JSON.parse(entriesOf("catalogue.changed").at(-1)!.payload).changes).toMatchObject({ consultationOptional: { before: true, after: false } });
    expect((await post("street1", "/c/mingyue/rules", { ...ENTRY, intent: "catalogueEdit", id: String(entry.id) })).status).toBe(200);
    expect(getDb().select().from(catalogueEntries).where(eq(catalogueEntries.id, entry.id)).get()!.consultationOptional).toBe(true);
  });
});

describe("不经协商, with the committee's reason", () => {
  it("without the reason the freeze is refused like any other; with it the text is frozen, the reason shown and recorded", async () => {
    await optionalCategory();
    const { id } = consultingTopic({ category: "festive-events", consulted: false });
    const page = await html("committee1", consultationPage(id));
    expect(page).toContain('data-testid="waive-form"');
    expect(page).toContain("不经协商,说明理由");
    expect(await html("resident1", consultationPage(id))).not.toContain('data-testid="waive-form"');
    expect((await freeze(id)).status).toBe(409);
    expect(topicRow(id).state).toBe("consulting");

    const before = ledgerCount();
    expect((await waive(id)).status).toBe(302);
    expect(topicRow(id).consultationWaiver).toBe("本活动已连续举办五年,方案与往年相同。");
    expect(ledgerCount()).toBe(before + 1);
    expect(JSON.parse(entriesOf("consultation.waived").at(-1)!.payload)).toEqual({ reason: "本活动已连续举办五年,方案与往年相同。" });
    const shown = await html("resident1", consultationPage(id));
    expect(shown).toContain('data-testid="waiver-reason"');
    expect(shown).toContain("本活动已连续举办五年");
    const life = await html("resident2", `/c/mingyue/topics/${id}`);
    expect(life).toContain('data-kind="consultation.waived"');
    expect(life).toContain("不经协商:居委会说明了理由");
    expect(await html("resident1", "/c/mingyue/ledger")).toContain("说明理由,不经协商");

    expect((await freeze(id)).status).toBe(302);
    expect(topicRow(id).state).toBe("onAgenda");
    expect(firstDisagreeingRecord(getDb(), mingyue())).toBeNull();
  });

  it("a reason changed behind the ledger's back is named by the record check", async () => {
    await optionalCategory();
    const { id } = consultingTopic({ category: "festive-events", consulted: false });
    expect((await waive(id)).status).toBe(302);
    getDb().update(topics).set({ consultationWaiver: "改过的理由" }).where(eq(topics.id, id)).run();
    expect(firstDisagreeingRecord(getDb(), mingyue())).toMatchObject({ check: "consultationWaiver", why: "differs", record: `topic:${id}` });
    getDb().update(topics).set({ consultationWaiver: "本活动已连续举办五年,方案与往年相同。" }).where(eq(topics.id, id)).run();
    expect(firstDisagreeingRecord(getDb(), mingyue())).toBeNull();
  });

  it("refuses, translated and writing nothing: a category that is not optional, a resident, an empty reason, no tick, twice, the wrong stage; 404 elsewhere", async () => {
    await optionalCategory();
    const { id } = consultingTopic({ category: "festive-events", consulted: false });
    const plain = consultingTopic({ category: "facilities", consulted: false });
    expect(await html("committee1", consultationPage(plain.id))).not.toContain('data-testid="waive-form"');
    const before = ledgerCount();
    const notOptional = await waive(plain.id);
    expect(notOptional.status).toBe(409);
    expect(await notOptional.text()).toContain("本类事项在协商事项目录清单中没有列为可不经协商,必须先协商。");
    const resident = await waive(id, {}, "resident1");
    expect(resident.status).toBe(403);
    expect(await resident.text()).toContain("您的身份不能进行此操作。");
    const empty = await waive(id, { reason: "   " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("请填写此项。");
    const unticked = await waive(id, { confirm: "" });
    expect(unticked.status).toBe(400);
    expect(await unticked.text()).toContain("这一步做了就不能撤回,请勾选确认后再提交。");
    expect((await waive(id, {}, "vcommittee1", "shiliu")).status).toBe(404);
    expect(topicRow(id).consultationWaiver).toBeNull();
    expect(topicRow(plain.id).consultationWaiver).toBeNull();
    expect(ledgerCount()).toBe(before);

    expect((await waive(id)).status).toBe(302);
    const twice = await waive(id, { reason: "另一个理由" });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("本议题已经说明过不经协商的理由。");
    expect((await freeze(id)).status).toBe(302);
    const late = await waive(id);
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("议题当前所处的阶段不允许此操作。");
    expect(topicRow(id).consultationWaiver).toBe("本活动已连续举办五年,方案与往年相同。");
  });
});
