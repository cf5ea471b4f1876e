// The legal floors over real HTTP: the rules form refuses a number looser than the revised organic laws,
// naming the article that forbids it (in Chinese and in English, the urban or the village law as the
// community's pack says), and writes nothing; a stricter local number is saved and the page says
// 本社区规则(严于法定). The rules page separates 法定要求 from 本社区约定 and quotes the pack's articles.
// The catalogue's new flags (重要事项, of all members, owners decide) are set, recorded and shown.
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { catalogueEntries, ledgerEntries } from "../../db/schema";
import { verifyLedger } from "~/models/ledger.server";
import { getRules } from "~/models/rules.server";
import { communityId } from "./support/db";
import { signedIn, useServer } from "./support/http";
import { rulesForm, rulesSnapshot } from "./support/rules";

const http = useServer();
const as = signedIn(http);

function lastEntry(slug: string) {
  return getDb().select().from(ledgerEntries).where(eq(ledgerEntries.communityId, communityId(slug))).orderBy(desc(ledgerEntries.seq)).limit(1).get()!;
}

/** React escapes the apostrophe in "Residents' Committees". */
const html = (text: string) => text.replaceAll("'", "&#x27;");

describe("the rules form refuses a number looser than the law, citing the article", () => {
  const URBAN: Array<[string, Record<string, string | null>, string, string]> = [
    ["quorum of more than half", { quorumNum: "1", quorumDen: "2", quorumInclusive: null }, "会议有效人数不得低于组成人员的三分之二(居委会组织法第二十九条)", "The quorum may not be below two thirds of the members (Organic Law of Urban Residents' Committees, Art. 29)"],
    ["quorum of 3/5", { quorumNum: "3", quorumDen: "5" }, "居委会组织法第二十九条", "Organic Law of Urban Residents' Committees, Art. 29"],
    ["quorum of 13/20, just under two thirds", { quorumNum: "13", quorumDen: "20" }, "会议有效人数不得低于组成人员的三分之二", "The quorum may not be below two thirds"],
    ["pass at half (inclusive)", { passNum: "1", passDen: "2", passInclusive: "on" }, "表决须经超过到会人员半数同意(居委会组织法第二十九条)", "A decision needs more than half of those present (Organic Law of Urban Residents' Committees, Art. 29)"],
    ["pass of 2/5", { passNum: "2", passDen: "5" }, "不能定为半数或更低", "half or less is not allowed"],
    ["公示 of 14 days", { publicityDays: "14" }, "公示期不得少于十五日(居委会组织法第三十四条)", "Publication lasts no less than 15 days (Organic Law of Urban Residents' Committees, Art. 34)"],
    ["a meeting request of 1/4 (looser: more signatures needed)", { meetingRequestNum: "1", meetingRequestDen: "4" }, "提议比例不能高于五分之一", "(Organic Law of Urban Residents' Committees, Art. 28)"],
  ];
  for (const [what, changes, zh, en] of URBAN) {
    it(`mingyue: ${what} → 400, nothing written`, async () => {
      const before = rulesSnapshot("mingyue");
      const res = await http.fetch("/c/mingyue/rules", { form: rulesForm("mingyue", changes), cookie: await as("street1") });
      expect(res.status).toBe(400);
      const body = await res.text();
      expect(body).toContain(zh);
      expect(body).toContain("请修正标出的项目。");
      const english = await http.fetch("/c/mingyue/rules", { form: rulesForm("mingyue", changes), cookie: `${await as("street1")}; ${await http.english()}` });
      expect(english.status).toBe(400);
      expect(await english.text()).toContain(html(en));
      expect(rulesSnapshot("mingyue")).toEqual(before);
    });
  }

  it("a village cites the villagers' law (Art. 30 and 35)", async () => {
    const before = rulesSnapshot("shiliu");
    const cookie = await as("street1");
    const quorum = await http.fetch("/c/shiliu/rules", { form: rulesForm("shiliu", { quorumNum: "1", quorumDen: "2" }), cookie });
    expect(quorum.status).toBe(400);
    expect(await quorum.text()).toContain("(村委会组织法第三十条)");
    const publicity = await http.fetch("/c/shiliu/rules", { form: rulesForm("shiliu", { publicityDays: "10" }), cookie });
    expect(await publicity.text()).toContain("公示期不得少于十五日(村委会组织法第三十五条)");
    const request = await http.fetch("/c/shiliu/rules", { form: rulesForm("shiliu", { meetingRequestNum: "1", meetingRequestDen: "3" }), cookie: `${cookie}; ${await http.english()}` });
    expect(await request.text()).toContain(html("(Organic Law of Villagers' Committees, Art. 30)"));
    expect(rulesSnapshot("shiliu")).toEqual(before);
  });
});

