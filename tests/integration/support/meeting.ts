// A representatives' meeting built with the models, as the convener and the representatives would
// build it over the meeting page: topics frozen onto the agenda, the session opened, roll call, votes.
import type { MeetingResult } from "~/models/meeting.server";
import { scheduleMeeting, startMeeting, tableMotion } from "~/models/meeting.server";
import { freezeDraft } from "~/models/freeze.server";
import { consultingTopic } from "./consultation";
import { communityId, userId } from "./db";

export function must<T extends object>(result: MeetingResult<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.problem}`);
  return result;
}

/** A topic of our own, frozen and waiting on the agenda (state onAgenda, with its draft_freezes row). */
export function agendaTopic(text: string, slug = "mingyue"): number {
  const { id, communityId: cid } = consultingTopic({ slug, text });
  const frozen = freezeDraft({ communityId: cid, topicId: id, userId: userId("committee1"), roles: ["committee"] });
  if (!frozen.ok || frozen.to !== "onAgenda") throw new Error(`freeze refused: ${JSON.stringify(frozen)}`);
  return id;
}

export const convener = (slug = "mingyue") => ({ communityId: communityId(slug), userId: userId("convener1"), roles: ["convener", "committee"] as const });
export const representative = (n: number, slug = "mingyue") => ({
  communityId: communityId(slug),
  userId: userId(`rep${String(n).padStart(2, "0")}`),
  roles: ["representative", "resident"] as const,
});

/** A meeting in session with one motion per entry of `motions` (in that order), roster taken. */
export function meetingInSession({ title, motions }: { title: string; motions: Array<{ text: string; secret?: boolean }> }) {
  const actor = convener();
  const { id: meetingId } = must(
    scheduleMeeting({ ...actor, title, place: "社区议事厅", scheduledAt: new Date(Date.now() + 7 * 86_400_000), requestId: null, acceptShortNotice: true }),
  );
  const motionIds = motions.map(({ text, secret = false }) => must(tableMotion({ ...actor, meetingId, topicId: agendaTopic(text), secret, onFail: "revise" })).id);
  must(startMeeting({ ...actor, meetingId }));
  return { meetingId, motionIds };
}
