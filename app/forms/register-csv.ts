import { readCsvLines, type CsvProblem } from "./csv-lines";
import { isAdultOn } from "../workflow/assembly";
import { cleanText } from "./limits";
import { msg } from "./messages";
import { HOUSEHOLD_ADDRESS_MAX, HOUSEHOLD_CODE_MAX, HOUSEHOLD_GROUP_MAX, MEMBER_NAME_MAX, REGISTER_MAX_ROWS } from "./register-limits";

export { REGISTER_MAX_BYTES, REGISTER_MAX_ROWS } from "./register-limits";

export { decodeCsv } from "./hotline";

/** The register's CSV, one line per person (docs: the register page's template). zh-CN names first; the English ones are accepted too. */
export const REGISTER_COLUMNS = ["code", "address", "group", "name", "birthDate", "representative"] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];
export const REGISTER_COLUMN_NAMES: Record<RegisterColumn, readonly [string, string]> = {
  code: ["户号", "code"],
  address: ["地址", "address"],
  group: ["小组", "group"],
  name: ["姓名", "name"],
  birthDate: ["出生日期", "birth_date"],
  representative: ["户代表", "representative"],
};
const YES = new Set(["是", "yes", "y", "1"]);
const NO = new Set(["否", "no", "n", "0", ""]);

/** One person of the file, with the line it is on (the header is line 1). */
export interface RegisterCsvRow {
  line: number;
  code: string;
  address: string;
  group: string;
  name: string;
  birthDate: string;
  representative: boolean;
}

export interface RegisterCsvHousehold {
  code: string;
  address: string;
  group: string;
  members: RegisterCsvRow[];
}

export type RegisterProblem = CsvProblem<RegisterColumn>;

/** The template the page offers for download: the header and two example households. */
export function registerTemplateCsv(): string {
  const header = REGISTER_COLUMNS.map((c) => REGISTER_COLUMN_NAMES[c][0]).join(",");
  return `\uFEFF${header}\r\n001,一组12号,第一村民小组,张建国,1968-03-02,是\r\n001,一组12号,第一村民小组,李秀英,1970-11-20,否\r\n001,一组12号,第一村民小组,张子涵,2012-06-01,否\r\n002,二组3号,第二村民小组,王桂兰,1955-01-09,是\r\n`;
}

function readHeader(fields: string[]): Record<RegisterColumn, number> | RegisterProblem[] {
  const names = fields.map((f) => f.trim().toLowerCase());
  const index = {} as Record<RegisterColumn, number>;
  const problems: RegisterProblem[] = [];
  for (const column of REGISTER_COLUMNS) {
    const at = names.findIndex((n) => REGISTER_COLUMN_NAMES[column].includes(n));
    if (at === -1) problems.push({ line: 1, column, message: msg("register.csv.missingColumn", { column: REGISTER_COLUMN_NAMES[column][0] }) });
    else index[column] = at;
  }
  const known = (n: string) => REGISTER_COLUMNS.some((c) => REGISTER_COLUMN_NAMES[c].includes(n));
  names.forEach((name, i) => {
    const column = REGISTER_COLUMNS.find((c) => REGISTER_COLUMN_NAMES[c].includes(name));
    if (!known(name) || (column && index[column] !== i)) {
      problems.push({ line: 1, column: null, message: msg("register.csv.unknownColumn", { column: encodeURIComponent(Array.from(name).slice(0, 40).join("") || "?") }) });
    }
  });
  return problems.length ? problems : index;
}

const LIMITS: Record<Exclude<RegisterColumn, "birthDate" | "representative">, { max: number; required: boolean }> = {
  code: { max: HOUSEHOLD_CODE_MAX, required: true },
  address: { max: HOUSEHOLD_ADDRESS_MAX, required: false },
  group: { max: HOUSEHOLD_GROUP_MAX, required: false },
  name: { max: MEMBER_NAME_MAX, required: true },
};

/** A "YYYY-MM-DD" naming a day that exists. */
export function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const t = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
}

