// Importing 12345 hotline tickets from CSV over HTTP: all rows or none, problems by CSV line,
// tickets never imported twice, committee only.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { catalogueEntries, ledgerEntries, topics } from "../../db/schema";
import { verifyLedger } from "~/models/ledger.server";
import { hotlineCsv, uniqueTicket } from "../fixtures/propose";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";
import { multipart, snapshot, useOwnUploadsDir } from "./support/propose";

const uploads = useOwnUploadsDir();
const http = useServer();
const IMPORT = "/c/mingyue/topics/import";
const cookies: Record<string, string> = {};

beforeAll(async () => {
  for (const name of ["committee1", "convener1", "resident1", "villager1", "vcommittee1", "street1"]) cookies[name] = await http.login(name);
});

function upload(username: string, content: string | Uint8Array, target = IMPORT, name = "12345.csv") {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return http.fetch(target, { method: "POST", cookie: cookies[username], body: multipart({}, [{ bytes, name, type: "text/csv" }], "file") });
}

function byTickets(tickets: string[]) {
  return getDb().select().from(topics).where(and(eq(topics.communityId, communityId("mingyue")), inArray(topics.externalRef, tickets))).all();
}

describe("a good file", () => {
  it("becomes one topic per ticket, all in screening, in one go, with a ledger record", async () => {
    const tickets = [uniqueTicket("A"), uniqueTicket("B"), uniqueTicket("C")];
    const csv = hotlineCsv(
      [
        { ticket: tickets[0], title: "东门路灯不亮", description: "东门至3号楼\n两盏路灯不亮,\"很暗\"", location: "东门", category: "facilities", reported_at: "2024-05-01" },
        { ticket: tickets[1], title: "垃圾清运不及时", category: "ENVIRONMENT", reported_at: "2024-05-02T08:30:00+08:00" },
        { ticket: tickets[2], title: "噪音扰民" },
      ],
      { bom: true },
    );
    const res = await upload("committee1", csv);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("已导入 3 张工单");
    const made = byTickets(tickets);
    expect(made).toHaveLength(3);
    const environment = getDb().select().from(catalogueEntries).where(and(eq(catalogueEntries.communityId, communityId("mingyue")), eq(catalogueEntries.code, "environment"))).get()!;
    for (const topic of made) {
      expect(topic).toMatchObject({ source: "hotline", state: "screening", stage: "collection", proposerId: userId("committee1"), showProposerName: false });
      expect(html).toContain(`href="/c/mingyue/topics/${topic.id}"`);
    }
    const first = made.find((t) => t.externalRef === tickets[0])!;
    expect(first).toMatchObject({ title: "东门路灯不亮", description: '东门至3号楼\n两盏路灯不亮,"很暗"', location: "东门" });
    expect(made.find((t) => t.externalRef === tickets[1])!.categoryId).toBe(environment.id);
    expect(made.find((t) => t.externalRef === tickets[2])!.categoryId).toBeNull();
    const record = getDb().select().from(ledgerEntries).where(eq(ledgerEntries.type, "hotline.imported")).all().at(-1)!;
    expect(JSON.parse(record.payload)).toMatchObject({ count: 3, tickets: expect.arrayContaining([expect.objectContaining({ ticket: tickets[0], reportedAt: "2024-05-01" })]) });
  });

  it("is refused when imported again: no ticket twice in a community", async () => {
    const ticket = uniqueTicket("R");
    const csv = hotlineCsv([{ ticket, title: "重复导入测试" }]);
    expect((await upload("convener1", csv)).status).toBe(200);
    const before = snapshot(uploads);
    const again = await upload("committee1", csv);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain(`工单 ${ticket} 已经导入过。`);
    expect(snapshot(uploads)).toEqual(before);
    expect(byTickets([ticket])).toHaveLength(1);
  });

  it("may carry a ticket number another community already used", async () => {
    const ticket = uniqueTicket("S");
    const csv = hotlineCsv([{ ticket, title: "两个社区同一工单" }]);
    expect((await upload("vcommittee1", csv, "/c/shiliu/topics/import")).status).toBe(200);
    expect((await upload("committee1", csv)).status).toBe(200);
  });
});

