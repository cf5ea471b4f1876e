import { readCsvLines, type CsvProblem } from "./csv-lines";
import { cleanDisplayName, DISPLAY_NAME_MAX, displayNameKey } from "./display-name";
import { cleanText } from "./limits";
import { msg } from "./messages";
import { ROSTER_HOUSEHOLD_MAX, ROSTER_MAX_ROWS } from "./roster-limits";
import type { Role } from "../workflow/roles";

export { decodeCsv } from "./hotline";

/** A roster CSV, one line per person (issue 18). Chinese headers first; the English ones are accepted too. `email` is optional. */
export const ROSTER_COLUMNS = ["name", "phone", "community", "roles", "household", "email"] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
const OPTIONAL: readonly RosterColumn[] = ["email"];
export const ROSTER_COLUMN_NAMES: Record<RosterColumn, readonly string[]> = {
  name: ["姓名", "name"],
  phone: ["电话", "手机", "phone"],
  community: ["社区", "村", "社区或村", "community"],
  roles: ["角色", "roles", "role"],
  household: ["户号或小组", "户号", "小组", "household"],
  email: ["邮箱", "电子邮箱", "email", "e-mail"],
};

/** The words a roster may use for a role (居委会 and 村委会 words alike), and the role keys themselves. */
const ROLE_WORDS: Record<string, Role> = {
  居民: "resident",
  村民: "resident",
  议事会: "committee",
  议事会成员: "committee",
  居委会成员: "committeeMember",
  村委会成员: "committeeMember",
  召集人: "convener",
  居民代表: "representative",
  村民代表: "representative",
  代表: "representative",
  监督委员会: "supervisor",
  监督委员会成员: "supervisor",
  居务监督委员会: "supervisor",
  居务监督委员会成员: "supervisor",
  村务监督委员会: "supervisor",
  村务监督委员会成员: "supervisor",
  责任单位: "executor",
  党组织: "party",
  社区党组织: "party",
  村党组织: "party",
  resident: "resident",
  committee: "committee",
  committeemember: "committeeMember",
  convener: "convener",
  representative: "representative",
  supervisor: "supervisor",
  executor: "executor",
  party: "party",
};
const ROLE_SEPARATORS = /[、;；|,，]/;

/** One community the file may name: by slug or by its Chinese name. */
export interface RosterCommunity {
  id: number;
  slug: string;
  nameZh: string;
}

/** One person of the file, checked (the header is line 1). Phone: digits (a leading + kept); email lower-cased. */
export interface RosterRow {
  line: number;
  name: string;
  phone: string | null;
  email: string | null;
  communityId: number;
  roles: Role[];
  household: string;
}

export type RosterProblem = CsvProblem<RosterColumn>;

/** The template the roster pages offer: the header and two made-up people (no one's data). */
export function rosterTemplateCsv(): string {
  const header = ROSTER_COLUMNS.map((c) => ROSTER_COLUMN_NAMES[c][0]).join(",");
  return `\uFEFF${header}\r\n张建国,13800000001,,居民、居民代表,第一居民小组,\r\n李秀英,,,居民,3栋201,\r\n`;
}

/** "010-6512 3456", "+86 138 0000 0001": digits only (a leading + kept); null when it is not a phone number. */
export function normalisePhone(value: string): string | null {
  if (!/^\+?[0-9][0-9 ()-]{3,24}$/.test(value)) return null;
  const digits = value.replace(/[^0-9]/g, "");
  if (digits.length < 5 || digits.length > 15) return null;
  return value.startsWith("+") ? `+${digits}` : digits;
}

