// 综合评价 (issue 19): per department and per community of a street, for a month or all time, from
// known rows in the real tables — charts (SVG) and a table with the same numbers, printable; the
// street admin's page only. Its own street (平安街道) keeps the figures free of other tests' rows.
import { describe, expect, it, beforeAll } from "vitest";
import { getDb, inTransaction } from "../../db/client.server";
import { deadlines, ratingWindows, streetAdmins, streets, topicEvents, topics } from "../../db/schema";
import { createCommunityIn } from "~/models/community-admin.server";
import { createDepartmentIn } from "~/models/department.server";
import { communityId, userId } from "./support/db";
import { HOUR_MS, insertCall } from "./support/department-calls";
import { signedIn, useServer } from "./support/http";

const http = useServer();
const as = signedIn(http);
const DAY = 24 * HOUR_MS;
const PAGE = "/s/pingan/evaluation";
const at = (iso: string, plusHours = 0) => new Date(new Date(iso).getTime() + plusHours * HOUR_MS);

let number = 0;
/** A topic of 安乐社区 screened from `created`, decided `decidedAfterDays` later (or not), its deadline 7 days on. */
function topic(created: Date, decidedAfterDays: number | null): number {
  const db = getDb();
  const cid = communityId("anle");
  const id = db
    .insert(topics)
    .values({ communityId: cid, number: ++number, title: `评价测试议题${number}`, stage: decidedAfterDays === null ? "collection" : "deliberation", state: decidedAfterDays === null ? "screening" : "drafting", proposerId: userId("street1"), source: "committee", createdAt: created, stageEnteredAt: created })
    .returning({ id: topics.id })
    .get().id;
  db.insert(topicEvents).values({ topicId: id, action: "create", fromState: null, toState: "screening", actorId: userId("street1"), at: created }).run();
  db.insert(deadlines).values({ communityId: cid, topicId: id, kind: "screening", dueAt: new Date(created.getTime() + 7 * DAY) }).run();
  if (decidedAfterDays !== null) db.insert(topicEvents).values({ topicId: id, action: "accept", fromState: "screening", toState: "drafting", actorId: userId("street1"), at: new Date(created.getTime() + decidedAfterDays * DAY) }).run();
  return id;
}

beforeAll(() => {
  const db = getDb();
  inTransaction(db, (tx) => {
    const streetId = tx.insert(streets).values({ slug: "pingan", nameZh: "平安街道", nameEn: "Ping'an" }).returning({ id: streets.id }).get().id;
    tx.insert(streetAdmins).values({ streetId, userId: userId("street1") }).run();
    createCommunityIn(tx, { streetId, actorId: userId("street1"), community: { slug: "anle", nameZh: "安乐社区", nameEn: "Anle", kind: "urban", timeZone: "Asia/Shanghai" } });
    createDepartmentIn(tx, { streetId, department: { nameZh: "平安城管", nameEn: "Ping'an City Management", contact: "", responseHours: 24 } });
    createDepartmentIn(tx, { streetId, department: { nameZh: "平安住建", nameEn: "Ping'an Housing", contact: "", responseHours: 48 } });
    // A street with a community and nothing else: the page still renders.
    const empty = tx.insert(streets).values({ slug: "kongjie", nameZh: "空街道", nameEn: "Empty" }).returning({ id: streets.id }).get().id;
    tx.insert(streetAdmins).values({ streetId: empty, userId: userId("street1") }).run();
    createCommunityIn(tx, { streetId: empty, actorId: userId("street1"), community: { slug: "kongcun", nameZh: "空村", nameEn: "Kong", kind: "village" } });
    tx.insert(streets).values({ slug: "not-mine", nameZh: "别人的街道", nameEn: "Not mine" }).run();
  });
  // October 2025 (Shanghai): three calls on 平安城管 — answered in 2 h and resolved by its promise, answered
  // in 30 h (late: its limit is 24 h), never answered — and one on 平安住建 in September.
  const t1 = topic(at("2025-10-05T02:00:00Z"), 2); // decided in 2 days: in time
  const t2 = topic(at("2025-10-10T02:00:00Z"), 10); // 10 days: late
  topic(at("2025-09-20T02:00:00Z"), 1); // September
  const sent = at("2025-10-06T02:00:00Z");
  insertCall({ street: "pingan", topicId: t1, department: "平安城管", sentAt: sent, respondedAfterHours: 2, promisedBy: at("2025-10-11T02:00:00Z"), resolvedAt: at("2025-10-09T02:00:00Z"), result: "已处理" });
  insertCall({ street: "pingan", topicId: t2, department: "平安城管", sentAt: sent, respondedAfterHours: 30 });
  insertCall({ street: "pingan", topicId: t2, department: "平安城管", sentAt: sent, origin: "street" });
  insertCall({ street: "pingan", topicId: t2, department: "平安住建", sentAt: at("2025-09-25T02:00:00Z"), respondedAfterHours: 1 });
  // t1's round settled in October: 80% satisfied.
  db.insert(ratingWindows).values({ communityId: communityId("anle"), topicId: t1, opensAt: at("2025-10-12T00:00:00Z"), closesAt: at("2025-10-19T00:00:00Z"), settledAt: at("2025-10-19T00:00:00Z"), outcome: "closed", satisfiedPct: 80 }).run();
});

