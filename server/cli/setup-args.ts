import { USERNAME_PATTERN } from "../../app/forms/auth";
import { cleanDisplayName, DISPLAY_NAME_MAX } from "../../app/forms/display-name";
import { isTimeZone } from "../../app/i18n/time-zone";
import { PLACE_NAME_MAX, PLACE_SLUG, type CommunityKind, type NewCommunity } from "../../app/forms/communities";
import { RESPONSE_HOURS_MAX, RESPONSE_HOURS_MIN } from "../../app/workflow/department-call";

/**
 * `npm run setup`'s arguments (contracts.md): pure, so the command's rules are unit-tested.
 *   --street huadu --street-name 花都街道 [--street-name-en "Huadu Subdistrict"]
 *   --community xinhua:新华社区:urban [--community dongfeng:东风村:village:"Dongfeng Village"] …
 *   --admin admin1 [--admin-name 街道管理员] [--time-zone Asia/Shanghai]
 *   [--department 城管中队:24 --department 住建办:48 …]  (the street's departments and their response limits in hours)
 * The admin's password comes from SETUP_ADMIN_PASSWORD or a prompt, never from the command line.
 */
export interface SetupGiven {
  street?: string;
  streetName?: string;
  streetNameEn?: string;
  communities: NewCommunity[];
  /** The street's departments (issue 19): name and response limit; English name = the Chinese, no public contact yet. */
  departments: SetupDepartment[];
  admin?: string;
  adminName?: string;
  timeZone?: string;
  help?: boolean;
}

export interface SetupDepartment {
  nameZh: string;
  nameEn: string;
  contact: string;
  responseHours: number;
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;
export const DEFAULT_ADMIN_NAME = "街道管理员";

const KINDS: Record<string, CommunityKind> = {
  urban: "urban",
  village: "village",
  社区: "urban",
  村: "village",
};
const OPTIONS = new Set(["street", "street-name", "street-name-en", "community", "department", "admin", "admin-name", "time-zone"]);

/** A name as stored: one cleaned line, 1–40 characters; or why not. */
export function checkName(value: string, what: string): string | { error: string } {
  const name = cleanDisplayName(value);
  if (!name) return { error: `${what} is empty` };
  if (name.length > PLACE_NAME_MAX)
    return {
      error: `${what} "${name}" is longer than ${PLACE_NAME_MAX} characters`,
    };
  return name;
}

export function checkSlug(value: string, what: string): string | { error: string } {
  const slug = value.trim();
  if (!PLACE_SLUG.test(slug))
    return {
      error: `${what} "${slug}" is not a valid slug (lower-case letters, digits and hyphens, 2–40 characters, starting with a letter or digit)`,
    };
  return slug;
}

/** `slug:中文名:kind[:English name]`, kind urban|village (or 社区|村). */
export function parseCommunity(spec: string): NewCommunity | { error: string } {
  const [slugPart = "", namePart = "", kindPart = "", ...rest] = spec.split(":");
  if (!namePart || !kindPart)
    return {
      error: `--community "${spec}" must be slug:name:kind (kind urban or village)`,
    };
  const slug = checkSlug(slugPart, "community");
  if (typeof slug !== "string") return slug;
  const nameZh = checkName(namePart, `the name of community ${slug}`);
  if (typeof nameZh !== "string") return nameZh;
  const kind = KINDS[kindPart.trim()];
  if (!kind)
    return {
      error: `community ${slug}: kind "${kindPart}" is neither urban (社区) nor village (村)`,
    };
  const nameEn = rest.length ? checkName(rest.join(":"), `the English name of community ${slug}`) : nameZh;
  if (typeof nameEn !== "string") return nameEn;
  return { slug, nameZh, nameEn, kind };
}

/** `name:hours`: a department of the street and its response limit (1–720 hours); the name may itself hold a colon. */
export function parseDepartment(spec: string): SetupDepartment | { error: string } {
  const at = spec.lastIndexOf(":");
  if (at < 0) return { error: `--department "${spec}" must be name:hours (e.g. 城管中队:24)` };
  const nameZh = checkName(spec.slice(0, at), "a department's name");
  if (typeof nameZh !== "string") return nameZh;
  const hoursText = spec.slice(at + 1).trim();
  const hours = /^\d{1,4}$/.test(hoursText) ? Number(hoursText) : NaN;
  if (!(hours >= RESPONSE_HOURS_MIN && hours <= RESPONSE_HOURS_MAX))
    return { error: `department ${nameZh}: response limit "${hoursText}" is not a whole number of hours from ${RESPONSE_HOURS_MIN} to ${RESPONSE_HOURS_MAX}` };
  return { nameZh, nameEn: nameZh, contact: "", responseHours: hours };
}

/** The command line as given, with every problem in it (each one line). */
export function parseSetupArgs(argv: readonly string[]): {
  given: SetupGiven;
  errors: string[];
} {
  const given: SetupGiven = { communities: [], departments: [] };
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      given.help = true;
      continue;
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match || !OPTIONS.has(match[1])) {
      errors.push(`unknown argument "${arg}"`);
      continue;
    }
    const name = match[1];
    let value = match[2];
    if (value === undefined) {
      if (i + 1 >= argv.length || argv[i + 1].startsWith("--")) {
        errors.push(`--${name} needs a value`);
        continue;
      }
      value = argv[++i];
    }
    const problem = take(given, name, value);
    if (problem) errors.push(problem);
  }
  const slugs = given.communities.map((c) => c.slug);
  for (const slug of new Set(slugs.filter((s, i) => slugs.indexOf(s) !== i))) errors.push(`community ${slug} is given twice`);
  const names = given.departments.map((d) => d.nameZh);
  for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) errors.push(`department ${name} is given twice`);
  return { given, errors };
}

