/**
 * A community's time zone (rules.timeZone, an IANA name): the arithmetic every page, form, export
 * and model uses to show an instant in it and to read a typed date or time as that zone's wall time.
 * Pure and browser-safe, so a form's schema and its server check read a date the same way.
 */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** China's zones first (北京时间 and 新疆时间), then every zone the runtime knows. */
const FIRST = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei", "UTC"];

let known: string[] | null = null;

/** Every zone a community may choose, in the order the rules page offers them. */
export function timeZones(): string[] {
  if (!known) {
    const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    known = [...FIRST, ...all.filter((z) => !FIRST.includes(z))];
  }
  return known;
}

export function isTimeZone(value: unknown): value is string {
  return typeof value === "string" && timeZones().includes(value);
}

// Building a DateTimeFormat costs far more than using one: one per zone, kept.
const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    const two = "2-digit" as const;
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: two, day: two, hour: two, minute: two, second: two });
    partsFormats.set(zone, format);
  }
  return format;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallOf(at: Date, zone: string): Wall {
  const parts = Object.fromEntries(partsFormat(zone).formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** Minutes the zone is ahead of UTC at that instant (480 for Asia/Shanghai). */
export function offsetMinutes(zone: string, at: Date): number {
  const w = wallOf(at, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** "UTC+8", "UTC+5:30", "UTC" — the zone's offset at that instant. */
export function offsetLabel(zone: string, at: Date): string {
  const m = offsetMinutes(zone, at);
  if (m === 0) return "UTC";
  const abs = Math.abs(m);
  const minutes = abs % 60 ? `:${String(abs % 60).padStart(2, "0")}` : "";
  return `UTC${m < 0 ? "−" : "+"}${Math.floor(abs / 60)}${minutes}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A date's "YYYY-MM-DD" in the zone: the day a resident there would name. */
export function localDate(at: Date, zone: string = DEFAULT_TIME_ZONE): string {
  const w = wallOf(at, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The instant the zone's wall clock shows "YYYY-MM-DDTHH:MM[:SS[.mmm]]" (a summer-time gap moves it forward). */
export function instantOfWallTime(wall: string, zone: string = DEFAULT_TIME_ZONE): Date {
  const guess = Date.parse(`${wall}Z`);
  if (Number.isNaN(guess)) return new Date(Number.NaN);
  const first = guess - offsetMinutes(zone, new Date(guess)) * 60_000;
  const second = guess - offsetMinutes(zone, new Date(first)) * 60_000;
  return new Date(second);
}

/** The end of a local day (23:59:59.999 in the zone) as an instant: a deadline set to a date lasts through it. */
export function endOfLocalDay(date: string, zone: string = DEFAULT_TIME_ZONE): Date {
  return instantOfWallTime(`${date}T23:59:59.999`, zone);
}

/** The start of a local day (00:00 in the zone), when something is recorded by its date. */
export function startOfLocalDay(date: string, zone: string = DEFAULT_TIME_ZONE): Date {
  return instantOfWallTime(`${date}T00:00:00`, zone);
}

/** "2026-12-06T08:26:00+08:00": an instant written in the zone, with its offset (CSV exports). */
export function isoInZone(at: Date, zone: string): string {
  const w = wallOf(at, zone);
  const m = offsetMinutes(zone, at);
  const sign = m < 0 ? "-" : "+";
  const abs = Math.abs(m);
  return `${localDate(at, zone)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