describe("a bad file imports nothing and lists its problems by CSV line", () => {
  it("one bad row among good ones", async () => {
    const before = snapshot(uploads);
    const good = [uniqueTicket("G"), uniqueTicket("G")];
    const csv = hotlineCsv([
      { ticket: good[0], title: "好的一行" },
      { ticket: uniqueTicket("X"), title: "", category: "no-such-code", reported_at: "2024-02-30" },
      { ticket: good[1], title: "又一行好的", description: "多行\n说明" },
      { ticket: good[0], title: "编号重复" },
      { ticket: "bad ticket!", title: "长".repeat(81) },
    ]);
    const res = await upload("committee1", csv);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("未导入任何工单");
    const table = html.slice(html.indexOf('data-testid="import-problems"'));
    const rows = [...table.matchAll(/<tr[^>]*><td[^>]*>(\d+)<\/td><td[^>]*>([^<]*)<\/td><td[^>]*>([^<]*)<\/td><\/tr>/g)].map((m) => [Number(m[1]), m[2], m[3]]);
    expect(rows).toEqual([
      [3, "title", "请填写此项。"],
      [3, "reported_at", "日期格式应为 2024-05-01(可带时间)。"],
      [3, "category", "没有代码为“no-such-code”的类别。"],
      [6, "ticket", "工单编号与第 2 行重复。"], // the row before spans lines 4 and 5
      [7, "ticket", "工单编号只能包含字母、数字和 - _ . /,最多 40 个字符。"],
      [7, "title", "太长了,最多 80 个字符。"],
    ]);
    expect(snapshot(uploads)).toEqual(before);
    expect(byTickets(good)).toEqual([]);
  });

  it("a wrong header, a short row, no rows, an empty file, not UTF-8, too large, too many rows", async () => {
    const before = snapshot(uploads);
    const cases: Array<[string | Uint8Array, string]> = [
      ["ticket,title\nA1,x\n", "缺少“description”列。"],
      [`ticket,title,description,location,category,reported_at\n${uniqueTicket()},只有两列\n`, "应有 6 列,这一行有 2 列。"],
      ["ticket,title,description,location,category,reported_at\n", "文件只有表头,没有工单。"],
      [new Uint8Array([0xb6, 0xab, 0xc3, 0xc5, 0x2c]), "文件不是 UTF-8 编码"], // "东门," in GBK
      ["a".repeat(1024 * 1024 + 10), "有文件超过 1 MB"],
      [hotlineCsv(Array.from({ length: 501 }, (_, i) => ({ ticket: `M-${i}`, title: `第${i}行` }))), "文件超过 500 行"],
    ];
    for (const [content, message] of cases) {
      const res = await upload("committee1", content);
      expect(res.status, message).toBe(400);
      expect(await res.text()).toContain(message);
    }
    const none = await http.fetch(IMPORT, { method: "POST", cookie: cookies.committee1, body: multipart({}) });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("请选择要导入的 CSV 文件。");
    expect(snapshot(uploads)).toEqual(before);
  });

  it("problems in English for an English reader", async () => {
    const res = await http.fetch(IMPORT, {
      method: "POST",
      cookie: `${cookies.committee1}; ${await http.english()}`,
      body: multipart({}, [{ bytes: new TextEncoder().encode(hotlineCsv([{ ticket: "E-1", title: "" }])), name: "x.csv" }], "file"),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Fill this in.");
  });
});

describe("who may import", () => {
  it("the committee only: a resident gets 403, another community's people 404, and nothing is written", async () => {
    const before = snapshot(uploads);
    const csv = hotlineCsv([{ ticket: uniqueTicket("N"), title: "不该导入" }]);
    expect((await http.fetch(IMPORT, { cookie: cookies.resident1 })).status).toBe(403);
    expect((await upload("resident1", csv)).status).toBe(403);
    expect((await upload("street1", csv)).status).toBe(403);
    expect((await upload("villager1", csv)).status).toBe(404);
    expect((await upload("vcommittee1", csv)).status).toBe(404);
    expect(snapshot(uploads)).toEqual(before);
  });

  it("shows the committee the columns and this community's category codes", async () => {
    const html = await (await http.fetch(IMPORT, { cookie: cookies.committee1 })).text();
    for (const column of ["ticket", "title", "description", "location", "category", "reported_at", "facilities", "environment"]) expect(html).toContain(column);
  });

  it("leaves both ledgers verifiable", () => {
    expect(verifyLedger({ communityId: communityId("mingyue") }).ok).toBe(true);
    expect(verifyLedger({ communityId: communityId("shiliu") }).ok).toBe(true);
  });
});