function take(given: SetupGiven, name: string, value: string): string | null {
  const set = <K extends keyof SetupGiven>(key: K, v: string | { error: string }) => {
    if (typeof v !== "string") return v.error;
    if (given[key] !== undefined) return `--${name} is given twice`;
    (given as Record<K, unknown>)[key] = v;
    return null;
  };
  switch (name) {
    case "street":
      return set("street", checkSlug(value, "street"));
    case "street-name":
      return set("streetName", checkName(value, "the street's name"));
    case "street-name-en":
      return set("streetNameEn", checkName(value, "the street's English name"));
    case "admin":
      return set("admin", checkUsername(value));
    case "admin-name":
      return set("adminName", checkAdminName(value));
    case "time-zone":
      return set(
        "timeZone",
        isTimeZone(value)
          ? value
          : {
              error: `time zone "${value}" is not one this runtime knows (e.g. Asia/Shanghai)`,
            }
      );
    case "department": {
      const department = parseDepartment(value);
      if ("error" in department) return department.error;
      given.departments.push(department);
      return null;
    }
    default: {
      const community = parseCommunity(value);
      if ("error" in community) return community.error;
      given.communities.push(community);
      return null;
    }
  }
}

/** The username rules of /join: 3–32 lower-case letters, digits, _ and -. */
export function checkUsername(value: string): string | { error: string } {
  const username = value.trim().toLowerCase();
  return USERNAME_PATTERN.test(username)
    ? username
    : {
        error: `username "${value}" is not valid (3–32 lower-case letters, digits, _ or -)`,
      };
}

export function checkAdminName(value: string): string | { error: string } {
  const name = cleanDisplayName(value);
  if (!name) return { error: "the admin's display name is empty" };
  return name.length > DISPLAY_NAME_MAX
    ? {
        error: `the admin's display name is longer than ${DISPLAY_NAME_MAX} characters`,
      }
    : name;
}

/** The password rules of /join: 8–200 characters. */
export function checkPassword(value: string): string | { error: string } {
  if (value.length < PASSWORD_MIN)
    return {
      error: `the admin's password is shorter than ${PASSWORD_MIN} characters`,
    };
  if (value.length > PASSWORD_MAX)
    return {
      error: `the admin's password is longer than ${PASSWORD_MAX} characters`,
    };
  return value;
}

/** What is still missing, by the option (or variable) that would give it. */
export function missingOf(given: SetupGiven, password: string | undefined): string[] {
  const missing: string[] = [];
  if (!given.street) missing.push("--street");
  if (!given.streetName) missing.push("--street-name");
  if (given.communities.length === 0) missing.push("--community");
  if (!given.admin) missing.push("--admin");
  if (password === undefined || password === "") missing.push("SETUP_ADMIN_PASSWORD");
  return missing;
}

export const USAGE =
  "usage: SETUP_ADMIN_PASSWORD=… npm run setup -- --street <slug> --street-name <name> --community <slug>:<name>:<urban|village> … --admin <username>\n" +
  "       [--street-name-en <name>] [--admin-name <display name>] [--time-zone <IANA zone>]; a community may add :<English name>.\n" +
  "       [--department <name>:<hours>] … : the street's departments, each with its response limit (1–720 hours).\n" +
  "       Run by hand (a terminal), it asks for whatever is missing.";
