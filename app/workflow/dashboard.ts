import { STAGES, type Stage } from "./stages";
import { STATE_INFO, type TopicState } from "./states";

/**
 * The dashboards' arithmetic, no I/O: the stage funnel, median days per stage from the stage
 * history, overdue days and stalled tasks. Pure, so the server and the tests share it.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The median of the values (the mean of the middle two for an even count), or null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Active topics per stage, from grouped counts (closed and otherwise finished topics are not in the funnel). */
export function funnelCounts(rows: readonly { stage: Stage; status: string; n: number }[]): Record<Stage, number> {
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const row of rows) if (row.status === "active") counts[row.stage] += row.n;
  return counts;
}

export interface StageEvent {
  topicId: number;
  toState: TopicState;
  at: number;
}

/**
 * How long each finished stay in a stage lasted, in days: a topic enters a stage with the first event
 * into one of its states and leaves it with the next event into another stage (or a final state).
 * A stage the topic is still in is not counted: its stay has not ended.
 */
export function stageStays(events: readonly StageEvent[]): Record<Stage, number[]> {
  const stays = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;
  const byTopic = new Map<number, StageEvent[]>();
  for (const e of events) byTopic.set(e.topicId, [...(byTopic.get(e.topicId) ?? []), e]);
  for (const list of byTopic.values()) {
    const ordered = [...list].sort((a, b) => a.at - b.at);
    let current: { stage: Stage; since: number } | null = null;
    for (const e of ordered) {
      const stage = STATE_INFO[e.toState].stage;
      if (current && stage === current.stage) continue;
      if (current) stays[current.stage].push((e.at - current.since) / DAY_MS);
      current = stage ? { stage, since: e.at } : null;
    }
  }
  return stays;
}

/** The median days per stage, rounded to one decimal (null where no stay has ended). */
export function medianDaysPerStage(events: readonly StageEvent[]): Record<Stage, number | null> {
  const stays = stageStays(events);
  return Object.fromEntries(
    STAGES.map((s) => {
      const m = median(stays[s]);
      return [s, m === null ? null : Math.round(m * 10) / 10];
    }),
  ) as Record<Stage, number | null>;
}

/** Whole days past the due date (0 on the day it falls due or before). */
export function daysOverdue(dueAt: number, at: number): number {
  return Math.max(0, Math.floor((at - dueAt) / DAY_MS));
}

/**
 * A task is stalled when it is still open and nothing was reported for more than `stalledDays` days:
 * counted from its last report, or from when it was planned if it was never reported on.
 */
export function isStalled(task: { status: string; lastReportAt: number | null; createdAt: number }, stalledDays: number, at: number): boolean {
  if (task.status !== "open") return false;
  return at - (task.lastReportAt ?? task.createdAt) > stalledDays * DAY_MS;
}

/** Whole days since the task's last sign of life (its last report, or its planning). */
export function daysQuiet(task: { lastReportAt: number | null; createdAt: number }, at: number): number {
  return Math.max(0, Math.floor((at - (task.lastReportAt ?? task.createdAt)) / DAY_MS));
}

/**
 * Orders communities for the street's ranking: by overdue work, most first; by satisfaction, highest
 * first with communities that have no rated round last. Ties keep the given order.
 */
export function rankBy<T>(items: readonly T[], value: (item: T) => number | null, direction: "desc" | "asc" = "desc"): T[] {
  return items
    .map((item, i) => ({ item, i, v: value(item) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      return (direction === "desc" ? b.v - a.v : a.v - b.v) || a.i - b.i;
    })
    .map((x) => x.item);
}
