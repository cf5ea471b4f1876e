import type { SubmissionResult } from "@conform-to/react";
import type { Instant } from "~/components/topic/formats";
import type { TaskStatus } from "~/workflow/execution";
import type { StepBlocker } from "~/workflow/step-gates";

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
  unitId: number;
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
  if (intent === "editTask" || intent === "removeTask") return may.plan && id !== null && taskIds.includes(id);
  if (intent === "complete") return may.complete;
  if (intent === "report") return id !== null && may.reportOn.includes(id);
  if (intent === "rectify") return may.rectify && id !== null && taskIds.includes(id);
  if (intent === "answerRectification") return id !== null && may.answerOn.includes(id);
  if (intent === "publishResult") return may.publish;
  return true;
}

/** 报告完成 as the step gate sees it: what is missing, naming the unfinished tasks and open demands. */
export interface Completion {
  blockers: readonly StepBlocker[];
  unfinished: Array<{ id: number; title: string; percent: number; overdue: boolean }>;
  openDemands: Array<{ id: number; task: string; body: string }>;
}

/** One field's error keys in a form's last submission (for a field rendered outside conform, as the confirm tick). */
export const fieldErrorsOf = (result: unknown, name: string): string[] => (result as { error?: Record<string, string[] | null> } | null)?.error?.[name] ?? [];
