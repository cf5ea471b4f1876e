// 12345 both ways (issue 19): every ticket imported into the street's communities is one row of the
// export in the hotline's own columns — taken up or not and why, the stage, the departments, the
// result and the satisfaction — as CSV (street admin, or a hotline token) and JSON; personal numbers
// masked; tokens made, used and revoked on the hotline page; every run recorded. Real HTTP, real SQLite.
import { and, desc, eq, isNotNull } from "drizzle-orm";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { communities, hotlineExports, hotlineTokens, ratingWindows, streets, topics } from "../../db/schema";
import { setCommunityArchived } from "~/models/community-admin.server";
import { importHotlineCsv } from "~/models/hotline-import.server";
import { createHotlineToken } from "~/models/hotline-token.server";
import { publishResult, rateResult, recordVerification, settleDueWindow } from "~/models/supervision.server";
import { advanceTopic } from "~/models/workflow.server";
import { HOTLINE_CSV_HEADER } from "~/workflow/hotline-export";
import { hotlineCsv as importCsv, uniqueTicket } from "../fixtures/propose";
import { communityId, userId } from "./support/db";
import { HOUR_MS, insertCall, streetIdOf } from "./support/department-calls";
import { actor, ok } from "./support/execution";
import { dbFingerprint } from "./support/fingerprint";
import { signedIn, useServer } from "./support/http";

const http = useServer();
const as = signedIn(http);
const CSV = "/s/huacheng/hotline/export.csv";
const JSON_PATH = "/s/huacheng/hotline/export.json";
const PAGE = "/s/huacheng/hotline";

function importInto(slug: string, rows: Array<{ ticket: string; title: string; description?: string }>) {
  const committee = slug === "mingyue" ? "committee1" : "vcommittee1";
  const result = importHotlineCsv({ communityId: communityId(slug), actorId: userId(committee), bytes: new TextEncoder().encode(importCsv(rows)) });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return new Map(result.created.map((c) => [c.ticket, c.id]));
}

const committee = (slug = "mingyue") => ({ userId: userId(slug === "mingyue" ? "committee1" : "vcommittee1"), roles: ["committee"] as const });

/** The CSV parsed back (RFC 4180), as rows of cells keyed by the hotline's headers. */
function parse(csv: string): Array<Record<string, string>> {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { newline: "\r\n", skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(header).toEqual(HOTLINE_CSV_HEADER);
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
}

async function csvAs(username = "street1", query = "") {
  const res = await http.fetch(CSV + query, { cookie: await as(username) });
  expect(res.status).toBe(200);
  return bytesOf(res);
}

/** The body as sent, byte-order mark included (Response.text() drops it). */
async function bytesOf(res: Response): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
}

const street = () => streetIdOf();
const hotlineTopicCount = () =>
  getDb()
    .select({ id: topics.id })
    .from(topics)
    .innerJoin(communities, eq(communities.id, topics.communityId))
    .where(and(eq(communities.streetId, street()), eq(topics.source, "hotline"), isNotNull(topics.externalRef)))
    .all().length;
const lastRun = () => getDb().select().from(hotlineExports).orderBy(desc(hotlineExports.id)).limit(1).get();

