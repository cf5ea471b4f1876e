/**
 * The 12345 hotline's reply/close-out layout (工单回复/办结), as data and no I/O (issue 19): each
 * ticket imported into a community is one row saying whether it was taken up and why not, how far
 * it got, who handled it, the result and the residents' satisfaction, so the hotline can call the
 * caller back (回访) and close its ticket. The columns, their order and their Chinese headers are
 * the hotline's; the JSON API gives the same rows with English keys.
 */
import type { Stage } from "./stages";
import type { TopicState } from "./states";

/** The CSV's columns in the hotline's order, each with its JSON key. */
export const HOTLINE_EXPORT_COLUMNS = [
  { key: "ticket", header: "工单编号" },
  { key: "community", header: "所属社区" },
  { key: "acceptance", header: "受理状态" },
  { key: "reason", header: "不受理原因" },
  { key: "stage", header: "办理阶段" },
  { key: "departments", header: "处理部门" },
  { key: "resolution", header: "办理结果" },
  { key: "result", header: "结果说明" },
  { key: "satisfactionPct", header: "满意度" },
  { key: "raters", header: "评价人数" },
  { key: "closedAt", header: "办结时间" },
  { key: "updatedAt", header: "最后更新时间" },
] as const;
export type HotlineColumnKey = (typeof HOTLINE_EXPORT_COLUMNS)[number]["key"];

/** Whether the ticket was taken up, in the hotline's words. */
export const ACCEPTANCE_WORDS = {
  pending: "待受理",
  accepted: "已受理",
  inProgress: "处理中",
  closed: "已办结",
  rejected: "不予受理",
  merged: "已合并",
  expired: "未达联名",
  withdrawn: "已撤回",
  failed: "未获通过",
} as const;
export type Acceptance = keyof typeof ACCEPTANCE_WORDS;

const ACCEPTANCE_OF: Record<TopicState, Acceptance> = {
  open: "pending",
  screening: "pending",
  drafting: "accepted",
  consulting: "accepted",
  onAgenda: "accepted",
  publicity: "accepted",
  executing: "inProgress",
  verifying: "inProgress",
  closed: "closed",
  rejected: "rejected",
  merged: "merged",
  expired: "expired",
  withdrawn: "withdrawn",
  failed: "failed",
};

export function acceptanceOf(state: TopicState): Acceptance {
  return ACCEPTANCE_OF[state];
}

/** The stage reached: one of the six, or 已结项 once closed. */
export const STAGE_WORDS = {
  collection: "议题收集",
  deliberation: "酝酿",
  consultation: "协商",
  decision: "决策",
  execution: "执行",
  supervision: "监督",
  closed: "已结项",
} as const satisfies Record<Stage | "closed", string>;
export type StageReached = keyof typeof STAGE_WORDS;

export function stageReached(state: TopicState, stage: Stage): StageReached {
  return state === "closed" ? "closed" : stage;
}

/** One ticket's handling: the JSON API's object (times as ISO with the community's offset). */
export interface HotlineTicket {
  ticket: string;
  community: string;
  communitySlug: string;
  topicNumber: number;
  acceptance: Acceptance;
  reason: string;
  stage: StageReached;
  departments: string[];
  resolution: string;
  result: string;
  satisfactionPct: number | null;
  raters: number | null;
  closedAt: string | null;
  updatedAt: string;
}

/** The row's cells in the CSV's column order, in the hotline's words. */
export function hotlineCsvCells(t: HotlineTicket): string[] {
  return [
    t.ticket,
    t.community,
    ACCEPTANCE_WORDS[t.acceptance],
    t.reason,
    STAGE_WORDS[t.stage],
    t.departments.join("; "),
    t.resolution,
    t.result,
    t.satisfactionPct === null ? "" : `${t.satisfactionPct}%`,
    t.raters === null ? "" : String(t.raters),
    t.closedAt ?? "",
    t.updatedAt,
  ];
}

// A cell a spreadsheet would run as a formula (=, +, -, @, and tab or CR that some read past) is defused.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break; a formula gets a leading '. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole CSV for Excel: UTF-8 byte-order mark, CRLF after every line (the header too). */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return "\uFEFF" + [header, ...rows].map((cells) => cells.map(csvCell).join(",") + "\r\n").join("");
}

export const HOTLINE_CSV_HEADER = HOTLINE_EXPORT_COLUMNS.map((c) => c.header);

export function hotlineCsv(tickets: readonly HotlineTicket[]): string {
  return writeCsv(HOTLINE_CSV_HEADER, tickets.map(hotlineCsvCells));
}

/** `?since=YYYY-MM-DD`: a real calendar date, or null (absent); "bad" when malformed. */
export function parseSince(value: string | null): string | null | "bad" {
  if (value === null || value === "") return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return "bad";
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? "bad" : value;
}
