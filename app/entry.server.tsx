import { randomBytes } from "node:crypto";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceContext } from "./components/nonce";
import { ServerFragments } from "./components/server-fragments";
import { i18nFor } from "./i18n/instances.server";
import { i18n } from "./i18n/i18next.server";
import { contentSecurityPolicy } from "./security/csp";

// Pages are rendered to a string, not streamed: React 18.3's renderToPipeableStream can emit NUL
// bytes where a multi-byte (Chinese) character meets its 2 KB chunk boundary (react#31134), and
// this app uses no deferred data that streaming would help with. See docs/decisions/005.
const encoder = new TextEncoder();

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext?: AppLoadContext,
) {
  const instance = await i18nFor(await i18n.getLocale(request));
  const nonce = randomBytes(16).toString("base64");
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <I18nextProvider i18n={instance}>
        <ServerFragments.Provider value={loadContext?.fragments}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </ServerFragments.Provider>
      </I18nextProvider>
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  // Bytes, not a string: a string body is first checked for lone surrogates character by character
  // (~80 µs for a 70 KB page) before it is encoded anyway.
  return new Response(encoder.encode(`<!DOCTYPE html>${html}`), { headers: responseHeaders, status: responseStatusCode });
}
