import { instantOfWallTime } from "../i18n/time-zone";
import type { Period } from "../workflow/evaluation";

// The month 综合评价 covers (pure; the zone's arithmetic lives in i18n/time-zone.ts).

/** `?month=`: absent → this month in the zone; "all" → all time; a real YYYY-MM → that month; else null (refused). */
export function parsePeriod(value: string | null, at: Date, zone: string): Period | null {
  if (value === "all") return { kind: "all" };
  const month = value === null || value === "" ? monthOf(at, zone) : value;
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m || Number(m[1]) < 2000 || Number(m[1]) > 2999) return null;
  return { kind: "month", month, from: instantOfWallTime(`${month}-01T00:00:00`, zone), to: instantOfWallTime(`${nextMonth(month)}-01T00:00:00`, zone) };
}

export function monthOf(at: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit" }).formatToParts(at);
  return `${parts.find((p) => p.type === "year")!.value}-${parts.find((p) => p.type === "month")!.value}`;
}

export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

export function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

