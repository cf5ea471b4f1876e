import { randomBytes } from "node:crypto";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceContext } from "./components/nonce";
import { RenderedAheadParts } from "./components/rendered-ahead";
import { i18nFor } from "./i18n/instances.server";
import { DEFAULT_KIND, isCommunityKind } from "./i18n/kind-words";
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
  const root = remixContext.staticHandlerContext.loaderData.root as { kind?: unknown } | undefined;
  const instance = await i18nFor(await i18n.getLocale(request), isCommunityKind(root?.kind) ? root.kind : DEFAULT_KIND);
  const nonce = randomBytes(16).toString("base64");
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <I18nextProvider i18n={instance}>
        <RenderedAheadParts.Provider value={loadContext?.fragments}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </RenderedAheadParts.Provider>
      </I18nextProvider>
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  // Bytes, not a string: a string body is first checked for lone surrogates character by character
  // (~80 µs for a 70 KB page) before it is encoded anyway.
  return new Response(encoder.encode(`<!DOCTYPE html>${html}`), { headers: responseHeaders, status: responseStatusCode });
}

/**
 * Remix logs every error with its stack (console.error). A post to a page that takes none (a 405:
 * a stale form, a crawler, a probe) is no fault of ours: one short line, and the page says so.
 */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs): void {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status === 405) {
    // eslint-disable-next-line no-console -- a warning, not an error: the request was wrong, not the server
    console.warn(`405 ${request.method} ${new URL(request.url).pathname}: this page takes no ${request.method}`);
    return;
  }
  console.error(isRouteErrorResponse(error) && (error as { error?: unknown }).error ? (error as { error?: unknown }).error : error);
}
