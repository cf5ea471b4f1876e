// 公示 for at least 15 days (村委会组织法 Art. 35, 居委会组织法 Art. 34): a resolution, a committee's
// decision on a category that needs no vote, a consultation's outcome and an execution result each get
// a publications row when they happen, and the public board and its Atom feed show each with its
// period (start – end) and whether it is still running (公示中 / 已期满), over real HTTP.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { publications, resolutions, rules, topics } from "../../db/schema";
import { formatsFor } from "~/components/topic/formats";
import { castBallot } from "~/models/ballot.server";
import { DAY_MS, now, resetClock, shiftClock } from "~/models/clock.server";
import { closeSolicitation, openSolicitation, summariseSolicitation } from "~/models/consultation.server";
import { addTask, createUnit, reportCompletion, reportProgress } from "~/models/execution.server";
import { freezeDraft } from "~/models/freeze.server";
import { verifyLedger } from "~/models/ledger.server";
import { publishResult } from "~/models/supervision.server";
import type { PublicationKind } from "~/workflow/meetings";
import type { Role } from "~/workflow/roles";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";
import { closeMotion, openMotion, startedMeeting } from "./support/meeting";

const http = useServer();
afterEach(() => resetClock());

const cid = () => communityId("mingyue");
const committee = () => ({ communityId: cid(), userId: userId("committee1"), roles: ["committee"] as Role[] });
const rep = (n: number) => userId(`rep${String(n).padStart(2, "0")}`);
const title = (topicId: number) => getDb().select({ title: topics.title }).from(topics).where(eq(topics.id, topicId)).get()!.title;
const publication = (kind: PublicationKind, refId: number) =>
  getDb().select().from(publications).where(and(eq(publications.kind, kind), eq(publications.refId, refId))).get();
const days = (p: { publishedAt: Date; endsAt: Date }) => (p.endsAt.getTime() - p.publishedAt.getTime()) / DAY_MS;

function ok<T extends object>(r: { ok: true } & T | { ok: false; problem: string }): T {
  if (!r.ok) throw new Error(r.problem);
  return r;
}

/** A resolution of mingyue: every representative present and for. */
function passedResolution() {
  const present = Array.from({ length: 15 }, (_, i) => ({ id: rep(i + 1) }));
  const meeting = startedMeeting({ present });
  const [motionId] = meeting.motionIds;
  openMotion(meeting.id, motionId);
  for (const { id } of present) ok(castBallot({ communityId: cid(), userId: id, roles: ["representative"], meetingId: meeting.id, motionId, choice: "yes" }));
  const closed = closeMotion(meeting.id, motionId);
  if (closed.resolutionId === null) throw new Error("the motion did not pass");
  return { resolutionId: closed.resolutionId, topicId: meeting.topicIds[0] };
}

/** A topic of a category decided without a vote, frozen: the committee's decision moves it to execution. */
function decidedTopic() {
  const { id } = consultingTopic({ category: "activities", text: "重阳节长者聚餐方案。" });
  expect(freezeDraft({ ...committee(), topicId: id })).toMatchObject({ ok: true, to: "executing" });
  return id;
}

let units = 0;
function verifyingTopic() {
  const id = decidedTopic();
  const unit = ok(createUnit({ ...committee(), name: `公示测试单位${++units}-${id}`, kind: "property", contact: "020-12345678", memberIds: [userId("executor1")] }));
  const task = ok(addTask({ ...committee(), topicId: id, task: { title: "布置场地", unitId: unit.id, dueAt: new Date(now().getTime() + 5 * DAY_MS), budgetFen: null } }));
  ok(reportProgress({ communityId: cid(), userId: userId("executor1"), roles: ["executor"], taskId: task.id, body: "完成", percent: 100, spentFen: 0, photos: [] }));
  ok(reportCompletion({ ...committee(), topicId: id }));
  return id;
}

