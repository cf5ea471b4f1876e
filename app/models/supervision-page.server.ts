import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { executionTasks, ratingWindows, rectifications, topicPhotos, topics, units, users, verifications } from "../../db/schema";
import { daysOverdue, daysQuiet, isStalled } from "../workflow/dashboard";
import { satisfactionPct } from "../workflow/execution";
import { now } from "./clock.server";
import { ratingTallies } from "./dashboard.server";
import { getRules } from "./rules.server";

function tasksOf(topicIds: number[]) {
  if (topicIds.length === 0) return [];
  return getDb()
    .select({
      id: executionTasks.id,
      topicId: executionTasks.topicId,
      title: executionTasks.title,
      unitName: units.name,
      dueAt: executionTasks.dueAt,
      budgetFen: executionTasks.budgetFen,
      spentFen: executionTasks.spentFen,
      percent: executionTasks.percent,
      status: executionTasks.status,
      overdue: executionTasks.overdue,
      lastReportAt: executionTasks.lastReportAt,
      createdAt: executionTasks.createdAt,
    })
    .from(executionTasks)
    .innerJoin(units, eq(units.id, executionTasks.unitId))
    .where(and(inArray(executionTasks.topicId, topicIds), isNull(executionTasks.removedAt)))
    .orderBy(asc(executionTasks.dueAt), asc(executionTasks.id))
    .all();
}

function openDemands(taskIds: number[]) {
  if (taskIds.length === 0) return [];
  return getDb()
    .select({ id: rectifications.id, taskId: rectifications.taskId, body: rectifications.body, createdAt: rectifications.createdAt })
    .from(rectifications)
    .where(and(inArray(rectifications.taskId, taskIds), isNull(rectifications.answeredAt)))
    .orderBy(asc(rectifications.id))
    .all();
}

/** The open round of each verifying topic: its window, the ratings so far and the on-site checks with their photos. */
function openRounds(topicIds: number[]) {
  if (topicIds.length === 0) return [];
  const db = getDb();
  const windows = db
    .select({ id: ratingWindows.id, topicId: ratingWindows.topicId, opensAt: ratingWindows.opensAt, closesAt: ratingWindows.closesAt })
    .from(ratingWindows)
    .where(and(inArray(ratingWindows.topicId, topicIds), isNull(ratingWindows.settledAt)))
    .all();
  const ids = windows.map((w) => w.id);
  if (ids.length === 0) return [];
  const countsOf = ratingTallies(ids);
  const checks = db
    .select({ id: verifications.id, windowId: verifications.windowId, notes: verifications.notes, verified: verifications.verified, createdAt: verifications.createdAt, supervisor: users.displayName })
    .from(verifications)
    .innerJoin(users, eq(users.id, verifications.supervisorId))
    .where(inArray(verifications.windowId, ids))
    .orderBy(asc(verifications.id))
    .all();
  const photos = checks.length
    ? db
        .select({ id: topicPhotos.id, verificationId: topicPhotos.verificationId })
        .from(topicPhotos)
        .where(and(eq(topicPhotos.purpose, "verification"), inArray(topicPhotos.verificationId, checks.map((c) => c.id))))
        .orderBy(asc(topicPhotos.id))
        .all()
    : [];
  return windows.map((w) => {
    const counts = countsOf(w.id);
    return {
      ...w,
      counts,
      pct: satisfactionPct(counts),
      checks: checks.filter((c) => c.windowId === w.id).map(({ windowId: _w, ...c }) => ({ ...c, photoIds: photos.filter((p) => p.verificationId === c.id).map((p) => p.id) })),
    };
  });
}

/**
 * What the supervisors watch (`/c/:community/supervision`): every topic in execution and supervision
 * with its tasks (overdue, stalled, money used against the plan, open demands) and, for the topics
 * being verified, the open rating round.
 */
export function getSupervisionPage({ communityId, at = now() }: { communityId: number; at?: Date }) {
  const rules = getRules({ communityId });
  const stalledDays = rules?.stalledDays ?? 7;
  const rows = getDb()
    .select({ id: topics.id, number: topics.number, title: topics.title, state: topics.state, stageEnteredAt: topics.stageEnteredAt })
    .from(topics)
    .where(and(eq(topics.communityId, communityId), inArray(topics.state, ["executing", "verifying"])))
    .orderBy(asc(topics.stageEnteredAt), asc(topics.id))
    .all();
  const tasks = tasksOf(rows.map((r) => r.id));
  const demands = openDemands(tasks.map((t) => t.id));
  const rounds = openRounds(rows.filter((r) => r.state === "verifying").map((r) => r.id));
  const t = at.getTime();
  const topicList = rows.map((topic) => {
    const own = tasks
      .filter((task) => task.topicId === topic.id)
      .map(({ topicId: _t, createdAt, lastReportAt, ...task }) => {
        const times = { status: task.status, lastReportAt: lastReportAt?.getTime() ?? null, createdAt: createdAt.getTime() };
        return {
          ...task,
          lastReportAt,
          daysOverdue: task.overdue ? daysOverdue(task.dueAt.getTime(), t) : 0,
          stalled: isStalled(times, stalledDays, t),
          daysQuiet: daysQuiet(times, t),
          demands: demands.filter((d) => d.taskId === task.id).map(({ id, body, createdAt: raisedAt }) => ({ id, body, raisedAt })),
        };
      });
    const planned = own.some((task) => task.budgetFen !== null) ? own.reduce((sum, task) => sum + (task.budgetFen ?? 0), 0) : null;
    return { ...topic, tasks: own, budget: { plannedFen: planned, spentFen: own.reduce((sum, task) => sum + task.spentFen, 0) } };
  });
  return {
    stalledDays,
    thresholdPct: rules?.satisfactionThresholdPct ?? 60,
    topics: topicList,
    queue: rows
      .filter((r) => r.state === "verifying")
      .map((r) => ({ topicId: r.id, number: r.number, title: r.title, round: rounds.find((w) => w.topicId === r.id) ?? null })),
  };
}

export type SupervisionPage = ReturnType<typeof getSupervisionPage>;
