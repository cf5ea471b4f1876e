import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePublicAccess } from "~/auth/guards.server";
import { atomFeed } from "~/models/atom";
import { listFeedEntries } from "~/models/board-feed.server";
import { now } from "~/models/clock.server";
import { publicOrigin } from "~/security/public-origin.server";

/** The public board as an Atom feed (anyone): decisions, meetings, resolutions, execution reports, results — newest 50. */
export async function loader(args: LoaderFunctionArgs) {
  const { community } = requirePublicAccess(args, args.params.community, "boardFeed");
  // Links from the configured origin, never from Host: the same feed for every request, so a shared cache keeps the right one.
  const origin = publicOrigin();
  const tag = (key: string) => `tag:${new URL(origin).hostname},2026:${community.slug}/${key}`;
  const entries = listFeedEntries({ communityId: community.id, slug: community.slug, kind: community.kind });
  const xml = atomFeed({
    id: tag("board"),
    title: `${community.nameZh} · 公示栏`,
    selfLink: `${origin}/c/${community.slug}/board/feed.xml`,
    alternateLink: `${origin}/c/${community.slug}/board`,
    updated: entries[0]?.updated ?? now(),
    entries: entries.map((e) => ({ id: tag(e.key), title: e.title, updated: e.updated, link: `${origin}${e.path}`, summary: e.summary })),
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
