// What a representative is told when the convener records their hand vote: they may not have a
// phone in the room, but nobody should be able to vote in their name without them hearing of it.
import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { meetings, motions, topics, users } from "../../db/schema";
import type { BallotChoice } from "../workflow/meetings";
import { notifyUsers } from "./notification.server";

/** Inside the ballot's transaction: which meeting and motion, how (named motions only: secret ones take no hand votes) and by whom. */
export function notifyHandVote(tx: Tx, { communityId, motionId, voter, recordedBy, choice }: { communityId: number; motionId: number; voter: number; recordedBy: number; choice: BallotChoice | null }) {
  const motion = tx
    .select({ meetingId: meetings.id, meetingNumber: meetings.number, position: motions.position, topicId: topics.id, topicNumber: topics.number, topicTitle: topics.title })
    .from(motions)
    .innerJoin(meetings, eq(meetings.id, motions.meetingId))
    .innerJoin(topics, eq(topics.id, motions.topicId))
    .where(eq(motions.id, motionId))
    .get()!;
  const by = tx.select({ name: users.displayName }).from(users).where(eq(users.id, recordedBy)).get()?.name ?? "";
  notifyUsers(tx, {
    userIds: [voter],
    communityId,
    topicId: motion.topicId,
    kind: "ballot.recorded",
    payload: {
      meetingId: motion.meetingId,
      meetingNumber: motion.meetingNumber,
      position: motion.position,
      number: motion.topicNumber,
      title: motion.topicTitle,
      ...(choice !== null ? { choice } : {}),
      by,
    },
  });
}
