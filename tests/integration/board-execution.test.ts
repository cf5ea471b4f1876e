// The loop's public end over real HTTP: residents rate a result on the topic page, the topic page
// tells the topic's whole life, and the public board shows execution progress, results, the ledger's
// verdict, an Atom feed and evidence photos — with no resident named.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { ledgerEntries, topics } from "../../db/schema";
import { DAY_MS, resetClock, shiftClock } from "~/models/clock.server";
import { addTask, createUnit, reportCompletion, reportProgress } from "~/models/execution.server";
import { freezeDraft } from "~/models/freeze.server";
import { verifyLedger } from "~/models/ledger.server";
import { checkPhotos, createTopicWithPhotos, listTopicPhotos } from "~/models/photo.server";
import type { Role } from "~/workflow/roles";
import { publicOrigin } from "~/security/public-origin.server";
import { makePng } from "../fixtures/propose";
import { consultingTopic } from "./support/consultation";
import { communityId, createCommunity, userId } from "./support/db";
import { signedIn, useServer } from "./support/http";
import { useOwnUploadsDir } from "./support/propose";
import { child, parseXml } from "./support/xml";

useOwnUploadsDir();
const http = useServer();
const as = signedIn(http);
afterEach(() => resetClock());

const cid = () => communityId("mingyue");
const committee = () => ({ communityId: cid(), userId: userId("committee1"), roles: ["committee"] as Role[] });
const executor = () => ({ communityId: cid(), userId: userId("executor1"), roles: ["executor"] as Role[] });
const RESIDENT_NAMES = ["张晓梅", "李建国", "陈芳"];
let made = 0;

async function png(seed: number) {
  const { photos } = await checkPhotos([new File([new Uint8Array(makePng({ seed }))], "p.png")]);
  return photos;
}

/** A topic in execution with one task of a fresh unit of executor1. */
function executingTopic(title?: string) {
  const { id } = consultingTopic({ category: "activities", text: "活动方案。" });
  if (title) getDb().update(topics).set({ title }).where(eq(topics.id, id)).run();
  expect(freezeDraft({ ...committee(), topicId: id })).toMatchObject({ ok: true, to: "executing" });
  const unit = createUnit({ ...committee(), name: `看板测试单位${++made}-${id}`, kind: "property", contact: "020-1", memberIds: [userId("executor1")] });
  if (!unit.ok) throw new Error(unit.problem);
  const task = addTask({ ...committee(), topicId: id, task: { title: `布置场地${made}`, unitId: unit.id, dueAt: new Date(Date.now() + 5 * DAY_MS), budgetFen: 123_400 } });
  if (!task.ok) throw new Error(task.problem);
  return { id, taskId: task.id };
}

/** A topic in supervision: its task reported done with a photo, completion reported, the rating window open. */
async function verifyingTopic() {
  const { id, taskId } = executingTopic();
  const report = reportProgress({ ...executor(), taskId, body: "场地布置完毕,现场已清理。", percent: 100, spentFen: 100_000, photos: await png(71) });
  expect(report.ok).toBe(true);
  expect(reportCompletion({ ...committee(), topicId: id }).ok).toBe(true);
  return id;
}

const rate = async (topicId: number, username: string, rating = "satisfied") =>
  http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as(username), form: { intent: "rate", rating, comment: "挺好" } });

