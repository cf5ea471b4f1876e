/**
 * The yearly duties the law sets a community, as data and arithmetic (no I/O): the representatives'
 * meeting every quarter (village, 村委会组织法 Art. 30) or every half year (urban, 居委会组织法 Art. 28),
 * the village assembly every year (村委会组织法 Art. 25) and the 民主评议 of the committee's members
 * every year (村委会组织法 Art. 38; 居委会组织法 Art. 37). Periods are calendar quarters, halves and
 * years in the community's time zone.
 *
 * What counts as held: a meeting that sat and ended (散会). A 流会 (inquorate) does not count: the law
 * asks that the meeting be 召开, and an inquorate sitting "不能召开" (村委会组织法 Art. 30, 居委会组织法
 * Art. 29) — it could decide nothing. A cancelled meeting does not count either. A meeting still
 * scheduled (or in session) for a day inside the period makes the duty "scheduled".
 */
import { ASSEMBLY_RULES, type MeetingBody } from "./assembly";
import type { AppraisalStatus } from "./assembly";
import type { MeetingStatus } from "./meetings";
import type { ArticleKey } from "./rule-packs";

export const DUTY_KINDS = ["representativesMeeting", "assembly", "appraisal"] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];
export const DUTY_STATUSES = ["done", "scheduled", "due", "overdue"] as const;
export type DutyStatus = (typeof DUTY_STATUSES)[number];

/** A calendar period: "2026" (a year), "2026-H2" (a half year) or "2026-Q4" (a quarter), from and to as YYYY-MM-DD. */
export interface Period {
  key: string;
  from: string;
  to: string;
}

export interface Duty {
  duty: DutyKind;
  period: Period;
  /** The last day of the period (YYYY-MM-DD, community time). */
  dueBy: string;
  status: DutyStatus;
  article: ArticleKey;
}

export interface DutyRhythm {
  duty: DutyKind;
  /** A period's length in months: 3, 6 or 12. */
  months: 3 | 6 | 12;
  article: ArticleKey;
}

/** Which duties each kind of community has, how often, and the article that sets each. */
export const DUTY_RHYTHMS: Record<"urban" | "village", readonly DutyRhythm[]> = {
  village: [
    { duty: "representativesMeeting", months: 3, article: "villagers:30" },
    { duty: "assembly", months: 12, article: ASSEMBLY_RULES.village.articles.convene },
    { duty: "appraisal", months: 12, article: ASSEMBLY_RULES.village.articles.appraisal },
  ],
  urban: [
    { duty: "representativesMeeting", months: 6, article: "residents:28" },
    { duty: "appraisal", months: 12, article: ASSEMBLY_RULES.urban.articles.appraisal },
  ],
};

const pad = (n: number) => String(n).padStart(2, "0");

/** Days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The calendar period of `months` months that holds the day `date` (YYYY-MM-DD). */
export function periodOf(date: string, months: 3 | 6 | 12): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const index = Math.floor((month - 1) / months);
  const first = index * months + 1;
  const last = first + months - 1;
  const key = months === 12 ? String(year) : `${year}-${months === 6 ? "H" : "Q"}${index + 1}`;
  return { key, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(daysInMonth(year, last))}` };
}

/** The period just before `period` (same length). */
export function previousPeriod(period: Period, months: 3 | 6 | 12): Period {
  const year = Number(period.from.slice(0, 4));
  const month = Number(period.from.slice(5, 7));
  return month === 1 ? periodOf(`${year - 1}-12-01`, months) : periodOf(`${year}-${pad(month - 1)}-01`, months);
}

export interface DutyMeeting {
  body: MeetingBody;
  status: MeetingStatus;
  scheduledAt: Date;
  startedAt: Date | null;
}

export interface DutyFacts {
  kind: "urban" | "village";
  /** The day (YYYY-MM-DD) an instant falls on in the community's time zone (rules.timeZone): the caller's `localDate` in that zone. */
  dayOf: (at: Date) => string;
  /** Now. */
  at: Date;
  /** When the community came into the hall: a period that began before it is not judged. */
  since: Date | null;
  meetings: readonly DutyMeeting[];
  appraisals: readonly { year: number; status: AppraisalStatus }[];
}

const within = (date: string, p: Period) => date >= p.from && date <= p.to;

function statusIn(rhythm: DutyRhythm, period: Period, facts: DutyFacts): "done" | "scheduled" | null {
  if (rhythm.duty === "appraisal") {
    const year = Number(period.key);
    const mine = facts.appraisals.filter((a) => a.year === year);
    if (mine.some((a) => a.status === "closed")) return "done";
    return mine.length ? "scheduled" : null;
  }
  const body: MeetingBody = rhythm.duty === "assembly" ? "assembly" : "representatives";
  const ofBody = facts.meetings.filter((m) => m.body === body);
  if (ofBody.some((m) => m.status === "ended" && within(facts.dayOf(m.startedAt ?? m.scheduledAt), period))) return "done";
  if (ofBody.some((m) => (m.status === "scheduled" || m.status === "inSession") && within(facts.dayOf(m.scheduledAt), period))) return "scheduled";
  return null;
}

/**
 * Each duty of the community: the current period (done, scheduled or due) and, when the last whole
 * period before it was not done, that one as overdue (a period that began before the community came
 * into the hall is not judged). Ordered as DUTY_RHYTHMS, the overdue period first.
 */
export function listDuties(facts: DutyFacts): Duty[] {
  const today = facts.dayOf(facts.at);
  const since = facts.since ? facts.dayOf(facts.since) : null;
  const duties: Duty[] = [];
  for (const rhythm of DUTY_RHYTHMS[facts.kind]) {
    const current = periodOf(today, rhythm.months);
    const previous = previousPeriod(current, rhythm.months);
    const judged = since === null || since <= previous.from;
    if (judged && statusIn(rhythm, previous, facts) !== "done") duties.push({ duty: rhythm.duty, period: previous, dueBy: previous.to, status: "overdue", article: rhythm.article });
    duties.push({ duty: rhythm.duty, period: current, dueBy: current.to, status: statusIn(rhythm, current, facts) ?? "due", article: rhythm.article });
  }
  return duties;
}

/** The overdue duties only (the street dashboard's flag). */
export function overdueDuties(facts: DutyFacts): Duty[] {
  return listDuties(facts).filter((d) => d.status === "overdue");
}
