import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { MeetingScreen } from "~/components/meeting-records/meeting-screen";
import { notFound, requirePublicAccess } from "~/auth/guards.server";
import { getScreenState } from "~/models/meeting-view.server";
import { parseTopicId } from "~/models/topic-page.server";

export const meta = titleMeta;

// The projector in the hall: counts only (no names), so anyone in the room may open it.
export async function loader(args: LoaderFunctionArgs) {
  const { community } = requirePublicAccess(args, args.params.community, "meetingScreen");
  const meetingId = parseTopicId(args.params.meetingId) ?? notFound();
  const state = getScreenState({ communityId: community.id, meetingId }) ?? notFound();
  const title = await pageTitle(args.request, [[state.assembly ? "assembly.numbered" : "meetingRecords.meetingNumber", { number: state.meeting.number }], { text: state.meeting.title }], community.kind);
  return json({ title, community: { slug: community.slug, nameZh: community.nameZh, nameEn: community.nameEn }, state });
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
