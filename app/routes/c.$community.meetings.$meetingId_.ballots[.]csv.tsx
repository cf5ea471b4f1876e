import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireAccess } from "~/auth/guards.server";
import { ballotsCsv, getMeetingNumber, listMeetingBallots } from "~/models/meeting-records.server";
import { getTimeZone } from "~/models/time-zone.server";
import { parseTopicId } from "~/models/topic-page.server";

// The ballots of the meeting's closed motions, for a spreadsheet and for an independent recount.
export async function loader(args: LoaderFunctionArgs) {
  const { community } = requireAccess(args, args.params.community, "meetingBallots");
  const meetingId = parseTopicId(args.params.meetingId) ?? notFound();
  const number = getMeetingNumber({ communityId: community.id, meetingId }) ?? notFound();
  const csv = ballotsCsv(listMeetingBallots({ communityId: community.id, meetingId }), getTimeZone(community.id));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${community.slug}-meeting-${number}-ballots.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
