import { createContext, useContext, type ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { DEFAULT_TIME_ZONE, offsetLabel } from "~/i18n/time-zone";

/**
 * The time zone of the community a page belongs to (its rules.timeZone). The community layout
 * provides it from its loader; pages outside a community (notifications) provide it per item.
 * Every formatter (useFormats) reads it, so the server's rendering and the browser's hydration agree.
 */
const TimeZoneContext = createContext<string>(DEFAULT_TIME_ZONE);

export function TimeZoneProvider({ zone, children }: { zone: string; children: ReactNode }) {
  return <TimeZoneContext.Provider value={zone}>{children}</TimeZoneContext.Provider>;
}

export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}

type Translate = ReturnType<typeof useTranslation>["t"];

/** "北京时间(UTC+8)", "Europe/London (UTC)": a zone by the name residents use, with its offset at `at`. */
export function zoneLabel(t: Translate, zone: string, at: Date): string {
  return t("timeZone.label", { name: t(`timeZone.names.${zone}`, { defaultValue: zone }), offset: offsetLabel(zone, at) });
}

/** "北京时间", "Europe/London": the page's zone by the name residents use (forms say which time they read). */
export function useZoneName(): string {
  const zone = useTimeZone();
  const { t } = useTranslation();
  return t(`timeZone.names.${zone}`, { defaultValue: zone });
}

/** The page's zone (the community's), named once on a page with its offset at `at`. */
export function useZoneLabel(at: Date): string {
  const zone = useTimeZone();
  const { t } = useTranslation();
  return zoneLabel(t, zone, at);
}
