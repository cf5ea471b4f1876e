/**
 * 综合评价 as arithmetic, no I/O (issue 19): the street's monthly figures per department and per
 * community — medians, shares and mean satisfaction — from plain rows, and the month they cover.
 */
import { timelinessOf } from "./department-call";

const HOUR_MS = 3_600_000;

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `part` of `whole` in whole percent (rounded); null when there is nothing to count. */
export function sharePct(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 100) / whole);
}

/** The mean of whole percents, rounded; null for none. */
export function meanPct(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

/** Hours with one decimal (a median response time). */
export const hoursBetween = (from: Date | number, to: Date | number) => (Number(to) - Number(from)) / HOUR_MS;
export const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** A month "YYYY-MM", or "all" for all time. */
export type Period = { kind: "month"; month: string; from: Date; to: Date } | { kind: "all" };

export const inPeriod = (period: Period, at: Date | number | null) =>
  at !== null && (period.kind === "all" || (Number(at) >= period.from.getTime() && Number(at) < period.to.getTime()));

/** A call as the department figures need it. */
export interface CallFacts {
  departmentId: number;
  createdAt: Date;
  responseDueAt: Date;
  firstRespondedAt: Date | null;
  responseOverdue: boolean;
  promisedBy: Date | null;
  resolvedAt: Date | null;
}

export interface DepartmentFigures {
  received: number;
  answered: number;
  medianResponseHours: number | null;
  answeredInTimePct: number | null;
  resolvedByPromisePct: number | null;
}

/**
 * A department's calls of the period: how many, the median hours to its first answer, the share
 * answered within its limit (of the calls answered or already past due — one still in time is not yet
 * counted either way) and the share resolved by the promised date (of the accepted calls resolved or
 * past their promise).
 */
export function departmentFigures(calls: readonly CallFacts[], at: Date): DepartmentFigures {
  const answered = calls.filter((c) => c.firstRespondedAt !== null);
  const judged = calls.filter((c) => timelinessOf(c, at) !== "waiting");
  const inTime = judged.filter((c) => timelinessOf(c, at) === "onTime");
  const promised = calls.filter((c) => c.promisedBy !== null && (c.resolvedAt !== null || c.promisedBy.getTime() <= at.getTime()));
  const kept = promised.filter((c) => c.resolvedAt !== null && c.resolvedAt.getTime() <= c.promisedBy!.getTime());
  return {
    received: calls.length,
    answered: answered.length,
    medianResponseHours: oneDecimal(median(answered.map((c) => hoursBetween(c.createdAt, c.firstRespondedAt!)))),
    answeredInTimePct: sharePct(inTime.length, judged.length),
    resolvedByPromisePct: sharePct(kept.length, promised.length),
  };
}

/** A topic as the community figures need it: when screening began, its deadline and the decision. */
export interface ScreeningFacts {
  screeningAt: Date | null;
  dueAt: Date | null;
  decidedAt: Date | null;
}

/** Median days from screening to the committee's decision, and the share decided by the deadline (of those decided or past due). */
export function screeningFigures(topics: readonly ScreeningFacts[], at: Date): { medianDays: number | null; inTimePct: number | null } {
  const decided = topics.filter((t) => t.screeningAt !== null && t.decidedAt !== null);
  const judged = topics.filter((t) => t.dueAt !== null && (t.decidedAt !== null || t.dueAt.getTime() <= at.getTime()));
  const inTime = judged.filter((t) => t.decidedAt !== null && t.decidedAt.getTime() <= t.dueAt!.getTime());
  return {
    medianDays: oneDecimal(median(decided.map((t) => hoursBetween(t.screeningAt!, t.decidedAt!) / 24))),
    inTimePct: sharePct(inTime.length, judged.length),
  };
}

/** Room the chart gives a label (its label column is 104 units, less the ellipsis; at 13 px a CJK character takes about 13, a Latin one up to 8.5). */
const LABEL_ROOM = 88;

/** A name short enough for the chart's label column; the table and the chart's description keep it whole. */
export function chartLabel(name: string): string {
  const width = (c: string) => (/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(c) ? 13 : 8.5);
  let used = 0;
  let out = "";
  for (const c of Array.from(name)) {
    if (used + width(c) > LABEL_ROOM) return `${out.trimEnd()}…`;
    used += width(c);
    out += c;
  }
  return out;
}
