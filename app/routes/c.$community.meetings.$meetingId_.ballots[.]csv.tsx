import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireAccess } from "~/auth/guards.server";
import { assemblyTallyCsv, ballotsCsv, getMeetingNumber, listMeetingBallots } from "~/models/meeting-records.server";
import { getTimeZone } from "~/models/time-zone.server";
import { parseTopicId } from "~/models/topic-page.server";

// The ballots of the meeting's closed motions, for a spreadsheet and for an independent recount.
export async function loader(args: LoaderFunctionArgs) {
  const { community } = requireAccess(args, args.params.community, "meetingBallots");
  const meetingId = parseTopicId(args.params.meetingId) ?? notFound();
  const number = getMeetingNumber({ communityId: community.id, meetingId }) ?? notFound();
  const zone = getTimeZone(community.id);
  // An assembly is counted by hand: its tallies with their tellers instead of ballots.
  const csv = assemblyTallyCsv({ communityId: community.id, meetingId }, zone) ?? ballotsCsv(listMeetingBallots({ communityId: community.id, meetingId }), zone);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${community.slug}-meeting-${number}-ballots.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