function checkRow(fields: string[], index: Record<RegisterColumn, number>, line: number, today: string, problems: RegisterProblem[]): RegisterCsvRow | null {
  if (fields.length !== REGISTER_COLUMNS.length) {
    problems.push({ line, column: null, message: msg("register.csv.fieldCount", { expected: REGISTER_COLUMNS.length, found: fields.length }) });
    return null;
  }
  const before = problems.length;
  // Cells are text, whatever they look like ("=1+1" is stored as typed and shown escaped).
  const cell = (c: RegisterColumn) => cleanText(fields[index[c]]).replace(/\n/g, " ").trim();
  const text = {} as Record<keyof typeof LIMITS, string>;
  for (const column of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    const value = cell(column);
    const { max, required } = LIMITS[column];
    if (required && value === "") problems.push({ line, column, message: msg("errors.required") });
    else if (Array.from(value).length > max) problems.push({ line, column, message: msg("errors.tooLong", { max }) });
    text[column] = value;
  }
  const birthDate = cell("birthDate");
  if (!isCalendarDate(birthDate)) problems.push({ line, column: "birthDate", message: msg("register.problems.birthDate") });
  else if (birthDate > today) problems.push({ line, column: "birthDate", message: msg("register.problems.futureBirthDate") });
  const flag = cell("representative").toLowerCase();
  if (!YES.has(flag) && !NO.has(flag)) problems.push({ line, column: "representative", message: msg("register.csv.representativeFlag") });
  const representative = YES.has(flag);
  if (representative && isCalendarDate(birthDate) && birthDate <= today && !isAdultOn(birthDate, today)) {
    problems.push({ line, column: "representative", message: msg("register.problems.representativeMinor") });
  }
  if (problems.length > before) return null;
  return { line, ...text, birthDate, representative };
}

/** The checks across the lines of one household: they agree on address and group, one representative, no one twice, an adult. */
function checkHouseholds(rows: RegisterCsvRow[], today: string, problems: RegisterProblem[]): RegisterCsvHousehold[] {
  const byCode = new Map<string, RegisterCsvHousehold>();
  for (const row of rows) {
    const household = byCode.get(row.code);
    if (!household) {
      byCode.set(row.code, { code: row.code, address: row.address, group: row.group, members: [row] });
      continue;
    }
    const first = household.members[0].line;
    if (row.address !== household.address) problems.push({ line: row.line, column: "address", message: msg("register.csv.conflictingAddress", { line: first }) });
    if (row.group !== household.group) problems.push({ line: row.line, column: "group", message: msg("register.csv.conflictingGroup", { line: first }) });
    const twin = household.members.find((m) => m.name === row.name && m.birthDate === row.birthDate);
    if (twin) problems.push({ line: row.line, column: "name", message: msg("register.csv.duplicatePerson", { line: twin.line }) });
    const representative = household.members.find((m) => m.representative);
    if (row.representative && representative) problems.push({ line: row.line, column: "representative", message: msg("register.csv.twoRepresentatives", { line: representative.line }) });
    household.members.push(row);
  }
  for (const household of byCode.values()) {
    if (!household.members.some((m) => isAdultOn(m.birthDate, today))) {
      problems.push({ line: household.members[0].line, column: "code", message: msg("register.csv.noAdult", { code: encodeURIComponent(household.code) }) });
    }
  }
  return [...byCode.values()];
}

/**
 * Reads and checks a register CSV (`today` is the community's "YYYY-MM-DD": birth dates after it are
 * refused, and adulthood is reckoned on it). Every problem is reported with its line; households come
 * back only when there is nothing wrong.
 */
export function parseRegisterCsv(text: string, { today }: { today: string }): { households: RegisterCsvHousehold[]; problems: RegisterProblem[] } {
  const problems: RegisterProblem[] = [];
  const rows: RegisterCsvRow[] = [];
  readCsvLines<Record<RegisterColumn, number>, RegisterColumn>(
    text,
    {
      keys: "register.csv",
      maxRows: REGISTER_MAX_ROWS,
      header: (fields) => {
        const read = readHeader(fields);
        return Array.isArray(read) ? { problems: read } : { header: read };
      },
      row: (fields, header, rowLine) => {
        const row = checkRow(fields, header, rowLine, today, problems);
        if (row) rows.push(row);
      },
    },
    problems,
  );
  const households = checkHouseholds(rows, today, problems);
  problems.sort((a, b) => a.line - b.line);
  return problems.length ? { households: [], problems } : { households, problems };
}
