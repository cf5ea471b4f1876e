import type { TaskSummary } from "~/components/execution/types";
import type { Instant } from "~/components/topic/formats";

/** The supervision page's rows as they arrive in the browser (dates serialized). */
export interface WatchedTask extends TaskSummary {
  lastReportAt: Instant | null;
  daysOverdue: number;
  stalled: boolean;
  daysQuiet: number;
  demands: { id: number; body: string; raisedAt: Instant }[];
}

export interface WatchedTopic {
  id: number;
  number: number;
  title: string;
  state: string;
  tasks: WatchedTask[];
  budget: { plannedFen: number | null; spentFen: number };
}

export interface QueueEntry {
  topicId: number;
  number: number;
  title: string;
  round: {
    closesAt: Instant;
    counts: { satisfied: number; fair: number; unsatisfied: number };
    pct: number | null;
    checks: { id: number; notes: string; verified: boolean; createdAt: Instant; supervisor: string; photoIds: number[] }[];
  } | null;
}
