import { useTranslation } from "react-i18next";

/**
 * Dates are shown in the communities' own time zone, so the server's rendering and the browser's
 * hydration agree whatever zone either machine is in.
 */
export const TIME_ZONE = "Asia/Shanghai";

type Formats = { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat; time: Intl.DateTimeFormat; monthDay: Intl.DateTimeFormat };

// Building a DateTimeFormat costs far more than using one, and a page renders dozens of cards:
// one set per language, shared by every component (and every request, on the server).
const byLanguage = new Map<string, Formats>();

export function formatsFor(language: string): Formats {
  let formats = byLanguage.get(language);
  if (!formats) {
    formats = {
      date: new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: TIME_ZONE }),
      dateTime: new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE }),
      time: new Intl.DateTimeFormat(language, { timeStyle: "short", timeZone: TIME_ZONE }),
      monthDay: new Intl.DateTimeFormat(language, { month: "short", day: "numeric", timeZone: TIME_ZONE }),
    };
    byLanguage.set(language, formats);
  }
  return formats;
}

export function useFormats(): Formats {
  const { i18n } = useTranslation();
  return formatsFor(i18n.language);
}

export type Instant = string | Date;

export function isoOf(value: Instant): string {
  return new Date(value).toISOString();
}
