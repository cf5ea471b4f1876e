import type { i18n as I18n } from "i18next";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { TimeZoneProvider } from "~/components/time-zone";
import { DEFAULT_TIME_ZONE } from "~/i18n/time-zone";

const made = new WeakMap<object, Map<string, string>>();

/**
 * The server markup of `element`, rendered once per language for as long as `data` (the object it
 * is drawn from) lives. For parts of a page drawn from data remembered until the next write (a
 * topic's comments and co-signers, the hall's columns): those objects are the same for every reader
 * until a write replaces them, and so is their markup. Goes into the page through the load
 * context's fragments (app/components/server-fragments.tsx); the browser draws the same elements
 * from the same data. Times in it are shown in `zone`, the community's (getTimeZone), as the page does.
 */
export function renderedAhead(data: object, i18n: I18n, element: () => ReactElement, zone: string = DEFAULT_TIME_ZONE): string {
  let byLanguage = made.get(data);
  if (!byLanguage) {
    byLanguage = new Map();
    made.set(data, byLanguage);
  }
  const key = `${i18n.language}|${zone}`;
  let html = byLanguage.get(key);
  if (html === undefined) {
    html = renderToString(
      <I18nextProvider i18n={i18n}>
        <TimeZoneProvider zone={zone}>{element()}</TimeZoneProvider>
      </I18nextProvider>,
    );
    byLanguage.set(key, html);
  }
  return html;
}
