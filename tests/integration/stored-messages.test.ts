// Sentences the system makes are stored as message keys and values and said in the reader's
// language, over real HTTP: a solicitation's summary (a comment: the counts as a message, the
// committee's note as the body) and the reason a topic went back to execution (the topic page, its
// history, the notification); the zh-CN text stays in the record and the ledger, and rows made
// before messages were stored show their text as written.
import { and, desc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { ledgerEntries, topicComments, topicEvents, topics } from "../../db/schema";
import { DAY_MS, resetClock, shiftClock } from "~/models/clock.server";
import { answerSolicitation, closeSolicitation, openSolicitation, summariseSolicitation } from "~/models/consultation.server";
import { runDueDeadlines } from "~/models/deadline.server";
import { addTask, createUnit, reportCompletion, reportProgress } from "~/models/execution.server";
import { freezeDraft } from "~/models/freeze.server";
import { raiseRectification, rateResult } from "~/models/supervision.server";
import type { Role } from "~/workflow/roles";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { signedIn, useServer } from "./support/http";

const http = useServer();
const as = signedIn(http);
afterEach(() => resetClock());

const cid = () => communityId("mingyue");
const actor = (username: string, role: Role) => ({ communityId: cid(), userId: userId(username), roles: [role] });
const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");

async function read(path: string, username: string, english: boolean): Promise<string> {
  const cookie = [await as(username), english ? await http.english() : null].filter(Boolean).join("; ");
  const res = await http.fetch(path, { cookie });
  expect(res.status, path).toBe(200);
  return res.text();
}

function must<T extends { ok: boolean }>(result: T): T {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

describe("a solicitation's summary", () => {
  it("is a message with the counts and the committee's note as the body, said in each reader's language", async () => {
    const { id } = consultingTopic();
    const s = must(openSolicitation({ ...actor("committee1", "committee"), topicId: id, question: "是否同意在东门安装充电棚?", deadline: new Date(Date.now() + 7 * DAY_MS) })) as { id: number };
    must(answerSolicitation({ ...actor("resident1", "resident"), topicId: id, consultationId: s.id, stance: "support", text: "" }));
    must(answerSolicitation({ ...actor("resident2", "resident"), topicId: id, consultationId: s.id, stance: "oppose", text: "" }));
    must(closeSolicitation({ ...actor("committee1", "committee"), topicId: id, consultationId: s.id }));
    must(summariseSolicitation({ ...actor("committee1", "committee"), topicId: id, consultationId: s.id, note: "多数支持,按方案推进。" }));

    const row = getDb().select().from(topicComments).where(eq(topicComments.topicId, id)).orderBy(desc(topicComments.id)).get()!;
    expect(row.message).toEqual({ key: "consultation.summaryComment", values: { question: "是否同意在东门安装充电棚?", support: 1, supportWithChanges: 0, oppose: 1 } });
    expect(row.body).toBe("多数支持,按方案推进。");

    const zh = visible(await read(`/c/mingyue/topics/${id}`, "resident1", false));
    expect(zh).toContain("【征求意见小结】是否同意在东门安装充电棚? 支持 1 · 修改后支持 0 · 反对 1 多数支持,按方案推进。");
    const en = visible(await read(`/c/mingyue/topics/${id}`, "resident1", true));
    expect(en).toContain("[Summary of the opinion solicitation] 是否同意在东门安装充电棚? Support 1 · support with changes 0 · oppose 1 多数支持,按方案推进。");
    expect(en).not.toContain("【征求意见小结】");
  });

  it("a comment made before messages were stored shows its text as written", async () => {
    const { id } = consultingTopic();
    getDb().insert(topicComments).values({ topicId: id, authorId: userId("committee1"), body: "【征求意见小结】旧的小结\n支持 3 · 修改后支持 0 · 反对 0", createdAt: new Date() }).run();
    expect(visible(await read(`/c/mingyue/topics/${id}`, "resident1", true))).toContain("【征求意见小结】旧的小结 支持 3 · 修改后支持 0 · 反对 0");
  });
});

let units = 0;
/** A topic in supervision (decided by the committee without a vote), its one task done by executor1's unit. */
function verifyingTopic() {
  const committee = actor("committee1", "committee");
  const { id } = consultingTopic({ category: "activities", text: "重阳节活动方案。" });
  must(freezeDraft({ communityId: cid(), topicId: id, userId: committee.userId, roles: ["committee"] }));
  const unit = must(createUnit({ ...committee, name: `消息测试单位${++units}-${id}`, kind: "property", contact: "020-12345678", memberIds: [userId("executor1")] })) as { id: number };
  const task = must(addTask({ ...committee, topicId: id, task: { title: "布置场地", unitId: unit.id, dueAt: new Date(Date.now() + 5 * DAY_MS), budgetFen: null } })) as { id: number };
  must(reportProgress({ ...actor("executor1", "executor"), taskId: task.id, body: "完成", percent: 100, spentFen: 0, photos: [] }));
  must(reportCompletion({ ...committee, topicId: id }));
  return { id, taskId: task.id };
}

describe("the reason a topic went back to execution", () => {
  it("is stored as a message (the open demand a value) and said in each reader's language; the record and the ledger keep the zh-CN text", async () => {
    const { id, taskId } = verifyingTopic();
    must(raiseRectification({ ...actor("supervisor1", "supervisor"), taskId, body: "座椅未固定" }));
    must(rateResult({ ...actor("resident1", "resident"), topicId: id, rating: "unsatisfied", comment: "" }));
    shiftClock(15 * DAY_MS);
    runDueDeadlines();

    const topic = getDb().select().from(topics).where(eq(topics.id, id)).get()!;
    expect(topic.state).toBe("executing");
    expect(topic.publicReasonMessage).toEqual({
      key: "supervision.reopen.reason",
      parts: [{ key: "supervision.reopen.notVerified" }, { key: "supervision.reopen.belowThreshold", values: { pct: 0, thresholdPct: expect.any(Number) } }, { key: "supervision.reopen.demand", values: { body: "座椅未固定" } }],
    });
    expect(topic.publicReason).toMatch(/^未经监督委员会现场核实通过;满意率 0% 低于 \d+%;整改:座椅未固定$/);
    const event = getDb().select().from(topicEvents).where(and(eq(topicEvents.topicId, id), eq(topicEvents.action, "reopen"))).get()!;
    expect(event.reasonMessage).toEqual(topic.publicReasonMessage);
    expect(event.reason).toBe(topic.publicReason);
    const entry = getDb().select().from(ledgerEntries).where(and(eq(ledgerEntries.type, "topic.reopen"), eq(ledgerEntries.subject, `topic:${id}`))).get()!;
    expect(JSON.parse(entry.payload).reason).toBe(topic.publicReason);

    const en = await read(`/c/mingyue/topics/${id}`, "resident1", true);
    const reasonBox = visible(en.match(/data-testid="topic-reason"[\s\S]*?<\/div>/)![0]);
    expect(reasonBox).toMatch(/not verified on site by the supervisory committee; satisfaction 0% is below \d+%; to rectify: 座椅未固定/);
    expect(visible(en).match(/not verified on site by the supervisory committee/g)?.length).toBeGreaterThanOrEqual(2); // the header and the history
    expect(visible(en)).not.toContain("未经监督委员会现场核实通过");
    const zh = visible(await read(`/c/mingyue/topics/${id}`, "resident1", false));
    expect(zh).toContain("未经监督委员会现场核实通过;满意率 0% 低于");

    // The proposer (committee1) is told, in their language.
    const told = visible(await read("/notifications", "committee1", true));
    expect(told).toMatch(/not verified on site by the supervisory committee; satisfaction 0% is below \d+%; to rectify: 座椅未固定/);
    expect(visible(await read("/notifications", "committee1", false))).toContain("未经监督委员会现场核实通过;满意率 0% 低于");
  });

  it("a reason recorded before messages were stored shows its text as written", async () => {
    const { id } = verifyingTopic();
    must(rateResult({ ...actor("resident1", "resident"), topicId: id, rating: "satisfied", comment: "" }));
    shiftClock(15 * DAY_MS);
    runDueDeadlines();
    getDb().update(topics).set({ publicReasonMessage: null, publicReason: "旧的理由:需继续整改" }).where(eq(topics.id, id)).run();
    getDb().update(topicEvents).set({ reasonMessage: null, reason: "旧的理由:需继续整改" }).where(and(eq(topicEvents.topicId, id), eq(topicEvents.action, "reopen"))).run();
    const en = visible(await read(`/c/mingyue/topics/${id}`, "resident1", true));
    expect(en.match(/旧的理由:需继续整改/g)?.length).toBe(2);
  });
});
