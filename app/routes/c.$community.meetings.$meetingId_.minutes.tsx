import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { MeetingMinutes } from "~/components/meeting-records/meeting-minutes";
import { notFound, requireAccess } from "~/auth/guards.server";
import { getMeetingRecord } from "~/models/meeting-records.server";
import { parseTopicId } from "~/models/topic-page.server";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { community } = requireAccess(args, args.params.community, "meetingMinutes");
  const meetingId = parseTopicId(args.params.meetingId) ?? notFound();
  const record = getMeetingRecord({ communityId: community.id, meetingId }) ?? notFound();
  const title = await pageTitle(args.request, [[record.assembly ? "assembly.numbered" : "meetingRecords.meetingNumber", { number: record.meeting.number }], ["meetingRecords.minutes.title"], { text: record.meeting.title }], community.kind);
  return json({ title, community: { slug: community.slug, nameZh: community.nameZh, nameEn: community.nameEn }, record });
}

export default function MeetingMinutesPage() {
  const { community, record } = useLoaderData<typeof loader>();
  const { i18n } = useTranslation();
  const base = `/c/${community.slug}/meetings/${record.meeting.id}`;
  return <MeetingMinutes record={record} communityName={i18n.language === "en" ? community.nameEn : community.nameZh} meetingUrl={base} csvUrl={`${base}/ballots.csv`} />;
}
