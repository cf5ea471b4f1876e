import { useTranslation } from "~/i18n/use-translation";
import { DEFAULT_TIME_ZONE } from "~/i18n/time-zone";
import { useTimeZone } from "../time-zone";

/**
 * Dates are shown in the community's own time zone (its rules, given by the layout through
 * <TimeZoneProvider>), so the server's rendering and the browser's hydration agree whatever zone
 * either machine is in.
 */

type Formats = {
  date: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
  monthDay: Intl.DateTimeFormat;
  /** "2026/12/6 08:26:03": the ledger's stamp, to the second. */
  stamp: Intl.DateTimeFormat;
};

// Building a DateTimeFormat costs far more than using one, and a page renders dozens of cards:
// one set per language and zone, shared by every component (and every request, on the server).
const byLanguage = new Map<string, Formats>();

export function formatsFor(language: string, zone: string = DEFAULT_TIME_ZONE): Formats {
  const key = `${language}|${zone}`;
  let formats = byLanguage.get(key);
  if (!formats) {
    const timeZone = zone;
    formats = {
      date: new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone }),
      dateTime: new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone }),
      time: new Intl.DateTimeFormat(language, { timeStyle: "short", timeZone }),
      monthDay: new Intl.DateTimeFormat(language, { month: "short", day: "numeric", timeZone }),
      stamp: new Intl.DateTimeFormat(language, { dateStyle: "short", timeStyle: "medium", timeZone }),
    };
    byLanguage.set(key, formats);
  }
  return formats;
}

export function useFormats(): Formats {
  const { i18n } = useTranslation();
  return formatsFor(i18n.language, useTimeZone());
}

export type Instant = string | Date;

export function isoOf(value: Instant): string {
  return new Date(value).toISOString();
}
