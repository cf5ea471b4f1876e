import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePublicAccess } from "~/auth/guards.server";
import { i18nFor } from "~/i18n/instances.server";
import { atomFeed } from "~/models/atom";
import { getTimeZone } from "~/models/time-zone.server";
import { feedLanguage, feedPath, listFeedEntries } from "~/models/board-feed.server";
import { now } from "~/models/clock.server";
import { publicOrigin } from "~/security/public-origin.server";

/**
 * The public board as an Atom feed (anyone): decisions, meetings, resolutions, execution reports,
 * results — newest 50, in the language `?lang=` names (else the reader's, as pages choose it), dates
 * in the community's time zone.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { community } = requirePublicAccess(args, args.params.community, "boardFeed");
  const { language, fixed } = await feedLanguage(args.request);
  const { t } = await i18nFor(language, community.kind);
  // Links from the configured origin, never from Host: the same feed for every request, so a shared cache keeps the right one.
  const origin = publicOrigin();
  // Each language's feed is a feed of its own (its id and its entries' ids); the default's ids are the ones subscribers have.
  const scope = language === "zh-CN" ? community.slug : `${community.slug}/${language}`;
  const tag = (key: string) => `tag:${new URL(origin).hostname},2026:${scope}/${key}`;
  const entries = listFeedEntries({ communityId: community.id, slug: community.slug, kind: community.kind, words: { t, language, timeZone: getTimeZone(community.id) } });
  const xml = atomFeed({
    id: tag("board"),
    lang: language,
    title: t("board.title", { name: language === "en" ? community.nameEn : community.nameZh }),
    author: t("app.name"),
    selfLink: `${origin}${feedPath(community.slug, language)}`,
    alternateLink: `${origin}/c/${community.slug}/board`,
    updated: entries[0]?.updated ?? now(),
    entries: entries.map((e) => ({ id: tag(e.key), title: e.title, updated: e.updated, link: `${origin}${e.path}`, summary: e.summary })),
  });
  const headers: Record<string, string> = { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" };
  // Without ?lang= the language came from the reader's cookie: a shared cache must keep one answer per cookie.
  if (!fixed) headers.Vary = "Cookie";
  return new Response(xml, { headers });
}
