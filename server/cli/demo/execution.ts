import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client.server";
import { appendLedger, type AppendInput } from "../../../app/models/ledger.server";
import { publish } from "../../../app/models/publication.server";
import type { TopicAction } from "../../../app/workflow/transitions";
import { satisfactionPct, type Rating } from "../../../app/workflow/execution";
import { deadlines, executionResults, executionTasks, progressReports, ratings, ratingWindows, rectifications, topicEvents, topics, unitMembers, units, verifications } from "../../../db/schema";

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

interface ExecutionContext {
  communityId: number;
  userIds: Map<string, number>;
  /** Seeded topic ids by their number in the community. */
  topicIds: Map<number, number>;
  ratingWindowDays: number;
  thresholdPct: number;
}

/**
 * The demo's execution and supervision (明月社区): two units; #6 (执行) with two tasks, reports, an
 * overdue task and a rectification demand; #7 (监督) done, its rating window open with a few ratings
 * and an on-site check; #8 (结项) with a settled window and a published result. Rows and ledger entries
 * as the models write them, at moments that fit each topic's seeded history.
 */
export function writeExecution(tx: Tx, { communityId, userIds, topicIds, ratingWindowDays, thresholdPct }: ExecutionContext) {
  const uid = (username: string) => userIds.get(username)!;
  const committee = uid("committee1");
  const executor = uid("executor1");
  const supervisor = uid("supervisor1");
  const moveAt = (topicId: number, action: TopicAction | "create") => tx.select({ at: topicEvents.at }).from(topicEvents).where(and(eq(topicEvents.topicId, topicId), eq(topicEvents.action, action))).get()!.at;
  const ledger = (type: string, actorId: number | null, subject: string, payload: AppendInput["payload"], at: Date) => appendLedger(tx, { communityId, type, actorId, subject, payload, at });

  const topic6 = topicIds.get(6)!;
  const topic7 = topicIds.get(7)!;
  const topic8 = topicIds.get(8)!;
  const firstStart = new Date(Math.min(...[topic6, topic7, topic8].map((id) => moveAt(id, "endPublicity").getTime())) - DAY);

  const unit = (name: string, kind: "property" | "department", contact: string, members: number[]) => {
    const id = tx.insert(units).values({ communityId, name, kind, contact, createdAt: firstStart }).returning({ id: units.id }).get().id;
    for (const userId of members) tx.insert(unitMembers).values({ unitId: id, userId }).run();
    ledger("unit.created", committee, `unit:${id}`, { name, kind, members }, firstStart);
    return id;
  };
  const property = unit("明月物业服务中心", "property", "020-8888 6116(物业服务中心前台)", [executor]);
  unit("社区工作站", "department", "020-8888 1160(社区党群服务中心一楼)", []);

  const task = (topicId: number, title: string, plannedAt: Date, dueAt: Date, budgetFen: number | null) => {
    const id = tx.insert(executionTasks).values({ communityId, topicId, title, unitId: property, dueAt, budgetFen, createdBy: committee, createdAt: plannedAt }).returning({ id: executionTasks.id }).get().id;
    ledger("task.planned", committee, `topic:${topicId}`, { task: id, title, unit: property, dueAt: dueAt.toISOString(), budgetFen }, plannedAt);
    return id;
  };
  const report = (topicId: number, taskId: number, body: string, percent: number, spentFen: number, at: Date) => {
    const id = tx.insert(progressReports).values({ taskId, userId: executor, body, percent, spentFen, createdAt: at }).returning({ id: progressReports.id }).get().id;
    const row = tx.select({ spentFen: executionTasks.spentFen }).from(executionTasks).where(eq(executionTasks.id, taskId)).get()!;
    const done = percent >= 100;
    tx.update(executionTasks)
      .set({ percent, spentFen: row.spentFen + spentFen, lastReportAt: at, ...(done ? { status: "done" as const, doneAt: at, overdue: false } : {}) })
      .where(eq(executionTasks.id, taskId))
      .run();
    ledger("task.reported", executor, `topic:${topicId}`, { task: taskId, report: id, percent, spentFen, photos: [] }, at);
  };

  // #6 儿童游乐设施更新: in execution; the soft-floor task is past its due date.
  const start6 = moveAt(topic6, "endPublicity");
  const slide = task(topic6, "拆除旧滑梯并安装新组合滑梯", new Date(start6.getTime() + 2 * HOUR), new Date(start6.getTime() + 30 * DAY), 2_800_000);
  const floor = task(topic6, "铺设 80 平方米软地垫", new Date(start6.getTime() + 2 * HOUR), new Date(start6.getTime() + 8 * DAY), 700_000);
  report(topic6, slide, "旧滑梯已拆除,场地围蔽完成;新滑梯已向厂家下单。", 30, 0, new Date(start6.getTime() + 3 * DAY));
  report(topic6, floor, "软地垫已询价三家,选定供货商。", 20, 50_000, new Date(start6.getTime() + 5 * DAY));
  report(topic6, slide, "新组合滑梯到货并完成基础施工,等待安装验收。", 60, 1_650_000, new Date(start6.getTime() + 9 * DAY));
  const floorDue = new Date(start6.getTime() + 8 * DAY);
  tx.update(executionTasks).set({ overdue: true }).where(eq(executionTasks.id, floor)).run();
  ledger("task.overdue", null, `topic:${topic6}`, { task: floor, dueAt: floorDue.toISOString() }, floorDue);
  const demandAt = new Date(start6.getTime() + 10 * DAY);
  const demand = tx.insert(rectifications).values({ taskId: floor, raisedBy: supervisor, body: "软地垫铺设已逾期,请说明原因并在一周内完成铺设。", createdAt: demandAt }).returning({ id: rectifications.id }).get().id;
  ledger("rectification.raised", supervisor, `topic:${topic6}`, { task: floor, rectification: demand }, demandAt);

  // #7 2号楼化粪池堵塞疏通: tasks done, completion reported, the residents' rating window open.
  const start7 = moveAt(topic7, "endPublicity");
  const done7 = moveAt(topic7, "reportCompletion");
  const span7 = done7.getTime() - start7.getTime();
  const dredge = task(topic7, "疏通化粪池及排污管道", new Date(start7.getTime() + 2 * HOUR), new Date(start7.getTime() + 15 * DAY), 650_000);
  const covers = task(topic7, "更换破损井盖", new Date(start7.getTime() + 2 * HOUR), new Date(start7.getTime() + 15 * DAY), 150_000);
  report(topic7, dredge, "化粪池及主排污管道疏通完成,清运淤泥 6 车。", 100, 620_000, new Date(start7.getTime() + span7 * 0.5));
  report(topic7, covers, "更换破损井盖 3 个,加装防坠网。", 100, 138_000, new Date(start7.getTime() + span7 * 0.8));
  const window7 = openWindow(topic7, done7, new Date(done7.getTime() + ratingWindowDays * DAY), executor);
  tx.insert(deadlines).values({ communityId, topicId: topic7, kind: "ratingWindow", dueAt: new Date(done7.getTime() + ratingWindowDays * DAY) }).run();
  verify(topic7, window7, "现场查看:化粪池已疏通,井盖已更换,周边无外溢和异味。", new Date(done7.getTime() + 3 * HOUR));
  rate(topic7, window7, { resident1: "satisfied", rep01: "satisfied", resident2: "fair", rep02: "unsatisfied" }, new Date(done7.getTime() + 4 * HOUR));

  // #8 重阳节敬老活动: done, verified, rated (85% satisfied), closed and its result published.
  const start8 = moveAt(topic8, "endPublicity");
  const done8 = moveAt(topic8, "reportCompletion");
  const closed8 = moveAt(topic8, "close");
  const venue = task(topic8, "活动场地布置与餐饮保障", new Date(start8.getTime() + HOUR), new Date(done8.getTime() + DAY), 600_000);
  report(topic8, venue, "重阳节聚餐如期举办,86 位长者参加;场地已恢复原状。", 100, 580_000, new Date(done8.getTime() - HOUR));
  const window8 = openWindow(topic8, done8, closed8, executor);
  verify(topic8, window8, "现场查看活动记录和签到表,与方案一致。", new Date(done8.getTime() + 2 * HOUR));
  const votes8: Record<string, Rating> = {};
  ["rep01", "rep02", "rep03", "rep04", "rep05", "rep06", "rep07", "rep08", "resident1"].forEach((u) => (votes8[u] = "satisfied"));
  ["rep09", "rep10", "resident2"].forEach((u) => (votes8[u] = "fair"));
  ["rep11", "resident3"].forEach((u) => (votes8[u] = "unsatisfied"));
  const counts = rate(topic8, window8, votes8, new Date(done8.getTime() + 3 * HOUR));
  const pct = satisfactionPct(counts);
  tx.update(ratingWindows).set({ settledAt: closed8, outcome: "closed", satisfiedPct: pct }).where(eq(ratingWindows.id, window8)).run();
  ledger("rating.windowSettled", null, `topic:${topic8}`, { window: window8, ...counts, satisfiedPct: pct, verified: true, outcome: "closed", thresholdPct }, closed8);
  const publishedAt = new Date(closed8.getTime() + DAY);
  const summary = "重阳节敬老活动如期举办:86 位长者参加聚餐,社区医院义诊 120 人次;预算 6,000 元,实际支出 5,800 元。";
  const result = tx.insert(executionResults).values({ communityId, topicId: topic8, summary, publishedBy: committee, publishedAt }).returning({ id: executionResults.id }).get().id;
  ledger("result.published", committee, `topic:${topic8}`, { result }, publishedAt);
  publish(tx, { communityId, topicId: topic8, kind: "executionResult", refId: result, title: tx.select({ title: topics.title }).from(topics).where(eq(topics.id, topic8)).get()!.title, at: publishedAt });

  function openWindow(topicId: number, opensAt: Date, closesAt: Date, by: number) {
    const id = tx.insert(ratingWindows).values({ communityId, topicId, opensAt, closesAt }).returning({ id: ratingWindows.id }).get().id;
    ledger("rating.windowOpened", by, `topic:${topicId}`, { window: id, closesAt: closesAt.toISOString() }, opensAt);
    return id;
  }
  function verify(topicId: number, windowId: number, notes: string, at: Date) {
    const id = tx.insert(verifications).values({ windowId, supervisorId: supervisor, notes, verified: true, createdAt: at }).returning({ id: verifications.id }).get().id;
    ledger("verification.recorded", supervisor, `topic:${topicId}`, { window: windowId, verification: id, verified: true, photos: [] }, at);
  }
  function rate(topicId: number, windowId: number, given: Record<string, Rating>, from: Date): Record<Rating, number> {
    const tally: Record<Rating, number> = { satisfied: 0, fair: 0, unsatisfied: 0 };
    Object.entries(given).forEach(([username, rating], i) => {
      const at = new Date(from.getTime() + i * 37 * 60 * 1000);
      tx.insert(ratings).values({ windowId, userId: uid(username), rating, comment: "", createdAt: at }).run();
      ledger("rating.cast", uid(username), `topic:${topicId}`, { window: windowId, rating }, at);
      tally[rating] += 1;
    });
    return tally;
  }
}