describe("the residents' rating on the topic page", () => {
  it("takes one rating per resident, refuses non-residents, and closes with the window", async () => {
    const id = await verifyingTopic();
    const page = await (await http.fetch(`/c/mingyue/topics/${id}`, { cookie: await as("resident1") })).text();
    expect(page).toContain('data-testid="rate-form"');
    expect(page).toContain("还没有人评价");
    expect(page).toContain("结项门槛 60%");

    const first = await rate(id, "resident1");
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`/c/mingyue/topics/${id}#rating`);
    const again = await rate(id, "resident1", "unsatisfied");
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("您已评价过");
    const supervisor = await rate(id, "supervisor1");
    expect(supervisor.status).toBe(403);
    expect((await rate(id, "resident2", "no-such-rating")).status).toBe(400);

    const after = await (await http.fetch(`/c/mingyue/topics/${id}`, { cookie: await as("resident1") })).text();
    expect(after).toContain("您已评价:满意");
    expect(after).not.toContain('data-testid="rate-form"');
    expect(after).toContain("满意率 100%(共 1 人评价)");

    shiftClock(15 * DAY_MS);
    const late = await rate(id, "resident2");
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("评价期已结束");
  });

  it("lists the plan, the report with its percent and the rating window in the topic's history", async () => {
    const id = await verifyingTopic();
    const html = await (await http.fetch(`/c/mingyue/topics/${id}`, { cookie: await as("resident2") })).text();
    const history = html.slice(html.indexOf('data-testid="topic-history"'));
    expect(history).toMatch(/执行任务「布置场地\d+」/);
    expect(history).toMatch(/进度报告「布置场地\d+」:100%/);
    expect(history).toContain("场地布置完毕,现场已清理。");
    expect(history).toContain("满意度评价开始");
    expect(history).toContain('data-stage="execution"');
    expect(history).toContain('data-stage="supervision"');
    // The stages come in their order, the report before the window.
    expect(history.indexOf("进度报告")).toBeLessThan(history.indexOf("满意度评价开始"));
  });
});

describe("the public board's execution and results", () => {
  it("shows tasks with progress, overdue flags, reports and photos, and results with satisfaction, naming no resident", async () => {
    const id = await verifyingTopic();
    const photoId = listTopicPhotos({ communityId: cid(), topicId: id }).length; // proposal photos only: none
    expect(photoId).toBe(0);
    const html = await (await http.fetch("/c/mingyue/board")).text();
    const execution = html.slice(html.indexOf('data-testid="board-execution"'), html.indexOf('data-testid="board-results"'));
    expect(execution).toContain("拆除旧滑梯并安装新组合滑梯");
    expect(execution).toContain("明月物业服务中心");
    expect(execution).toContain("60%");
    expect(execution).toContain("新组合滑梯到货并完成基础施工");
    expect(execution).toMatch(/data-overdue="true"/);
    expect(execution).toContain("已逾期");
    expect(execution).toContain("场地布置完毕,现场已清理。");
    expect(execution).toMatch(/<img src="\/c\/mingyue\/board\/photos\/\d+"/);
    const results = html.slice(html.indexOf('data-testid="board-results"'), html.indexOf('data-testid="board-decisions"'));
    expect(results).toContain("重阳节敬老活动如期举办");
    expect(results).toContain("已结项");
    expect(results).toContain("满意率 85%(共 14 人评价)");
    for (const name of RESIDENT_NAMES) expect(html).not.toContain(name);
    expect(html).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(html).toContain('href="/c/mingyue/board/verify"');
  });
});

