import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/**
 * Dates are shown in the communities' own time zone, so the server's rendering and the browser's
 * hydration agree whatever zone either machine is in.
 */
export const TIME_ZONE = "Asia/Shanghai";

export function useFormats() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      date: new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: TIME_ZONE }),
      dateTime: new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE }),
      time: new Intl.DateTimeFormat(language, { timeStyle: "short", timeZone: TIME_ZONE }),
    }),
    [language],
  );
}

export type Instant = string | Date;

export function isoOf(value: Instant): string {
  return new Date(value).toISOString();
}
