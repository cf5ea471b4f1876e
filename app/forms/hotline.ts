import { readCsvLines, type CsvProblem } from "./csv-lines";
import { z } from "./zod";
import { msg } from "./messages";
import { locationField, optionalDescriptionField, titleField } from "./topic";

/** The 12345 hotline export, as the import page documents it (docs/operations.md, "Hotline (12345) import"). */
export const HOTLINE_COLUMNS = ["ticket", "title", "description", "location", "category", "reported_at"] as const;
export type HotlineColumn = (typeof HOTLINE_COLUMNS)[number];
export const HOTLINE_MAX_BYTES = 1024 * 1024;
export const HOTLINE_MAX_ROWS = 500;

export const TICKET_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_./-]{0,39}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export interface HotlineRow {
  line: number;
  ticket: string;
  title: string;
  description: string;
  location: string;
  category: string | null;
  reportedAt: string | null;
}

/** One problem of the file: the CSV line it is on (the header is line 1), the column, and a message key. */
export type HotlineProblem = CsvProblem<HotlineColumn>;

const rowSchema = z.object({
  ticket: z.string().trim().min(1, msg("errors.required")).regex(TICKET_PATTERN, msg("propose.csv.ticketFormat")),
  title: titleField,
  description: optionalDescriptionField,
  location: locationField,
  category: z.string(),
  reported_at: z
    .string()
    .trim()
    .refine((v) => v === "" || isIsoDate(v), msg("propose.csv.date")),
});

/** Text of an uploaded file: UTF-8 with or without a byte-order mark, or null when it is not UTF-8. */
export function decodeCsv(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function readHeader(fields: string[]): { index: Record<HotlineColumn, number> } | { problems: HotlineProblem[] } {
  const names = fields.map((f) => f.trim().toLowerCase());
  const problems: HotlineProblem[] = [];
  const index = {} as Record<HotlineColumn, number>;
  for (const column of HOTLINE_COLUMNS) {
    const at = names.indexOf(column);
    if (at === -1) problems.push({ line: 1, column, message: msg("propose.csv.missingColumn", { column }) });
    else index[column] = at;
  }
  names.forEach((name, i) => {
    if (!(HOTLINE_COLUMNS as readonly string[]).includes(name) || names.indexOf(name) !== i) {
      problems.push({ line: 1, column: null, message: msg("propose.csv.unknownColumn", { column: encodeURIComponent(Array.from(name).slice(0, 40).join("") || "?") }) });
    }
  });
  return problems.length ? { problems } : { index };
}

/**
 * Reads and checks a hotline CSV against the community's catalogue codes. Everything wrong is
 * reported, line by line; rows come back only when there is nothing wrong.
 */
export function parseHotlineCsv(text: string, { categoryCodes }: { categoryCodes: readonly string[] }): { rows: HotlineRow[]; problems: HotlineProblem[] } {
  const problems: HotlineProblem[] = [];
  const rows: HotlineRow[] = [];
  const firstLine = new Map<string, number>();
  readCsvLines<Record<HotlineColumn, number>, HotlineColumn>(
    text,
    {
      keys: "propose.csv",
      maxRows: HOTLINE_MAX_ROWS,
      header: (fields) => {
        const read = readHeader(fields);
        return "problems" in read ? read : { header: read.index };
      },
      row: (fields, header, rowLine) => {
        const row = checkRow(fields, header, rowLine, categoryCodes, problems);
        const ticket = fields.length === HOTLINE_COLUMNS.length ? fields[header.ticket].trim() : "";
        const seen = firstLine.get(ticket);
        if (seen !== undefined) problems.push({ line: rowLine, column: "ticket", message: msg("propose.csv.duplicateTicket", { line: seen }) });
        else if (ticket) firstLine.set(ticket, rowLine);
        if (row) rows.push(row);
      },
    },
    problems,
  );
  return problems.length ? { rows: [], problems } : { rows, problems };
}

function checkRow(
  fields: string[],
  index: Record<HotlineColumn, number>,
  line: number,
  categoryCodes: readonly string[],
  problems: HotlineProblem[],
): HotlineRow | null {
  if (fields.length !== HOTLINE_COLUMNS.length) {
    problems.push({ line, column: null, message: msg("propose.csv.fieldCount", { expected: HOTLINE_COLUMNS.length, found: fields.length }) });
    return null;
  }
  const raw = Object.fromEntries(HOTLINE_COLUMNS.map((c) => [c, fields[index[c]]]));
  const parsed = rowSchema.safeParse(raw);
  const before = problems.length;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ line, column: issue.path[0] as HotlineColumn, message: issue.message });
  }
  const category = raw.category.trim().toLowerCase();
  if (category !== "" && !categoryCodes.includes(category)) {
    problems.push({ line, column: "category", message: msg("propose.csv.unknownCategory", { code: encodeURIComponent(Array.from(category).slice(0, 40).join("")) }) });
  }
  if (!parsed.success || problems.length > before) return null;
  const v = parsed.data;
  return {
    line,
    ticket: v.ticket,
    title: v.title,
    description: v.description,
    location: v.location,
    category: category || null,
    reportedAt: v.reported_at || null,
  };
}

/** YYYY-MM-DD, optionally with a time and zone, naming a day that exists. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) return false;
  const [y, m, d] = value.slice(0, 10).split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}
