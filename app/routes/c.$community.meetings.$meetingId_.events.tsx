import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requirePublicAccess } from "~/auth/guards.server";
import { getScreenState } from "~/models/meeting-view.server";
import { screenEventStream } from "~/models/screen-events.server";
import { parseTopicId } from "~/models/topic-page.server";

// The projector's live feed (Server-Sent Events): counts only, so anyone may listen, like the screen.
export async function loader(args: LoaderFunctionArgs) {
  const { community } = requirePublicAccess(args, args.params.community, "meetingEvents");
  const meetingId = parseTopicId(args.params.meetingId) ?? notFound();
  if (!getScreenState({ communityId: community.id, meetingId })) notFound();
  // Each open stream holds memory and a listener until it closes: a client holds only so many at once.
  const closed = args.context.holdStream();
  if (!closed) throw new Response("Too Many Requests", { status: 429, statusText: "Too Many Requests", headers: { "Retry-After": "30" } });
  return screenEventStream({ communityId: community.id, meetingId, signal: closed });
}
