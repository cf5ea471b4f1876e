import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { MinutesView } from "~/components/consultation/minutes-view";
import { notFound, requireAccess } from "~/auth/guards.server";
import { getMeeting } from "~/models/consultation.server";
import { parseTopicId } from "~/models/topic-page.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `议事协商会会议纪要 · #${data.meeting.topicNumber} ${data.meeting.topicTitle}` : "议事厅" }];

export async function loader(args: LoaderFunctionArgs) {
  const { community } = requireAccess(args, args.params.community, "minutes");
  const topicId = parseTopicId(args.params.topicId) ?? notFound();
  const meetingId = parseTopicId(args.params.meetingId) ?? notFound();
  const meeting = getMeeting({ communityId: community.id, topicId, meetingId }) ?? notFound();
  return json({ slug: community.slug, communityName: community.nameZh, topicId, meeting });
}

export default function MinutesPage() {
  const { slug, communityName, topicId, meeting } = useLoaderData<typeof loader>();
  return <MinutesView slug={slug} communityName={communityName} topicId={topicId} meeting={meeting} />;
}
