// Editing the rules and the catalogue over real HTTP: only the street admin of the community's street;
// validation with translated errors and nothing written; one ledger entry per change; the chain verifies.
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { catalogueEntries, ledgerEntries } from "../../db/schema";
import { verifyLedger } from "~/models/ledger.server";
import { getRules } from "~/models/rules.server";
import { communityId } from "./support/db";
import { useServer } from "./support/http";
import { rulesForm, rulesSnapshot } from "./support/rules";

const http = useServer();

const cookies: Record<string, string> = {};
async function as(username: string) {
  cookies[username] ??= await http.login(username);
  return cookies[username];
}

function ledger(slug: string) {
  return getDb().select().from(ledgerEntries).where(eq(ledgerEntries.communityId, communityId(slug))).orderBy(desc(ledgerEntries.seq)).all();
}

function entryId(slug: string, code: string) {
  return getDb().select({ id: catalogueEntries.id }).from(catalogueEntries).where(and(eq(catalogueEntries.communityId, communityId(slug)), eq(catalogueEntries.code, code))).get()?.id;
}

describe("who may edit", () => {
  it("only the street admin sees the forms", async () => {
    const admin = await (await http.fetch("/c/mingyue/rules", { cookie: await as("street1") })).text();
    for (const id of ["rules-form", "pack-form", "catalogue-add-form", "catalogue-edit-form"]) expect(admin).toContain(`data-testid="${id}"`);
    for (const username of ["resident1", "committee1", "convener1"]) {
      const html = await (await http.fetch("/c/mingyue/rules", { cookie: await as(username) })).text();
      expect(html).toContain('data-testid="rules-list"');
      for (const id of ["rules-form", "pack-form", "catalogue-add-form", "catalogue-edit-form"]) expect(html).not.toContain(`data-testid="${id}"`);
      expect(html).not.toContain('name="intent"');
    }
  });

  it("members of the community get 403, outsiders 404, visitors are sent to sign in; nothing changes", async () => {
    const before = rulesSnapshot("mingyue");
    const attempts: Array<[string | null, number]> = [
      ["committee1", 403],
      ["resident1", 403],
      ["supervisor1", 403],
      ["villager1", 404],
      ["vcommittee1", 404],
      [null, 302],
    ];
    for (const [username, status] of attempts) {
      for (const form of [rulesForm("mingyue", { cosignThreshold: "3" }), { intent: "catalogueAdd", nameZh: "偷加", nameEn: "Sneaky" }, { intent: "pack", pack: "villagers-representatives" }]) {
        const res = await http.fetch("/c/mingyue/rules", { form, cookie: username ? await as(username) : undefined });
        expect(res.status, `${username} ${form.intent}`).toBe(status);
      }
    }
    expect(rulesSnapshot("mingyue")).toEqual(before);
  });
});