describe("publications", () => {
  it("puts a resolution on the board for 15 days, and its own 公示 period is 15 days, even where an old rules row says 7", () => {
    getDb().update(rules).set({ publicityDays: 7 }).where(eq(rules.communityId, cid())).run();
    try {
      const { resolutionId, topicId } = passedResolution();
      const resolution = getDb().select().from(resolutions).where(eq(resolutions.id, resolutionId)).get()!;
      expect(resolution.publicityEndsAt.getTime() - resolution.publishedAt.getTime()).toBe(15 * DAY_MS);
      const row = publication("resolution", resolutionId)!;
      expect(row).toMatchObject({ communityId: cid(), topicId, title: title(topicId) });
      expect(row.publishedAt.getTime()).toBe(resolution.publishedAt.getTime());
      expect(days(row)).toBe(15);
    } finally {
      getDb().update(rules).set({ publicityDays: 15 }).where(eq(rules.communityId, cid())).run();
    }
  });

  it("publishes the committee's decision on a category that needs no vote, and nothing when the topic goes to a vote", () => {
    const id = decidedTopic();
    expect(publication("committeeDecision", id)).toMatchObject({ topicId: id, title: title(id) });
    expect(days(publication("committeeDecision", id)!)).toBe(15);
    const voted = consultingTopic({ text: "东门路灯更换。" });
    expect(freezeDraft({ ...committee(), topicId: voted.id })).toMatchObject({ ok: true, to: "onAgenda" });
    expect(publication("committeeDecision", voted.id)).toBeUndefined();
  });

  it("publishes a consultation's outcome when the committee records it", () => {
    const { id } = consultingTopic({ text: "停车位划线方案。" });
    const s = ok(openSolicitation({ ...committee(), topicId: id, question: "是否同意划线方案?", deadline: new Date(now().getTime() + 7 * DAY_MS) }));
    ok(closeSolicitation({ ...committee(), topicId: id, consultationId: s.id }));
    expect(publication("consultationOutcome", s.id)).toBeUndefined();
    ok(summariseSolicitation({ ...committee(), topicId: id, consultationId: s.id, note: "多数同意。" }));
    expect(publication("consultationOutcome", s.id)).toMatchObject({ topicId: id, title: title(id) });
    expect(days(publication("consultationOutcome", s.id)!)).toBe(15);
    expect(verifyLedger({ communityId: cid() }).ok).toBe(true);
  });

  it("publishes the execution result when the committee makes it public", () => {
    const id = verifyingTopic();
    const result = ok(publishResult({ ...committee(), topicId: id, summary: "活动如期举办,参与老人 120 人。" }));
    expect(publication("executionResult", result.id)).toMatchObject({ topicId: id, title: title(id) });
    expect(days(publication("executionResult", result.id)!)).toBe(15);
    expect(verifyLedger({ communityId: cid() }).ok).toBe(true);
  });

  it("shows every kind on the board with its period and 公示中, then 已期满 after 15 days; the Atom feed lists them with their periods", async () => {
    const { resolutionId } = passedResolution();
    const decided = decidedTopic();
    const { id: consulted } = consultingTopic({ text: "垃圾分类投放点调整。" });
    const s = ok(openSolicitation({ ...committee(), topicId: consulted, question: "是否同意调整?", deadline: new Date(now().getTime() + 7 * DAY_MS) }));
    ok(summariseSolicitation({ ...committee(), topicId: consulted, consultationId: s.id, note: "" }));
    const result = ok(publishResult({ ...committee(), topicId: verifyingTopic(), summary: "已完成。" }));
    const rows = [publication("resolution", resolutionId)!, publication("committeeDecision", decided)!, publication("consultationOutcome", s.id)!, publication("executionResult", result.id)!];
    const { date } = formatsFor("zh-CN");

    const items = async () => {
      const html = await (await http.fetch("/c/mingyue/board")).text();
      const section = html.slice(html.indexOf('data-testid="board-publications"'), html.indexOf('data-testid="board-meetings"'));
      expect(section).toContain("每项公示不少于 15 天(居委会组织法第三十四条)");
      return section.split('data-testid="board-publication"').slice(1).map((li) => li.replace(/<[^>]+>/g, ""));
    };
    const running = await items();
    for (const row of rows) {
      const item = running.find((text) => text.includes(`「${row.title}」`) && text.includes(`公示期 ${date.format(row.publishedAt)} 至 ${date.format(row.endsAt)}`));
      expect(item, `${row.kind} ${row.title}`).toBeDefined();
      expect(item).toContain("公示中");
    }
    expect(running.some((text) => text.includes('data-kind="committeeDecision"') && text.includes("居委会决定"))).toBe(true);

    const feed = await (await http.fetch("/c/mingyue/board/feed.xml")).text();
    for (const row of rows) expect(feed).toContain(`公示期:${date.format(row.publishedAt)} 至 ${date.format(row.endsAt)}(公示中)`);
    expect(feed).toContain(`公示:决议 #`);

    shiftClock(15 * DAY_MS + 60_000);
    const over = await items();
    for (const row of rows) {
      const item = over.find((text) => text.includes(`「${row.title}」`) && text.includes(`公示期 ${date.format(row.publishedAt)} 至 ${date.format(row.endsAt)}`));
      expect(item).toContain("已期满");
    }
  });
});
