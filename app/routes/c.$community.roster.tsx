import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { requireAccess } from "~/auth/guards.server";
import { handleRosterAction } from "~/actions/roster.server";
import { getTimeZone } from "~/models/time-zone.server";
import { rosterPage } from "~/pages/roster.server";
import { RosterPage } from "~/components/roster/roster-page";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { community } = requireAccess(args, args.params.community, "roster");
  const page = rosterPage({ streetId: community.streetId, communityId: community.id }, getTimeZone(community.id));
  return json(
    { title: await pageTitle(args.request, [["roster.title"], community], community.kind), path: `/c/${community.slug}/roster`, ...page },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, community } = requireAccess(args, args.params.community, "roster");
  return handleRosterAction({ request: args.request, scope: { streetId: community.streetId, communityId: community.id }, actorId: user.id });
}

export default function CommunityRoster() {
  const { path, people, imports } = useLoaderData<typeof loader>();
  return <RosterPage path={path} street={false} people={people} imports={imports} data={useActionData<typeof action>()} />;
}
