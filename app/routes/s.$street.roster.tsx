import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { DEFAULT_TIME_ZONE } from "~/i18n/time-zone";
import { requireStreetAdmin } from "~/auth/guards.server";
import { handleRosterAction } from "~/actions/roster.server";
import { rosterPage } from "~/pages/roster.server";
import { RosterPage } from "~/components/roster/roster-page";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { street } = requireStreetAdmin(args, args.params.street);
  const page = rosterPage({ streetId: street.id, communityId: null }, DEFAULT_TIME_ZONE);
  return json({ title: await pageTitle(args.request, [["roster.title"], street]), path: `/s/${street.slug}/roster`, ...page }, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action(args: ActionFunctionArgs) {
  const { user, street } = requireStreetAdmin(args, args.params.street);
  return handleRosterAction({ request: args.request, scope: { streetId: street.id, communityId: null }, actorId: user.id });
}

export default function StreetRoster() {
  const { path, people, imports } = useLoaderData<typeof loader>();
  return <RosterPage path={path} street people={people} imports={imports} data={useActionData<typeof action>()} />;
}