describe("the rules' numbers", () => {
  it("street1 changes the co-sign threshold: saved, one ledger entry, the chain verifies", async () => {
    const before = ledger("mingyue").length;
    const res = await http.fetch("/c/mingyue/rules", { form: rulesForm("mingyue", { cosignThreshold: "12" }), cookie: await as("street1") });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("已保存,修改了 1 项并记入台账。");
    expect(getRules({ communityId: communityId("mingyue") })!.cosignThreshold).toBe(12);
    const entries = ledger("mingyue");
    expect(entries).toHaveLength(before + 1);
    expect(entries[0]).toMatchObject({ type: "rules.changed", subject: "rules:mingyue" });
    expect(JSON.parse(entries[0].payload)).toEqual({ changes: { cosignThreshold: { before: 10, after: 12 } } });
    expect(verifyLedger({ communityId: communityId("mingyue") }).ok).toBe(true);
    // Every member reads the new rule.
    const page = await (await http.fetch("/c/mingyue/rules", { cookie: await as("resident1") })).text();
    expect(page).toContain("14 天内 12 人附议");
  });

  it("several fields at once are one entry; the same values again write nothing", async () => {
    const form = rulesForm("mingyue", { quorumNum: "3", quorumDen: "4", quorumInclusive: "on", stalledDays: "30" });
    const before = ledger("mingyue").length;
    expect((await http.fetch("/c/mingyue/rules", { form, cookie: await as("street1") })).status).toBe(200);
    const entries = ledger("mingyue");
    expect(entries).toHaveLength(before + 1);
    expect(Object.keys(JSON.parse(entries[0].payload).changes).sort()).toEqual(["quorumDen", "quorumNum", "stalledDays"]);
    const again = await http.fetch("/c/mingyue/rules", { form: rulesForm("mingyue"), cookie: await as("street1") });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("没有改动。");
    expect(ledger("mingyue")).toHaveLength(before + 1);
    // An unticked box means "more than" (exclusive).
    await http.fetch("/c/mingyue/rules", { form: rulesForm("mingyue", { quorumInclusive: null }), cookie: await as("street1") });
    expect(getRules({ communityId: communityId("mingyue") })!.quorumInclusive).toBe(false);
  });

  const BAD: Array<[Record<string, string | null>, string, string]> = [
    [{ quorumDen: "0" }, "请输入 1 到 100 之间的数。", "Enter a number from 1 to 100."],
    [{ passNum: "3", passDen: "2" }, "分子不能大于分母。", "The numerator cannot be larger than the denominator."],
    [{ cosignThreshold: "0" }, "请输入 1 到 1000 之间的数。", "Enter a number from 1 to 1000."],
    [{ cosignThreshold: "1000000000" }, "请输入 1 到 1000 之间的数。", "Enter a number from 1 to 1000."],
    [{ cosignThreshold: "abc" }, "请输入整数。", "Enter a whole number."],
    [{ cosignThreshold: "2.5" }, "请输入整数。", "Enter a whole number."],
    [{ cosignWindowDays: "91" }, "请输入 1 到 90 之间的数。", "Enter a number from 1 to 90."],
    [{ meetingNoticeDays: "-1" }, "请输入 0 到 30 之间的数。", "Enter a number from 0 to 30."],
    [{ satisfactionThresholdPct: "101" }, "请输入 0 到 100 之间的数。", "Enter a number from 0 to 100."],
    [{ stalledDays: null }, "请输入整数。", "Enter a whole number."],
  ];

  for (const [changes, zh, en] of BAD) {
    it(`refuses ${JSON.stringify(changes)} with 400 and a translated error, changing nothing`, async () => {
      const before = rulesSnapshot("mingyue");
      const res = await http.fetch("/c/mingyue/rules", { form: rulesForm("mingyue", changes), cookie: await as("street1") });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(zh);
      expect(html).toContain("请修正标出的项目。");
      const english = await http.fetch("/c/mingyue/rules", { form: rulesForm("mingyue", changes), cookie: `${await as("street1")}; ${await http.english()}` });
      expect(english.status).toBe(400);
      expect(await english.text()).toContain(en);
      expect(rulesSnapshot("mingyue")).toEqual(before);
    });
  }

  it("a malformed body or an unknown intent is 400, never 500", async () => {
    const cookie = await as("street1");
    const before = rulesSnapshot("mingyue");
    const garbled = await http.fetch("/c/mingyue/rules", { method: "POST", body: "%%%&&&=", headers: { "Content-Type": "multipart/form-data; boundary=x" }, cookie });
    expect(garbled.status).toBe(400);
    expect((await http.fetch("/c/mingyue/rules", { form: { intent: "dropTables" }, cookie })).status).toBe(400);
    expect((await http.fetch("/c/mingyue/rules", { form: { intent: "pack", pack: "anarchy" }, cookie })).status).toBe(400);
    expect(rulesSnapshot("mingyue")).toEqual(before);
  });
});

describe("rule packs", () => {
  it("switching resets the numbers and the basis to the pack's, in one ledger entry, and back", async () => {
    const cookie = await as("street1");
    await http.fetch("/c/shiliu/rules", { form: rulesForm("shiliu", { cosignThreshold: "25" }), cookie });
    const before = ledger("shiliu").length;
    const res = await http.fetch("/c/shiliu/rules", { form: { intent: "pack", pack: "residents-representatives" }, cookie });
    expect(res.status).toBe(200);
    const r = getRules({ communityId: communityId("shiliu") })!;
    expect(r).toMatchObject({ pack: "residents-representatives", quorumNum: 2, quorumDen: 3, quorumInclusive: true, cosignThreshold: 10, publicityDays: 15 });
    expect(r.basisZh).toContain("城市居民委员会组织法");
    const entries = ledger("shiliu");
    expect(entries).toHaveLength(before + 1);
    const payload = JSON.parse(entries[0].payload);
    expect(payload.pack).toBe("residents-representatives");
    expect(payload.changes.cosignThreshold).toEqual({ before: 25, after: 10 });
    expect(payload.changes.basisZh.after).toContain("第二十九条");
    await http.fetch("/c/shiliu/rules", { form: { intent: "pack", pack: "villagers-representatives" }, cookie });
    expect(getRules({ communityId: communityId("shiliu") })!.basisZh).toContain("村民委员会组织法");
    expect(verifyLedger({ communityId: communityId("shiliu") }).ok).toBe(true);
  });
});