describe("a stricter local number", () => {
  it("is saved, and the page says 本社区规则(严于法定) with the law's number beside it", async () => {
    const cookie = await as("street1");
    const res = await http.fetch("/c/mingyue/rules", {
      form: rulesForm("mingyue", { quorumNum: "3", quorumDen: "4", passNum: "2", passDen: "3", passInclusive: "on", meetingRequestNum: "1", meetingRequestDen: "10", publicityDays: "20" }),
      cookie,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("已保存,修改了 7 项并记入台账。");
    expect(getRules({ communityId: communityId("mingyue") })).toMatchObject({ quorumNum: 3, quorumDen: 4, passNum: 2, passDen: 3, passInclusive: true, meetingRequestDen: 10, publicityDays: 20 });
    expect(verifyLedger({ communityId: communityId("mingyue") }).ok).toBe(true);

    const page = await (await http.fetch("/c/mingyue/rules", { cookie: await as("resident1") })).text();
    for (const id of ["quorum", "pass", "meetingRequest", "publicity"]) {
      expect(page).toMatch(new RegExp(`data-testid="rule-standing-${id}"[^>]*>本社区规则\\(严于法定\\)<`));
    }
    expect(page).toContain("法律规定:不少于 2/3 组成人员");
    expect(page).toContain("法律规定:15 天");
    const english = await (await http.fetch("/c/mingyue/rules", { cookie: `${await as("resident1")}; ${await http.english()}` })).text();
    expect(english).toContain("Our community&#x27;s rule (stricter than the law)");

    // "More than 2/3" is stricter than "at least 2/3"; back at the law's numbers the page says 法定.
    const exclusive = await http.fetch("/c/mingyue/rules", { form: rulesForm("mingyue", { quorumNum: "2", quorumDen: "3", quorumInclusive: null }), cookie });
    expect(exclusive.status).toBe(200);
    await http.fetch("/c/mingyue/rules", { form: { intent: "pack", pack: "residents-representatives" }, cookie });
    const reset = await (await http.fetch("/c/mingyue/rules", { cookie })).text();
    expect(reset).toMatch(/data-testid="rule-standing-quorum"[^>]*>法定</);
    expect(reset).not.toContain("本社区规则(严于法定)");
  });
});

describe("the rules page", () => {
  it("separates 法定要求 (each with its article) from 本社区约定, and quotes the pack's articles", async () => {
    const page = await (await http.fetch("/c/mingyue/rules", { cookie: await as("resident1") })).text();
    const legal = page.slice(page.indexOf('data-testid="rules-legal"'), page.indexOf('data-testid="rules-local"'));
    const local = page.slice(page.indexOf('data-testid="rules-local"'), page.indexOf('data-testid="rules-basis"'));
    expect(legal).toContain("法定要求");
    for (const [id, article] of [
      ["quorum", "居委会组织法第二十九条"],
      ["pass", "居委会组织法第二十九条"],
      ["meetingRequest", "居委会组织法第二十八条"],
      ["publicity", "居委会组织法第三十四条"],
    ]) {
      expect(legal).toMatch(new RegExp(`data-testid="rule-article-${id}"[^>]*>依据:${article}<`));
    }
    expect(legal).toContain("每半年至少召开一次");
    expect(legal).not.toContain("附议门槛");
    expect(local).toContain("本社区约定");
    expect(local).toContain("不是法律规定");
    for (const id of ["cosign", "screening", "meetingNotice", "ratingWindow", "satisfaction", "stalled"]) expect(local).toContain(`data-testid="rule-${id}"`);
    // The articles, quoted.
    expect(page).toContain("居民代表会议应当有三分之二以上的组成人员参加方可召开。居民代表会议所作决定，应当经到会组成人员的过半数通过。");
    expect(page).toContain("居委会组织法第三十条第四款");

    const village = await (await http.fetch("/c/shiliu/rules", { cookie: await as("villager1") })).text();
    expect(village).toContain("每季度召开一次");
    expect(village).toMatch(/data-testid="rule-article-quorum"[^>]*>依据:村委会组织法第三十条</);
    expect(village).toContain("有五分之一以上的村民代表提议，应当召集村民代表会议。");
  });
});

describe("the catalogue's flags", () => {
  it("重要事项, of all members and owners decide are set, recorded in the ledger and shown with their articles", async () => {
    const cookie = await as("street1");
    const add = await http.fetch("/c/mingyue/rules", {
      form: { intent: "catalogueAdd", nameZh: "小区改造", nameEn: "Estate renovation", needsVote: "on", important: "on", passOfAll: "on", passNum: "2", passDen: "3" },
      cookie,
    });
    expect(add.status).toBe(200);
    const entry = getDb().select().from(catalogueEntries).where(and(eq(catalogueEntries.communityId, communityId("mingyue")), eq(catalogueEntries.code, "estate-renovation"))).get()!;
    expect(entry).toMatchObject({ important: true, passOfAll: true, ownersDecide: false, passNum: 2, passDen: 3 });
    const added = lastEntry("mingyue");
    expect(added.type).toBe("catalogue.added");
    expect(JSON.parse(added.payload)).toMatchObject({ code: "estate-renovation", important: true, passOfAll: true, ownersDecide: false });

    const edit = await http.fetch("/c/mingyue/rules", {
      form: { intent: "catalogueEdit", id: String(entry.id), nameZh: "小区改造", nameEn: "Estate renovation", important: "on", ownersDecide: "on", passNum: "2", passDen: "3" },
      cookie,
    });
    expect(edit.status).toBe(200);
    const changed = lastEntry("mingyue");
    expect(changed.type).toBe("catalogue.changed");
    expect(JSON.parse(changed.payload).changes).toEqual({
      needsVote: { before: true, after: false },
      passOfAll: { before: true, after: false },
      ownersDecide: { before: false, after: true },
    });
    expect(verifyLedger({ communityId: communityId("mingyue") }).ok).toBe(true);

    const page = await (await http.fetch("/c/mingyue/rules", { cookie: await as("resident1") })).text();
    expect(page).toContain("重要事项:表决前须经党组织研究讨论(居委会组织法第三十条第四款)");
    expect(page).toContain("由业主共同决定(民法典第二百七十八条)");
    // Of all members: the share reads "of 组成人员", not "of those present".
    await http.fetch("/c/mingyue/rules", { form: { intent: "catalogueEdit", id: String(entry.id), nameZh: "小区改造", nameEn: "Estate renovation", passOfAll: "on", passNum: "3", passDen: "4" }, cookie });
    const ofAll = await (await http.fetch("/c/mingyue/rules", { cookie: await as("resident1") })).text();
    expect(ofAll).toContain("不少于 3/4 组成人员");
  });

  it("refuses a category pass share at or under half, citing the article; nothing written", async () => {
    const cookie = await as("street1");
    const before = rulesSnapshot("shiliu");
    for (const [passNum, passDen] of [
      ["1", "2"],
      ["2", "5"],
    ]) {
      const res = await http.fetch("/c/shiliu/rules", { form: { intent: "catalogueAdd", nameZh: "过宽", nameEn: "Too loose", needsVote: "on", passNum, passDen }, cookie });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("类别的通过比例必须超过半数(村委会组织法第三十条)");
    }
    const english = await http.fetch("/c/shiliu/rules", { form: { intent: "catalogueAdd", nameZh: "过宽", nameEn: "Too loose", passNum: "1", passDen: "2" }, cookie: `${cookie}; ${await http.english()}` });
    expect(await english.text()).toContain(html("A category's pass share must be more than half (Organic Law of Villagers' Committees, Art. 30)"));
    expect(rulesSnapshot("shiliu")).toEqual(before);
  });
});
