import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { MinutesView } from "~/components/consultation/minutes-view";
import { notFound, requireAccess } from "~/auth/guards.server";
import { getMeeting } from "~/models/consultation.server";
import { parseTopicId } from "~/models/topic-page.server";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { community } = requireAccess(args, args.params.community, "minutes");
  const topicId = parseTopicId(args.params.topicId) ?? notFound();
  const meetingId = parseTopicId(args.params.meetingId) ?? notFound();
  const meeting = getMeeting({ communityId: community.id, topicId, meetingId }) ?? notFound();
  const title = await pageTitle(args.request, [["consultation.meetings.minutesTitle"], { text: `#${meeting.topicNumber} ${meeting.topicTitle}` }], community.kind);
  return json({ title, slug: community.slug, community: { nameZh: community.nameZh, nameEn: community.nameEn }, topicId, meeting });
}

export default function MinutesPage() {
  const { slug, community, topicId, meeting } = useLoaderData<typeof loader>();
  const { i18n } = useTranslation();
  return <MinutesView slug={slug} communityName={i18n.language === "en" ? community.nameEn : community.nameZh} topicId={topicId} meeting={meeting} />;
}
