import { and, asc, desc, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { executionResults, executionTasks, progressReports, ratingWindows, topicPhotos, topics, units } from "../../db/schema";
import { ratingCounts } from "./supervision.server";

import type { PhotoPurpose } from "../workflow/execution";
import { getRules } from "./rules.server";

/**
 * The photos the public board may show (/c/:community/board/photos/:photoId): the units' evidence, the
 * supervisors' on-site photos and the departments' evidence on their calls (issue 19).
 */
export const PUBLIC_PHOTO_PURPOSES = ["progress", "verification", "callReport"] as const satisfies readonly PhotoPurpose[];

const BOARD_TOPICS = 20;
const PHOTOS_PER_TASK = 4;

/**
 * 执行进展: the topics in execution and supervision with their tasks — unit, due date, percent, the
 * overdue flag, the latest report's words and its evidence photos. No person is named: a report is
 * the unit's.
 */
export function listBoardExecution({ communityId }: { communityId: number }) {
  const db = getDb();
  const rows = db
    .select({ id: topics.id, number: topics.number, title: topics.title, state: topics.state })
    .from(topics)
    .where(and(eq(topics.communityId, communityId), inArray(topics.state, ["executing", "verifying"])))
    .orderBy(desc(topics.stageEnteredAt), desc(topics.number))
    .limit(BOARD_TOPICS)
    .all();
  if (rows.length === 0) return [];
  const tasks = db
    .select({
      id: executionTasks.id,
      topicId: executionTasks.topicId,
      title: executionTasks.title,
      unit: units.name,
      dueAt: executionTasks.dueAt,
      status: executionTasks.status,
      percent: executionTasks.percent,
      overdue: executionTasks.overdue,
      budgetFen: executionTasks.budgetFen,
      spentFen: executionTasks.spentFen,
    })
    .from(executionTasks)
    .innerJoin(units, eq(units.id, executionTasks.unitId))
    // A task removed from the plan is not work the board reports on (the ledger keeps it).
    .where(and(inArray(executionTasks.topicId, rows.map((r) => r.id)), isNull(executionTasks.removedAt)))
    .orderBy(asc(executionTasks.dueAt), asc(executionTasks.id))
    .all();
  const reports = tasks.length
    ? db
        .select({ id: progressReports.id, taskId: progressReports.taskId, body: progressReports.body, at: progressReports.createdAt })
        .from(progressReports)
        .where(inArray(progressReports.taskId, tasks.map((t) => t.id)))
        .orderBy(desc(progressReports.id))
        .all()
    : [];
  const photos = reports.length
    ? db
        .select({ id: topicPhotos.id, reportId: topicPhotos.reportId })
        .from(topicPhotos)
        // A progress report's photos only: a call report's (issue 19) name a call event by the same column.
        .where(and(inArray(topicPhotos.reportId, reports.map((r) => r.id)), eq(topicPhotos.purpose, "progress")))
        .orderBy(asc(topicPhotos.id))
        .all()
    : [];
  // Record ids stay here: the board's data names topics by number and nothing else by id.
  return rows.map(({ id: topicId, ...topic }) => ({
    ...topic,
    tasks: tasks
      .filter((t) => t.topicId === topicId)
      .map(({ topicId: _topic, id: taskId, ...t }) => {
        const mine = reports.filter((r) => r.taskId === taskId);
        const latest = mine[0] ?? null;
        const reportIds = new Set(mine.map((r) => r.id));
        return { ...t, latest: latest ? { body: latest.body, at: latest.at } : null, photoIds: photos.filter((p) => p.reportId !== null && reportIds.has(p.reportId)).map((p) => p.id).slice(0, PHOTOS_PER_TASK) };
      }),
  }));
}

/** 实施结果: each published result with its topic's final state and its settled rating rounds (counts and share). */
export function listBoardResults({ communityId }: { communityId: number }) {
  const db = getDb();
  const rows = db
    .select({ id: executionResults.id, topicId: topics.id, number: topics.number, title: topics.title, state: topics.state, summary: executionResults.summary, publishedAt: executionResults.publishedAt })
    .from(executionResults)
    .innerJoin(topics, eq(topics.id, executionResults.topicId))
    .where(eq(executionResults.communityId, communityId))
    .orderBy(desc(executionResults.publishedAt), desc(executionResults.id))
    .limit(BOARD_TOPICS)
    .all();
  const thresholdPct = getRules({ communityId })?.satisfactionThresholdPct ?? 0;
  if (rows.length === 0) return { items: [], thresholdPct };
  const windows = db
    .select()
    .from(ratingWindows)
    .where(and(inArray(ratingWindows.topicId, rows.map((r) => r.topicId)), isNotNull(ratingWindows.settledAt), or(eq(ratingWindows.outcome, "closed"), eq(ratingWindows.outcome, "reopened"))))
    .orderBy(asc(ratingWindows.id))
    .all();
  const items = rows.map(({ topicId, id: _result, ...r }) => ({
    ...r,
    rounds: windows.filter((w) => w.topicId === topicId).map((w) => ({ closesAt: w.closesAt, outcome: w.outcome, pct: w.satisfiedPct, counts: ratingCounts(db, w.id) })),
  }));
  return { items, thresholdPct };
}
