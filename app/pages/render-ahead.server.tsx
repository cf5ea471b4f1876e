import type { i18n as I18n } from "i18next";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { TimeZoneProvider } from "~/components/time-zone";

const made = new WeakMap<object, Map<string, string>>();

/** A part a route renders ahead: the remembered object it is drawn from, and its elements. */
export type AheadPart = [data: object, element: () => ReactElement];

/**
 * A route's loader declares the parts of its page that are the same for every reader (drawn from
 * reads the cache shares, app/cache): each is rendered once per language and time zone for as long
 * as the object it is drawn from lives, and goes to the page's `<RenderedAhead part=…>` through the
 * load context. docs/decisions/015-rendered-ahead.md, 033-scoped-cache.md.
 */
export function renderAhead(context: { fragments?: Map<string, string> }, i18n: I18n, zone: string, parts: Record<string, AheadPart>): void {
  for (const [name, [data, element]] of Object.entries(parts)) context.fragments?.set(name, markupOf(data, i18n, zone, element));
}

function markupOf(data: object, i18n: I18n, zone: string, element: () => ReactElement): string {
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
