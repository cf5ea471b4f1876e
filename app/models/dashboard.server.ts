import { and, count, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { executionTasks, ratings, ratingWindows, topicEvents, topics } from "../../db/schema";
import { funnelCounts, medianDaysPerStage } from "../workflow/dashboard";
import { RATINGS, satisfactionPct, type Rating } from "../workflow/execution";
import type { Stage } from "../workflow/stages";
import { countTopicsByStage } from "./topic.server";

/** How many settled rounds the community chart shows (the most recent). */
export const ROUNDS_SHOWN = 8;

export interface SettledRound {
  windowId: number;
  topicId: number;
  number: number;
  title: string;
  settledAt: Date;
  outcome: "closed" | "reopened" | null;
  counts: Record<Rating, number>;
  pct: number | null;
}

/** The ratings of each of these rounds, counted per answer (a round nobody rated counts zeros). */
export function ratingTallies(windowIds: number[]): (windowId: number) => Record<Rating, number> {
  const rows = windowIds.length
    ? getDb().select({ windowId: ratings.windowId, rating: ratings.rating, n: count() }).from(ratings).where(inArray(ratings.windowId, windowIds)).groupBy(ratings.windowId, ratings.rating).all()
    : [];
  return (windowId) => Object.fromEntries(RATINGS.map((r) => [r, rows.find((t) => t.windowId === windowId && t.rating === r)?.n ?? 0])) as Record<Rating, number>;
}

function settledRounds(communityId: number): SettledRound[] {
  const db = getDb();
  const windows = db
    .select({ windowId: ratingWindows.id, topicId: topics.id, number: topics.number, title: topics.title, settledAt: ratingWindows.settledAt, outcome: ratingWindows.outcome })
    .from(ratingWindows)
    .innerJoin(topics, eq(topics.id, ratingWindows.topicId))
    .where(and(eq(ratingWindows.communityId, communityId), isNotNull(ratingWindows.settledAt)))
    .orderBy(desc(ratingWindows.settledAt), desc(ratingWindows.id))
    .all();
  if (windows.length === 0) return [];
  const countsOf = ratingTallies(windows.map((w) => w.windowId));
  return windows.map((w) => {
    const counts = countsOf(w.windowId);
    return { ...w, settledAt: w.settledAt!, counts, pct: satisfactionPct(counts) };
  });
}

export interface CommunityDashboard {
  funnel: Record<Stage, number>;
  closed: number;
  medianDays: Record<Stage, number | null>;
  overdueScreening: number;
  overdueTasks: number;
  satisfaction: { rounds: number; counts: Record<Rating, number>; pct: number | null; recent: SettledRound[] };
}

/** The community's figures for the dashboards: the stage funnel, median days per stage, overdue work, satisfaction. */
export function getCommunityDashboard({ communityId }: { communityId: number }): CommunityDashboard {
  const db = getDb();
  const byStage = countTopicsByStage({ communityId });
  const events = db
    .select({ topicId: topicEvents.topicId, toState: topicEvents.toState, at: sql<number>`${topicEvents.at}` })
    .from(topicEvents)
    .innerJoin(topics, eq(topics.id, topicEvents.topicId))
    .where(eq(topics.communityId, communityId))
    .all();
  const overdueScreening = db
    .select({ n: count() })
    .from(topics)
    .where(and(eq(topics.communityId, communityId), eq(topics.overdue, true), eq(topics.status, "active")))
    .get()!.n;
  const overdueTasks = db
    .select({ n: count() })
    .from(executionTasks)
    .where(and(eq(executionTasks.communityId, communityId), eq(executionTasks.overdue, true), eq(executionTasks.status, "open"), isNull(executionTasks.removedAt)))
    .get()!.n;
  const rounds = settledRounds(communityId);
  const counts = Object.fromEntries(RATINGS.map((r) => [r, rounds.reduce((sum, w) => sum + w.counts[r], 0)])) as Record<Rating, number>;
  return {
    funnel: funnelCounts(byStage),
    closed: byStage.filter((r) => r.status === "closed").reduce((sum, r) => sum + r.n, 0),
    medianDays: medianDaysPerStage(events.map((e) => ({ ...e, at: Number(e.at) }))),
    overdueScreening,
    overdueTasks,
    satisfaction: { rounds: rounds.length, counts, pct: satisfactionPct(counts), recent: rounds.slice(0, ROUNDS_SHOWN) },
  };
}
