import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { json } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { useChangeLanguage } from "remix-i18next/react";
import { ErrorPage } from "./components/error-page";
import { SiteHeader } from "./components/site-header";
import { contactStreetOf } from "./models/department.server";
import { DEFAULT_LANGUAGE, isLanguage } from "./i18n/languages";
import { applyKind, appliedKind, DEFAULT_KIND } from "./i18n/kind-words";
import { getCommunityBySlug } from "./models/community.server";
import { i18n } from "./i18n/i18next.server";
import { i18nFor } from "./i18n/instances.server";
import { titleMeta } from "./i18n/page-title";
import { countUnread } from "./models/notification.server";
import { hasDemoData } from "./models/demo-data.server";
import { DemoBanner } from "./components/demo-banner";
import stylesheet from "./tailwind.css?url";
import { useNonce } from "./components/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// The app's name in the reader's language; a page names itself in its own loader (page-title.server.ts).
export const meta: MetaFunction = titleMeta;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = await i18n.getLocale(request);
  const user = context.auth?.user ?? null;
  // One indexed count per request: the bell's number.
  const unread = user ? countUnread({ userId: user.id }) : 0;
  // The community's kind sets the words of every page in it (村民 or 居民…): kind-words.ts.
  const kind = (params.community ? getCommunityBySlug(params.community)?.kind : undefined) ?? DEFAULT_KIND;
  const title = (await i18nFor(locale, kind)).t("app.name");
  // While the demo accounts exist every page says so (issue 18): one remembered read.
  // A department's contact person (issue 19) has no hall: the header links to their street's queue of calls.
  const queue = user ? contactStreetOf(user.id) : null;
  return json({ locale, user, unread, kind, title, demo: hasDemoData(), queue: queue ? `/s/${queue.slug}/calls` : null });
}

// Moving to another community (or out of one) may change the words (村民 or 居民…): the root's kind is read again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentParams, nextParams, defaultShouldRevalidate }) =>
  currentParams.community !== nextParams.community || defaultShouldRevalidate;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation();
  // A post refused by a thrown response renders the root boundary without the root loader's data:
  // the instance (created per request in entry.server, from <html lang> in the browser) knows the language.
  const locale = data?.locale ?? (isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE);
  useChangeLanguage(locale);
  const kind = data?.kind ?? appliedKind(i18n);
  // On the server the instance already speaks of this kind; in the browser, a page of another kind of community switches the words.
  applyKind(i18n, kind);
  const nonce = useNonce();
  return (
    <html lang={locale} data-kind={kind}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2 focus-visible:outline-white">
          {t("app.skipToContent")}
        </a>
        <SiteHeader user={data?.user ?? null} unread={data?.unread ?? 0} queue={data?.queue ?? null} />
        {/* Under the header: the skip link shows over the header, its white focus ring on red. */}
        {data?.demo ? <DemoBanner /> : null}
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  // Marks the page as running (hydrated): end-to-end tests of what only the browser does wait for it.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return <ErrorPage status={status} />;
}