const EMAIL = /^[^\s@<>(),;:"\[\]]+@[^\s@<>(),;:"\[\]]+\.[^\s@<>(),;:"\[\]]+$/;

/** The roles a cell names (blank: resident), or the first word it does not know. */
export function readRoles(cell: string): { roles: Role[] } | { unknown: string } {
  const words = cell.split(ROLE_SEPARATORS).map((w) => w.trim()).filter(Boolean);
  if (words.length === 0) return { roles: ["resident"] };
  const roles: Role[] = [];
  for (const word of words) {
    const role = ROLE_WORDS[word] ?? ROLE_WORDS[word.toLowerCase()];
    if (!role) return { unknown: word };
    if (!roles.includes(role)) roles.push(role);
  }
  return { roles };
}

const quoted = (value: string) => encodeURIComponent(Array.from(value).slice(0, 40).join("") || "?");

function readHeader(fields: string[]): { header: Partial<Record<RosterColumn, number>> } | { problems: RosterProblem[] } {
  const names = fields.map((f) => f.trim().toLowerCase());
  const index: Partial<Record<RosterColumn, number>> = {};
  const problems: RosterProblem[] = [];
  names.forEach((name, i) => {
    const column = ROSTER_COLUMNS.find((c) => ROSTER_COLUMN_NAMES[c].includes(name));
    if (!column || index[column] !== undefined) problems.push({ line: 1, column: null, message: msg("roster.csv.unknownColumn", { column: quoted(name) }) });
    else index[column] = i;
  });
  for (const column of ROSTER_COLUMNS) {
    if (index[column] === undefined && !OPTIONAL.includes(column)) problems.push({ line: 1, column, message: msg("roster.csv.missingColumn", { column: ROSTER_COLUMN_NAMES[column][0] }) });
  }
  return problems.length ? { problems } : { header: index };
}

interface Scope {
  /** The communities the file may name (the street's, not archived). */
  communities: readonly RosterCommunity[];
  /** A committee's import: the only community, which a blank cell means. */
  only: number | null;
}

function findCommunity(cell: string, scope: Scope, line: number, problems: RosterProblem[]): number | null {
  if (cell === "") {
    if (scope.only !== null) return scope.only;
    problems.push({ line, column: "community", message: msg("roster.csv.communityRequired") });
    return null;
  }
  const found = scope.communities.find((c) => c.slug === cell.toLowerCase() || c.nameZh === cell);
  if (!found) problems.push({ line, column: "community", message: msg("roster.csv.unknownCommunity", { community: quoted(cell) }) });
  else if (scope.only !== null && found.id !== scope.only) problems.push({ line, column: "community", message: msg("roster.csv.otherCommunity", { community: quoted(cell) }) });
  else return found.id;
  return null;
}

function checkRow(fields: string[], index: Partial<Record<RosterColumn, number>>, line: number, scope: Scope, problems: RosterProblem[]): RosterRow | null {
  const width = Object.keys(index).length;
  if (fields.length !== width) {
    problems.push({ line, column: null, message: msg("roster.csv.fieldCount", { expected: width, found: fields.length }) });
    return null;
  }
  const before = problems.length;
  const cell = (c: RosterColumn) => (index[c] === undefined ? "" : cleanText(fields[index[c]!]).replace(/\n/g, " ").trim());
  const name = cleanDisplayName(cell("name"));
  if (name === "") problems.push({ line, column: "name", message: msg("errors.required") });
  else if (Array.from(name).length > DISPLAY_NAME_MAX) problems.push({ line, column: "name", message: msg("errors.tooLong", { max: DISPLAY_NAME_MAX }) });
  const phoneCell = cell("phone");
  const phone = phoneCell === "" ? null : normalisePhone(phoneCell);
  if (phoneCell !== "" && phone === null) problems.push({ line, column: "phone", message: msg("roster.csv.phone") });
  const emailCell = cell("email").toLowerCase();
  if (emailCell !== "" && (emailCell.length > 254 || !EMAIL.test(emailCell))) problems.push({ line, column: "email", message: msg("roster.csv.email") });
  const communityId = findCommunity(cell("community"), scope, line, problems);
  const read = readRoles(cell("roles"));
  if ("unknown" in read) problems.push({ line, column: "roles", message: msg("roster.csv.unknownRole", { role: quoted(read.unknown) }) });
  else if (read.roles.includes("committeeMember") && read.roles.includes("supervisor")) problems.push({ line, column: "roles", message: msg("roster.csv.exclusiveRoles") });
  const household = cell("household");
  if (Array.from(household).length > ROSTER_HOUSEHOLD_MAX) problems.push({ line, column: "household", message: msg("errors.tooLong", { max: ROSTER_HOUSEHOLD_MAX }) });
  if (problems.length > before || communityId === null || "unknown" in read) return null;
  return { line, name, phone, email: emailCell || null, communityId, roles: read.roles, household };
}

/**
 * Reads and checks a roster CSV within a street (`scope`): every problem with its line, the same
 * person (community and name, compared as names are) twice in the file included; rows come back only
 * when nothing is wrong. What the database knows (members already there, their phones) the import checks.
 */
export function parseRosterCsv(text: string, scope: Scope): { rows: RosterRow[]; problems: RosterProblem[] } {
  const problems: RosterProblem[] = [];
  const rows: RosterRow[] = [];
  const seen = new Map<string, number>();
  readCsvLines<Partial<Record<RosterColumn, number>>, RosterColumn>(
    text,
    {
      keys: "roster.csv",
      maxRows: ROSTER_MAX_ROWS,
      header: readHeader,
      row: (fields, header, line) => {
        const row = checkRow(fields, header, line, scope, problems);
        if (!row) return;
        const key = `${row.communityId}\u0000${displayNameKey(row.name)}`;
        const first = seen.get(key);
        if (first !== undefined) problems.push({ line, column: "name", message: msg("roster.csv.duplicatePerson", { line: first }) });
        else seen.set(key, line);
        rows.push(row);
      },
    },
    problems,
  );
  problems.sort((a, b) => a.line - b.line);
  return problems.length ? { rows: [], problems } : { rows, problems };
}