describe("the export in the hotline's columns", () => {
  it("has the hotline's header, BOM and CRLF, and the demo's two tickets; the run is recorded", async () => {
    const csv = await csvAs();
    expect(csv.startsWith("\uFEFF工单编号,所属社区,受理状态,不受理原因,办理阶段,处理部门,办理结果,结果说明,满意度,评价人数,办结时间,最后更新时间\r\n")).toBe(true);
    expect(csv.replaceAll("\r\n", "")).not.toContain("\n");
    const rows = parse(csv);
    expect(rows).toHaveLength(hotlineTopicCount());
    const six = rows.find((r) => r["工单编号"] === "GZ12345-20261017-0173")!;
    expect(six).toMatchObject({ 所属社区: "明月社区", 受理状态: "处理中", 办理阶段: "执行", 满意度: "", 办结时间: "" });
    expect(six["办理结果"]).toMatch(/^决议\(\d{4}\)第 \d+ 号,/);
    expect(six["最后更新时间"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(rows.find((r) => r["工单编号"] === "GZ12345-20261009-0058")).toMatchObject({ 受理状态: "处理中", 办理阶段: "监督" });
    expect(lastRun()).toMatchObject({ format: "csv", userId: userId("street1"), tokenId: null, tickets: rows.length, since: null });
  });

  it("carries every ticket along: not accepted with its reason, merged, pending, and an archived community's", async () => {
    const [rejected, merged, pending, village] = [uniqueTicket("J"), uniqueTicket("M"), uniqueTicket("P"), uniqueTicket("V")];
    const made = importInto("mingyue", [
      { ticket: rejected, title: "私人纠纷", description: "业主 13812345678,身份证 440106199001011234" },
      { ticket: merged, title: "东门路灯(重复)" },
      { ticket: pending, title: "东门路灯" },
    ]);
    const shiliu = importInto("shiliu", [{ ticket: village, title: "村道积水" }]);
    advanceTopic({ topicId: made.get(rejected)!, communityId: communityId("mingyue"), action: "reject", actor: committee(), reason: "属于邻里私人纠纷,请联系 13812345678 调解;证件 440106199001011234" });
    advanceTopic({ topicId: made.get(merged)!, communityId: communityId("mingyue"), action: "merge", actor: committee(), reason: "同一问题", mergeIntoId: made.get(pending)! });
    ok(setCommunityArchived({ streetId: street(), actorId: userId("street1"), slug: "shiliu", archived: true }));

    const csv = await csvAs();
    for (const secret of ["13812345678", "440106199001011234", "业主"]) expect(csv).not.toContain(secret);
    const rows = parse(csv);
    expect(rows).toHaveLength(hotlineTopicCount());
    const row = (ticket: string) => rows.find((r) => r["工单编号"] === ticket)!;
    expect(row(rejected)).toMatchObject({ 受理状态: "不予受理", 不受理原因: "属于邻里私人纠纷,请联系 138****5678 调解;证件 4401**********1234", 办理阶段: "议题收集" });
    expect(row(rejected)["办结时间"]).toMatch(/\+08:00$/);
    const into = getDb().select({ number: topics.number }).from(topics).where(eq(topics.id, made.get(pending)!)).get()!.number;
    expect(row(merged)).toMatchObject({ 受理状态: "已合并", 不受理原因: `并入议题 #${into}:同一问题` });
    expect(row(pending)).toMatchObject({ 受理状态: "待受理", 不受理原因: "", 办结时间: "" });
    expect(row(village)).toMatchObject({ 所属社区: "石榴村", 受理状态: "待受理" });
    expect(shiliu.size).toBe(1);
    ok(setCommunityArchived({ streetId: street(), actorId: userId("street1"), slug: "shiliu", archived: false }));
  });

  it("shows #7 closed with its satisfaction, the department called and the results, masked", async () => {
    const cid = communityId("mingyue");
    const seven = getDb().select({ id: topics.id }).from(topics).where(eq(topics.externalRef, "GZ12345-20261009-0058")).get()!.id;
    const sentAt = new Date(Date.now() - 10 * 24 * HOUR_MS);
    insertCall({ topicId: seven, department: "城管中队", sentAt, respondedAfterHours: 3, resolvedAt: new Date(sentAt.getTime() + 50 * HOUR_MS), result: "已清掏,回访电话 13900001111" });
    // The demo's four ratings (满意 2, 基本满意 1, 不满意 1) and one more: 4 of 5 satisfied.
    ok(rateResult({ ...actor("resident3", "resident"), topicId: seven, rating: "satisfied", comment: "" }));
    ok(recordVerification({ ...actor("supervisor1", "supervisor"), topicId: seven, notes: "已疏通", verified: true, photos: [] }));
    ok(publishResult({ ...actor("committee1", "committee"), topicId: seven, summary: "化粪池已疏通,井盖已更换。物业电话 020-87654321" }));
    const window = getDb().select().from(ratingWindows).where(eq(ratingWindows.topicId, seven)).orderBy(desc(ratingWindows.id)).get()!;
    expect(settleDueWindow({ communityId: cid, topicId: seven, at: new Date(window.closesAt.getTime() + 1000) })).toEqual({ to: "closed" });

    const csv = await csvAs();
    expect(csv).not.toContain("13900001111");
    expect(csv).not.toContain("87654321");
    const row = parse(csv).find((r) => r["工单编号"] === "GZ12345-20261009-0058")!;
    expect(row).toMatchObject({ 受理状态: "已办结", 办理阶段: "已结项", 处理部门: "城管中队", 满意度: "80%", 评价人数: "5", 结果说明: "化粪池已疏通,井盖已更换。物业电话 020-****4321;城管中队:已清掏,回访电话 139****1111" });
    expect(row["办结时间"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);

    const json = await (await http.fetch(JSON_PATH, { cookie: await as("street1") })).json();
    const ticket = json.tickets.find((t: { ticket: string }) => t.ticket === "GZ12345-20261009-0058");
    expect(ticket).toMatchObject({ acceptance: "closed", stage: "closed", departments: ["城管中队"], satisfactionPct: 80, raters: 5, community: "明月社区" });
    expect(ticket.closedAt).toBe(row["办结时间"]);
    expect(json.count).toBe(json.tickets.length);
    expect(lastRun()).toMatchObject({ format: "json", userId: userId("street1"), tickets: json.count });
  });

  it("quotes as RFC 4180 says and never starts a cell with a formula", async () => {
    const ticket = uniqueTicket("Q");
    const made = importInto("mingyue", [{ ticket, title: "公式测试" }]);
    const reason = '=HYPERLINK("http://evil.example","点我"), 另起\n一行';
    advanceTopic({ topicId: made.get(ticket)!, communityId: communityId("mingyue"), action: "reject", actor: committee(), reason });
    const csv = await csvAs();
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"",""点我""), 另起\n一行",`);
    const row = parse(csv).find((r) => r["工单编号"] === ticket)!;
    expect(row["不受理原因"]).toBe(`'${reason}`);
    for (const r of parse(csv)) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("takes since (tickets updated on or after that day) and refuses a malformed one", async () => {
    const all = parse(await csvAs());
    expect(parse(await csvAs("street1", "?since=2000-01-01"))).toHaveLength(all.length);
    expect(parse(await csvAs("street1", "?since=2099-01-01"))).toHaveLength(0);
    expect(lastRun()).toMatchObject({ tickets: 0 });
    expect(lastRun()!.since).not.toBeNull();
    const runs = getDb().select().from(hotlineExports).all().length;
    for (const bad of ["2026-02-30", "yesterday", "2026-1-1"]) {
      const res = await http.fetch(`${CSV}?since=${bad}`, { cookie: await as("street1") });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("since 应为日期");
    }
    expect(getDb().select().from(hotlineExports).all().length).toBe(runs);
  });
});

describe("who may pull it", () => {
  it("a browser needs the street admin: signed out → sign in, residents and department contacts 403, another street 404", async () => {
    const runs = getDb().select().from(hotlineExports).all().length;
    for (const path of [CSV, JSON_PATH, PAGE]) {
      const out = await http.fetch(path);
      expect(out.status).toBe(302);
      expect(out.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
      for (const who of ["resident1", "committee1", "chengguan1"]) expect((await http.fetch(path, { cookie: await as(who) })).status, `${who} ${path}`).toBe(403);
    }
    getDb().insert(streets).values({ slug: "far-street", nameZh: "远方街道", nameEn: "Far" }).onConflictDoNothing().run();
    expect((await http.fetch("/s/far-street/hotline/export.csv", { cookie: await as("street1") })).status).toBe(404);
    expect(getDb().select().from(hotlineExports).all().length).toBe(runs);
  });

  it("a hotline token made on the page pulls both formats without a session, until revoked (then 401)", async () => {
    const made = await http.fetch(PAGE, { cookie: await as("street1"), form: { intent: "createToken", label: "市 12345 平台" } });
    expect(made.status).toBe(200);
    const html = await made.text();
    const token = /data-testid="new-token"[^>]*>([^<]+)</.exec(html)![1];
    expect(token).toMatch(/^yst_hl_/);
    const row = getDb().select().from(hotlineTokens).where(eq(hotlineTokens.tokenHint, token.slice(-4))).all().at(-1)!;
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    // Shown once: the page read again shows the hint only.
    const again = await (await http.fetch(PAGE, { cookie: await as("street1") })).text();
    expect(again).not.toContain(token);
    expect(again).toContain(`尾号 ${token.slice(-4)}`);

    const bearer = { Authorization: `Bearer ${token}` };
    const json = await http.fetch(JSON_PATH, { headers: bearer });
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toContain("application/json");
    const body = await json.json();
    expect(body.tickets.map((t: { ticket: string }) => t.ticket)).toEqual(expect.arrayContaining(["GZ12345-20261017-0173", "GZ12345-20261009-0058"]));
    expect(lastRun()).toMatchObject({ format: "json", userId: null, tokenId: row.id, tickets: body.count });
    const csv = await http.fetch(CSV, { headers: bearer });
    expect(csv.status).toBe(200);
    expect(parse(await bytesOf(csv))).toHaveLength(body.count);
    expect(getDb().select().from(hotlineTokens).where(eq(hotlineTokens.id, row.id)).get()!.lastUsedAt).not.toBeNull();
    // The record of runs on the page names the token.
    expect(await (await http.fetch(PAGE, { cookie: await as("street1") })).text()).toContain("令牌“市 12345 平台”");

    // Revoking needs the tick; without it nothing changes.
    const before = dbFingerprint();
    expect((await http.fetch(PAGE, { cookie: await as("street1"), form: { intent: "revokeToken", tokenId: String(row.id) } })).status).toBe(400);
    expect((await http.fetch(PAGE, { cookie: await as("resident1"), form: { intent: "revokeToken", tokenId: String(row.id), confirm: "on" } })).status).toBe(403);
    expect(dbFingerprint()).toBe(before);
    expect((await http.fetch(PAGE, { cookie: await as("street1"), form: { intent: "revokeToken", tokenId: String(row.id), confirm: "on" } })).status).toBe(200);
    const refused = await http.fetch(JSON_PATH, { headers: bearer });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(await refused.text()).not.toContain("GZ12345");
    expect((await http.fetch(PAGE, { cookie: await as("street1"), form: { intent: "revokeToken", tokenId: String(row.id), confirm: "on" } })).status).toBe(409);
  });

  it("refuses a wrong, malformed or another street's token with 401 and no data, even with an admin's session", async () => {
    getDb().insert(streets).values({ slug: "far-street", nameZh: "远方街道", nameEn: "Far" }).onConflictDoNothing().run();
    const far = getDb().select({ id: streets.id }).from(streets).where(eq(streets.slug, "far-street")).get()!.id;
    const farToken = createHotlineToken({ streetId: far, actorId: userId("street1"), label: "远方" }).token;
    const runs = getDb().select().from(hotlineExports).all().length;
    for (const header of [`Bearer ${farToken}`, "Bearer yst_hl_" + "A".repeat(43), "Bearer nonsense", "Basic dXNlcjpwYXNz", "Bearer"]) {
      for (const path of [CSV, JSON_PATH, "/s/no-such-street/hotline/export.csv"]) {
        const res = await http.fetch(path, { headers: { Authorization: header }, cookie: await as("street1") });
        expect(res.status, `${header} ${path}`).toBe(401);
        expect(res.headers.get("www-authenticate")).toContain("Bearer");
        expect(await res.text()).not.toContain("GZ12345");
      }
    }
    // The far street's token gets the far street's tickets: none of huacheng's.
    const own = await http.fetch("/s/far-street/hotline/export.json", { headers: { Authorization: `Bearer ${farToken}` } });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ street: "far-street", count: 0, tickets: [] });
    expect(getDb().select().from(hotlineExports).all().length).toBe(runs + 1);
  });

  it("the page: a token needs a label; an unknown token id is 404; a hostile form is 400", async () => {
    const before = dbFingerprint();
    const empty = await http.fetch(PAGE, { cookie: await as("street1"), form: { intent: "createToken", label: "   " } });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("请填写此项。");
    expect((await http.fetch(PAGE, { cookie: await as("street1"), form: { intent: "createToken", label: "长".repeat(41) } })).status).toBe(400);
    expect((await http.fetch(PAGE, { cookie: await as("street1"), form: { intent: "revokeToken", tokenId: "999999", confirm: "on" } })).status).toBe(404);
    expect((await http.fetch(PAGE, { cookie: await as("street1"), form: { intent: "revokeToken", tokenId: "abc", confirm: "on" } })).status).toBe(400);
    expect((await http.fetch(PAGE, { cookie: await as("street1"), form: { intent: "nonsense" } })).status).toBe(400);
    expect(dbFingerprint()).toBe(before);
  });
});
