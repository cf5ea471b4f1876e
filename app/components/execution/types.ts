import type { SubmissionResult } from "@conform-to/react";
import type { Instant } from "~/components/topic/formats";
import type { TaskStatus } from "~/workflow/execution";

export interface ReportRow {
  id: number;
  body: string;
  percent: number;
  spentFen: number;
  createdAt: Instant;
  author: string;
  photoIds: number[];
}

export interface RectificationRow {
  id: number;
  body: string;
  createdAt: Instant;
  answer: string | null;
  answeredAt: Instant | null;
}

/** What every view of a task shows (the execution page, the supervision page). */
export interface TaskSummary {
  id: number;
  title: string;
  unitName: string;
  dueAt: Instant;
  budgetFen: number | null;
  spentFen: number;
  percent: number;
  status: TaskStatus;
  overdue: boolean;
}

export interface TaskRow extends TaskSummary {
  reports: ReportRow[];
  rectifications: RectificationRow[];
}

export interface ExecutionMayView {
  plan: boolean;
  reportOn: number[];
  complete: boolean;
  rectify: boolean;
  answerOn: number[];
  publish: boolean;
}

export interface PhotoLimits {
  max: number;
  maxBytes: number;
  sizeLabel: string;
}

/** The last submission of a form on the page, when the post was that form's (by intent and the task or demand id). */
export type ResultOf = (intent: string, id?: number | null) => unknown;

export const asResult = (value: unknown) => (value ?? null) as SubmissionResult<string[]> | null;

/**
 * Whether the form a refusal of its fields belongs to is on the page. Without it (the task was done,
 * the rectification answered, the stage moved on, an id not of this page) the form was out of date.
 */
export function hasFormFor(may: ExecutionMayView, taskIds: readonly number[], refusal: { intent: string | null; id: number | null }): boolean {
  const { intent, id } = refusal;
  if (intent === "task") return may.plan;
  if (intent === "report") return id !== null && may.reportOn.includes(id);
  if (intent === "rectify") return may.rectify && id !== null && taskIds.includes(id);
  if (intent === "answerRectification") return id !== null && may.answerOn.includes(id);
  if (intent === "publishResult") return may.publish;
  return true;
}
