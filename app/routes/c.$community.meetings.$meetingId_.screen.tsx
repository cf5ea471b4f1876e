import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingScreen } from "~/components/meeting-records/meeting-screen";
import { notFound, requirePublicAccess } from "~/auth/guards.server";
import { getScreenState } from "~/models/meeting-view.server";
import { parseTopicId } from "~/models/topic-page.server";
import { meetingsTitle } from "~/components/meetings/meeting-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: meetingsTitle(matches, ({ number }) => (data ? [number(data.state.meeting.number), data.state.meeting.title] : [])) }];

// The projector in the hall: counts only (no names), so anyone in the room may open it.
export async function loader(args: LoaderFunctionArgs) {
  const { community } = requirePublicAccess(args, args.params.community, "meetingScreen");
  const meetingId = parseTopicId(args.params.meetingId) ?? notFound();
  const state = getScreenState({ communityId: community.id, meetingId }) ?? notFound();
  return json({ community: { slug: community.slug, nameZh: community.nameZh, nameEn: community.nameEn }, state });
}

export default function MeetingScreenPage() {
  const { community, state } = useLoaderData<typeof loader>();
  const { i18n } = useTranslation();
  return (
    <MeetingScreen
      initial={state}
      communityName={i18n.language === "en" ? community.nameEn : community.nameZh}
      eventsUrl={`/c/${community.slug}/meetings/${state.meeting.id}/events`}
      meetingUrl={`/c/${community.slug}/meetings/${state.meeting.id}`}
    />
  );
}
