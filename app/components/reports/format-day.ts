import { DEFAULT_TIME_ZONE } from "~/i18n/time-zone";

/** A street-level time (tokens, export runs) in the street's zone: the default zone of its communities. */
export function formatDay(ms: number, language: string, withTime = false): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}), timeZone: DEFAULT_TIME_ZONE }).format(ms);
}