describe("the catalogue", () => {
  it("add, edit and remove an entry, each with its ledger entry", async () => {
    const cookie = await as("street1");
    const add = await http.fetch("/c/shiliu/rules", { form: { intent: "catalogueAdd", nameZh: "集体资产处置", nameEn: "Collective assets", needsVote: "on", passNum: "2", passDen: "3" }, cookie });
    expect(add.status).toBe(200);
    const id = entryId("shiliu", "collective-assets")!;
    expect(id).toBeGreaterThan(0);
    let entry = getDb().select().from(catalogueEntries).where(eq(catalogueEntries.id, id)).get()!;
    expect(entry).toMatchObject({ nameZh: "集体资产处置", needsVote: true, needsPublicity: false, passNum: 2, passDen: 3 });
    expect(ledger("shiliu")[0]).toMatchObject({ type: "catalogue.added", subject: "catalogue:collective-assets" });

    const edit = await http.fetch("/c/shiliu/rules", { form: { intent: "catalogueEdit", id: String(id), nameZh: "集体资产处置与租赁", nameEn: "Collective assets", needsVote: "on", needsPublicity: "on" }, cookie });
    expect(edit.status).toBe(200);
    entry = getDb().select().from(catalogueEntries).where(eq(catalogueEntries.id, id)).get()!;
    expect(entry).toMatchObject({ nameZh: "集体资产处置与租赁", needsPublicity: true, passNum: null, passDen: null });
    const changed = ledger("shiliu")[0];
    expect(changed.type).toBe("catalogue.changed");
    expect(JSON.parse(changed.payload).changes).toEqual({
      nameZh: { before: "集体资产处置", after: "集体资产处置与租赁" },
      needsPublicity: { before: false, after: true },
      passNum: { before: 2, after: null },
      passDen: { before: 3, after: null },
    });

    const remove = await http.fetch("/c/shiliu/rules", { form: { intent: "catalogueRemove", id: String(id) }, cookie });
    expect(remove.status).toBe(200);
    expect(entryId("shiliu", "collective-assets")).toBeUndefined();
    expect(ledger("shiliu")[0]).toMatchObject({ type: "catalogue.removed", subject: "catalogue:collective-assets" });
    expect(verifyLedger({ communityId: communityId("shiliu") }).ok).toBe(true);
  });

  it("refuses to remove an entry a topic uses (409), and changes nothing", async () => {
    const before = rulesSnapshot("mingyue");
    const res = await http.fetch("/c/mingyue/rules", { form: { intent: "catalogueRemove", id: String(entryId("mingyue", "lift")) }, cookie: await as("street1") });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("有 1 个议题属于此类别,不能删除。");
    expect(rulesSnapshot("mingyue")).toEqual(before);
  });

  it("arrives without NUL bytes in the Chinese text (React 18 stream padding, see entry.server.tsx)", async () => {
    // This exact answer put "\0\0" inside 要么都不填 before the stream was filtered.
    const res = await http.fetch("/c/mingyue/rules", { form: { intent: "catalogueAdd", nameZh: "只有分子", nameEn: "Half", passNum: "2" }, cookie: await as("street1") });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.includes(0)).toBe(false);
    expect(new TextDecoder().decode(bytes)).toContain("分子和分母要么都填,要么都不填。");
  });

  it("refuses invalid entries and other communities' entries", async () => {
    const cookie = await as("street1");
    const before = rulesSnapshot("mingyue");
    const bad: Array<[Record<string, string>, number, string]> = [
      [{ intent: "catalogueAdd", nameZh: "", nameEn: "Empty" }, 400, "请填写此项。"],
      [{ intent: "catalogueAdd", nameZh: "只有分子", nameEn: "Half", passNum: "2" }, 400, "分子和分母要么都填,要么都不填。"],
      [{ intent: "catalogueAdd", nameZh: "倒挂", nameEn: "Upside down", passNum: "3", passDen: "2" }, 400, "分子不能大于分母。"],
      [{ intent: "catalogueAdd", nameZh: "长".repeat(41), nameEn: "Long" }, 400, "太长了,最多 40 个字符。"],
      [{ intent: "catalogueEdit", id: String(entryId("shiliu", "parking")), nameZh: "越界", nameEn: "Other" }, 404, "找不到该类别。"],
      [{ intent: "catalogueEdit", id: "abc", nameZh: "坏", nameEn: "Bad" }, 400, "请修正标出的项目。"],
      [{ intent: "catalogueRemove", id: String(entryId("shiliu", "parking")) }, 404, "找不到该类别。"],
      [{ intent: "catalogueRemove", id: "99999999999999999999" }, 400, "找不到该类别。"],
      [{ intent: "catalogueRemove", id: "-1" }, 400, "找不到该类别。"],
    ];
    for (const [form, status, message] of bad) {
      const res = await http.fetch("/c/mingyue/rules", { form, cookie });
      expect(res.status, JSON.stringify(form)).toBe(status);
      const body = await res.text();
      expect(body, JSON.stringify(form)).toContain(message);
    }
    expect(rulesSnapshot("mingyue")).toEqual(before);
    expect(entryId("shiliu", "parking")).toBeDefined();
  });
});
