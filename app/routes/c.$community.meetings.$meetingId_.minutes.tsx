import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingMinutes } from "~/components/meeting-records/meeting-minutes";
import { notFound, requireAccess } from "~/auth/guards.server";
import { getMeetingRecord } from "~/models/meeting-records.server";
import { parseTopicId } from "~/models/topic-page.server";
import { meetingsTitle } from "~/components/meetings/meeting-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: meetingsTitle(matches, ({ en, number }) => (data ? [`${number(data.record.meeting.number)} ${en ? "minutes" : "会议记录"}`, data.record.meeting.title] : [])) }];

export async function loader(args: LoaderFunctionArgs) {
  const { community } = requireAccess(args, args.params.community, "meetingMinutes");
  const meetingId = parseTopicId(args.params.meetingId) ?? notFound();
  const record = getMeetingRecord({ communityId: community.id, meetingId }) ?? notFound();
  return json({ community: { slug: community.slug, nameZh: community.nameZh, nameEn: community.nameEn }, record });
}

export default function MeetingMinutesPage() {
  const { community, record } = useLoaderData<typeof loader>();
  const { i18n } = useTranslation();
  const base = `/c/${community.slug}/meetings/${record.meeting.id}`;
  return <MeetingMinutes record={record} communityName={i18n.language === "en" ? community.nameEn : community.nameZh} meetingUrl={base} csvUrl={`${base}/ballots.csv`} />;
}
