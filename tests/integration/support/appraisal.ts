// 民主评议 fixtures: a sitting of mingyue (representatives' meeting or assembly) and an appraisal open
// at it, made with the models where they exist and by hand where another part of issue 17 owns the
// step (an assembly's roll at the door). Each appraisal gets a year of its own, as the law allows one
// a year: a test or the action catalogue may make several.
import { and, eq } from "drizzle-orm";
import { getDb } from "../../../db/client.server";
import { appraisalSubjects, appraisals, memberships } from "../../../db/schema";
import { now, DAY_MS } from "~/models/clock.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { checkIn } from "~/models/meeting-attendance.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { startMeeting } from "~/models/meeting-session.server";
import { communityId, userId } from "./db";
import { agendaTopic, convener, must, representative } from "./meeting";
import { addHouseholds, rollOf, startedAssembly } from "./assembly";
import { uniqueCode } from "./register";
import { checkInAtDoor } from "~/models/assembly-door.server";

/** A representatives' meeting of mingyue in session with representatives 1..present checked in. */
export function repSitting(present = 14): number {
  const { id } = must(scheduleMeeting({ ...convener(), title: "年度民主评议会议", place: "社区议事厅", scheduledAt: new Date(now().getTime() + DAY_MS), requestId: null, acceptShortNotice: true }));
  must(tableMotion({ ...convener(), meetingId: id, topicId: agendaTopic(), secret: false, onFail: "close" }));
  must(startMeeting({ early: true, ...convener(), meetingId: id }));
  for (let n = 1; n <= present; n++) must(checkIn({ ...representative(n), meetingId: id }));
  return id;
}

/** An assembly of `slug` in session counting households, with `present` of its roll checked in at the door (two more households join the register first). */
export function assemblySitting(slug: string, conv: { communityId: number; userId: number; roles: readonly ("convener" | "committee")[] }, present: number): number {
  addHouseholds(slug, [0, 1].map((i) => ({ code: uniqueCode("T"), members: [{ name: `户主${i}`, birthDate: "1970-01-01", representative: true }] })));
  const { id } = startedAssembly(slug, "households", new Date(now().getTime() + DAY_MS));
  for (const seat of rollOf(id).slice(0, present)) must(checkInAtDoor({ ...conv, meetingId: id, rollId: seat.id }));
  return id;
}

let spareYear = 3000;
/** This year's appraisal of the community, if any, moved to a year nobody uses: the year is free to open again. */
export function freeThisYear(slug: string) {
  const year = Number(new Date(now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  getDb().update(appraisals).set({ year: ++spareYear }).where(and(eq(appraisals.communityId, communityId(slug)), eq(appraisals.year, year))).run();
}

/** An appraisal open at `meetingId` (a year of its own), chaired by `chair`, appraising the committee's members. */
export function openAppraisalAt(slug: string, meetingId: number, chair: string): number {
  const cid = communityId(slug);
  const row = getDb().insert(appraisals).values({ communityId: cid, year: ++spareYear, meetingId, chairedBy: userId(chair), openedAt: now() }).returning().get();
  const subjects = getDb().select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.communityId, cid), eq(memberships.role, "committeeMember"))).all();
  for (const s of subjects) getDb().insert(appraisalSubjects).values({ appraisalId: row.id, userId: s.userId }).run();
  return row.id;
}

export const subjectIdsOf = (appraisalId: number) => getDb().select({ userId: appraisalSubjects.userId }).from(appraisalSubjects).where(eq(appraisalSubjects.appraisalId, appraisalId)).all().map((s) => s.userId);
