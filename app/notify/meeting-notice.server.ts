// What a meeting notice carries and whom it reaches: every member of the meeting's roster — the 组成人员
// (committee members and representatives) for a representatives' meeting; for an assembly, also every
// member of the register linked to an account — with the date and time in the community's zone, the
// place and the agenda's topic titles.
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { householdMembers, households, motions, topics } from "../../db/schema";
import { LIVE_MOTION_STATUSES } from "../workflow/motion-lifecycle";
import { rosterIds } from "../models/meeting.server";

/** The agenda as titles ("#12 修缮车棚"), in the order it will be taken; motions withdrawn or done left out. */
export function agendaTitles(tx: Tx, meetingId: number): string[] {
  return tx
    .select({ number: topics.number, title: topics.title })
    .from(motions)
    .innerJoin(topics, eq(topics.id, motions.topicId))
    .where(and(eq(motions.meetingId, meetingId), inArray(motions.status, [...LIVE_MOTION_STATUSES])))
    .orderBy(asc(motions.position))
    .all()
    .map((m) => `#${m.number} ${m.title}`);
}

/** Who hears of a meeting of `body`: the 组成人员, and for an assembly the register's members who have accounts. */
export function meetingNoticeRecipients(tx: Tx, communityId: number, body: string): number[] {
  const seats = rosterIds(tx, communityId);
  if (body !== "assembly") return seats;
  const registered = tx
    .select({ userId: householdMembers.userId })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(and(eq(householdMembers.communityId, communityId), isNotNull(householdMembers.userId), isNull(householdMembers.removedAt), isNull(households.removedAt)))
    .all()
    .map((r: { userId: number | null }) => r.userId!);
  return [...new Set([...seats, ...registered])];
}
