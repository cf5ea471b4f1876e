// The assembly (村民会议 / 居民会议) built with the models: a register of our own households, assemblies
// scheduled, started and checked in at the door.
import { eq } from "drizzle-orm";
import { getDb } from "../../../db/client.server";
import { assemblyRoll } from "../../../db/schema";
import { localDate } from "~/i18n/time-zone";
import { checkInAtDoor } from "~/models/assembly-door.server";
import { openVote } from "~/models/ballot.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { startMeeting } from "~/models/meeting-session.server";
import { getTimeZone } from "~/models/time-zone.server";
import type { AssemblyCount } from "~/workflow/assembly";
import { communityId, userId } from "./db";
import { agendaTopic, must } from "./meeting";
import { householdWith, memberOf, removedHousehold } from "./register";

export interface MemberSpec {
  name: string;
  birthDate: string;
  representative?: boolean;
  removed?: boolean;
}

/** Households with their members, in the community's register (through its model, as the committee or an import would); returns each household's id and its members' ids by name. */
export function addHouseholds(slug: string, specs: Array<{ code: string; group?: string; removed?: boolean; members: MemberSpec[] }>) {
  const ids = new Map<string, number>();
  const householdIds = new Map<string, number>();
  for (const h of specs) {
    const { id } = householdWith(slug, { code: h.code, groupName: h.group ?? "", address: `${h.code} 号` }, []);
    householdIds.set(h.code, id);
    for (const m of h.members) ids.set(m.name, memberOf(slug, id, m));
    if (h.removed) removedHousehold(slug, id);
  }
  return { members: ids, households: householdIds };
}

/** The convener of each demo community, as the models take an actor. */
export function convenerOf(slug: string) {
  return { communityId: communityId(slug), userId: userId(slug === "shiliu" ? "vconvener1" : "convener1"), roles: ["convener", "committee", "committeeMember"] as const };
}

/** YYYY-MM-DD of `at` in the community's zone: the meeting's day the roll is reckoned on. */
export function dayOf(slug: string, at: Date): string {
  return localDate(at, getTimeZone(communityId(slug)));
}

/** A birth date that makes one exactly 18 on `day` (plus `days`: 1 → turns 18 the day after). */
export function eighteenOn(day: string, days = 0): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y - 18, m - 1, d + days)).toISOString().slice(0, 10);
}

/** An assembly of `slug` at `at` with `motions` motions, started (the roll taken). */
export function startedAssembly(slug: string, countBy: AssemblyCount, at: Date, motions = 1) {
  const actor = convenerOf(slug);
  const { id } = must(scheduleMeeting({ ...actor, title: "村(居)民会议(测试)", place: "文化广场", scheduledAt: at, requestId: null, acceptShortNotice: true, body: "assembly", countBy }));
  const motionIds = Array.from({ length: motions }, () => must(tableMotion({ ...actor, meetingId: id, topicId: agendaTopic(undefined, slug), secret: false, onFail: "close" })).id);
  const { members } = must(startMeeting({ early: true, ...actor, meetingId: id }));
  return { id, motionIds, members, path: `/c/${slug}/meetings/${id}` };
}

export function rollOf(meetingId: number) {
  return getDb().select().from(assemblyRoll).where(eq(assemblyRoll.meetingId, meetingId)).all();
}

let made = 0;
/** An assembly of 明月社区 counting persons, in session, after one more household of one adult joined the register. */
export function doorAssembly() {
  addHouseholds("mingyue", [{ code: `A${process.pid}-${++made}`, members: [{ name: `居民${made}`, birthDate: "1970-01-01", representative: true }] }]);
  return startedAssembly("mingyue", "persons", new Date(Date.now() + 12 * 86_400_000));
}

/** `doorAssembly` with everyone on its roll checked in and its motion's vote open. */
export function votingAssembly() {
  const m = doorAssembly();
  const actor = convenerOf("mingyue");
  for (const seat of rollOf(m.id)) must(checkInAtDoor({ ...actor, meetingId: m.id, rollId: seat.id }));
  must(openVote({ ...actor, meetingId: m.id, motionId: m.motionIds[0] }));
  return m;
}