describe("the board's Atom feed", () => {
  it("is well-formed Atom, escapes hostile text and names no resident", async () => {
    const hostile = `<script>alert("x")</script> & 'co' 测试`;
    const { taskId } = executingTopic(hostile);
    expect(reportProgress({ ...executor(), taskId, body: "进度 <b>一半</b> & 更多", percent: 50, spentFen: 0, photos: [] }).ok).toBe(true);
    const res = await http.fetch("/c/mingyue/board/feed.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
    const xml = await res.text();
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("<b>");
    const feed = parseXml(xml);
    expect(feed.name).toBe("feed");
    expect(feed.attributes.xmlns).toBe("http://www.w3.org/2005/Atom");
    const entries = feed.children.filter((c) => c.name === "entry");
    expect(entries.length).toBeGreaterThan(5);
    expect(entries.length).toBeLessThanOrEqual(50);
    for (const entry of entries) {
      expect(child(entry, "id")?.text).toMatch(/^tag:[^,]+,2026:mingyue\//);
      expect(child(entry, "title")?.text).toBeTruthy();
      expect(Number.isNaN(Date.parse(child(entry, "updated")?.text ?? ""))).toBe(false);
      // Links from the public origin (PUBLIC_ORIGIN; unset here: localhost), never from Host.
      expect(child(entry, "link")?.attributes.href?.startsWith(`${publicOrigin()}/c/mingyue/board`)).toBe(true);
      expect(child(entry, "summary")).toBeDefined();
    }
    const ids = entries.map((e) => child(e, "id")!.text);
    expect(new Set(ids).size).toBe(ids.length);
    const titles = entries.map((e) => child(e, "title")!.text);
    expect(titles.some((t) => t.includes(hostile))).toBe(true);
    expect(entries.some((e) => child(e, "summary")!.text.includes("进度 <b>一半</b> & 更多"))).toBe(true);
    // Newest first.
    const times = entries.map((e) => Date.parse(child(e, "updated")!.text));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const name of RESIDENT_NAMES) expect(xml).not.toContain(name);
  });
});

describe("the board's ledger check", () => {
  it("shows the head hash and OK, and names the first broken entry after a hand edit, nothing else of the ledger", async () => {
    const mingyue = await (await http.fetch("/c/mingyue/board/verify")).text();
    const verdict = verifyLedger({ communityId: cid() });
    if (!verdict.ok) throw new Error("seeded ledger broken");
    expect(mingyue).toContain(verdict.headHash);
    expect(mingyue).toContain('data-ok="true"');

    const own = createCommunity({ entries: 6 });
    const before = await (await http.fetch(`/c/${own.slug}/board/verify`)).text();
    expect(before).toContain('data-ok="true"');
    expect(before).toContain("共 6 条记录");
    expect(before).not.toContain("test.event");
    expect(before).not.toContain("test:1");
    // A hand edit: someone with the database file drops the append-only guard and changes a row.
    getDb().$client.exec("DROP TRIGGER IF EXISTS ledger_entries_no_update;");
    getDb().update(ledgerEntries).set({ payload: '{"i":99}' }).where(and(eq(ledgerEntries.communityId, own.id), eq(ledgerEntries.seq, 4))).run();
    const after = await (await http.fetch(`/c/${own.slug}/board/verify`)).text();
    expect(after).toContain('data-ok="false"');
    expect(after).toContain("台账在第 4 条处断裂");
    expect(after).not.toContain('data-testid="verify-head"');
  });
});

describe("the board's evidence photos", () => {
  it("serves a progress photo to anyone, and 404s a proposal photo and another community's photo", async () => {
    const { taskId } = executingTopic();
    const report = reportProgress({ ...executor(), taskId, body: "有照片", percent: 40, spentFen: 0, photos: await png(72) });
    expect(report.ok).toBe(true);
    const html = await (await http.fetch("/c/mingyue/board")).text();
    const ids = [...html.matchAll(/\/c\/mingyue\/board\/photos\/(\d+)/g)].map((m) => Number(m[1]));
    const progressId = Math.max(...ids);
    const res = await http.fetch(`/c/mingyue/board/photos/${progressId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(Buffer.from(await res.arrayBuffer()).equals(makePng({ seed: 72 }))).toBe(true);

    const proposal = createTopicWithPhotos({
      topic: { communityId: cid(), proposerId: userId("resident1"), title: "带照片的议题", description: "", location: "", categoryId: null, source: "resident" },
      photos: await png(73),
    });
    const proposalPhoto = listTopicPhotos({ communityId: cid(), topicId: proposal.id })[0].id;
    expect((await http.fetch(`/c/mingyue/board/photos/${proposalPhoto}`)).status).toBe(404);
    expect((await http.fetch(`/c/mingyue/photos/${proposalPhoto}`, { cookie: await as("resident2") })).status).toBe(200);
    expect((await http.fetch(`/c/shiliu/board/photos/${progressId}`)).status).toBe(404);
    expect((await http.fetch(`/c/mingyue/board/photos/0${progressId}`)).status).toBe(404);
  });
});