async function page(query = "", username = "street1") {
  const res = await http.fetch(PAGE + query, { cookie: await as(username) });
  return { status: res.status, html: await res.text() };
}

/** The table cell of a row's figure, as shown. */
function cell(html: string, section: "dept" | "comm", row: string, key: string): string {
  const table = html.slice(html.indexOf(`data-testid="${section}-table"`));
  const tr = new RegExp(`<tr[^>]*data-row="${row}"[^>]*>([\\s\\S]*?)</tr>`).exec(table)?.[1] ?? "";
  return new RegExp(`data-cell="${key}"[^>]*>([^<]*)<`).exec(tr)?.[1] ?? "(none)";
}

const deptId = (html: string, name: string) => new RegExp(`<tr[^>]*data-row="(\\d+)"[^>]*><th[^>]*>${name}<`).exec(html)![1];

describe("综合评价", () => {
  it("is the street admin's page: signed out → sign in, residents 403, a street not theirs 404, a bad month 400", async () => {
    expect((await http.fetch(PAGE)).status).toBe(302);
    expect((await http.fetch("/s/huacheng/evaluation", { cookie: await as("resident1") })).status).toBe(403);
    expect((await http.fetch("/s/huacheng/evaluation", { cookie: await as("zhujian1") })).status).toBe(403);
    expect((await http.fetch("/s/not-mine/evaluation", { cookie: await as("street1") })).status).toBe(404);
    const bad = await page("?month=2025-13");
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("月份格式应为 2026-11");
    expect(await (await http.fetch("/s/huacheng", { cookie: await as("street1") })).text()).toContain('href="/s/huacheng/evaluation"');
  });

  it("gives each department's and community's figures for the month, as charts and a table", async () => {
    const { status, html } = await page("?month=2025-10");
    expect(status).toBe(200);
    expect(html).toContain("平安街道 · 2025 年 10 月 · 部门响应评价");
    const a = deptId(html, "平安城管");
    const b = deptId(html, "平安住建");
    expect(cell(html, "dept", a, "received")).toBe("3");
    expect(cell(html, "dept", a, "medianResponse")).toBe("16 小时");
    expect(cell(html, "dept", a, "answeredInTime")).toBe("33%");
    expect(cell(html, "dept", a, "resolvedByPromise")).toBe("100%");
    expect(cell(html, "dept", a, "satisfaction")).toBe("80%");
    expect(cell(html, "dept", b, "received")).toBe("0");
    expect(cell(html, "dept", b, "medianResponse")).toBe("无数据");
    expect(cell(html, "comm", "anle", "received")).toBe("2");
    expect(cell(html, "comm", "anle", "medianScreening")).toBe("6 天");
    expect(cell(html, "comm", "anle", "screenedInTime")).toBe("50%");
    expect(cell(html, "comm", "anle", "satisfaction")).toBe("80%");
    expect(cell(html, "comm", "anle", "callsMade")).toBe("2");
    // The charts: accessible SVG with the same numbers in their description, and bars drawn for them.
    expect(html).toMatch(/data-testid="dept-received"[\s\S]*?role="img"/);
    expect(html).toMatch(/<desc id="dept-answeredInTime-desc">平安城管 33%, 平安住建 无数据<\/desc>/);
    expect(html).toMatch(new RegExp(`data-value="${a}"[^>]*>3<`));
    // Printable: A4 portrait, a page per section.
    expect(html).toContain("@page { size: A4 portrait;");
    expect(html).toContain("break-after: page");
  });

  it("filters by month, and shows all time", async () => {
    const sept = (await page("?month=2025-09")).html;
    expect(cell(sept, "dept", deptId(sept, "平安城管"), "received")).toBe("0");
    expect(cell(sept, "dept", deptId(sept, "平安住建"), "received")).toBe("1");
    expect(cell(sept, "dept", deptId(sept, "平安住建"), "answeredInTime")).toBe("100%");
    expect(cell(sept, "comm", "anle", "received")).toBe("1");
    expect(cell(sept, "comm", "anle", "satisfaction")).toBe("无数据");
    const all = (await page("?month=all")).html;
    expect(all).toContain("平安街道 · 全部时间 · 部门响应评价");
    expect(cell(all, "dept", deptId(all, "平安城管"), "received")).toBe("3");
    expect(cell(all, "dept", deptId(all, "平安住建"), "received")).toBe("1");
    expect(cell(all, "comm", "anle", "received")).toBe("3");
    // This month by default, with links to the months around it.
    const current = await page();
    expect(current.status).toBe(200);
    expect(current.html).toMatch(/name="month"[^>]*value="\d{4}-\d\d"/);
  });

  it("renders with no calls, no departments and no topics at all", async () => {
    const res = await http.fetch("/s/kongjie/evaluation?month=2024-01", { cookie: await as("street1") });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("街道还没有部门。");
    expect(cell(html, "comm", "kongcun", "received")).toBe("0");
    expect(cell(html, "comm", "kongcun", "medianScreening")).toBe("无数据");
    const english = await http.fetch("/s/kongjie/evaluation?month=2024-01", { cookie: `${await as("street1")}; ${await http.english()}` });
    expect(await english.text()).toContain("The street has no departments yet.");
  });
});
