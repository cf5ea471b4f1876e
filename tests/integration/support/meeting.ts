// Representatives' meetings built with the models, as the convener and the representatives would
// build them over the meeting page: extra representatives with sessions made directly (no Argon2
// login per person), topics frozen onto the agenda, sessions opened, roll call and votes.
import { and, count, eq } from "drizzle-orm";
import { getDb } from "../../../db/client.server";
import { ballots, ledgerEntries, memberships, motions, users } from "../../../db/schema";
import { createSession, generateSessionToken, SESSION_COOKIE } from "~/auth/session.server";
import { closeVote, openVote } from "~/models/ballot.server";
import { freezeDraft } from "~/models/freeze.server";
import type { MeetingResult } from "~/models/meeting.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { checkIn } from "~/models/meeting-attendance.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { startMeeting } from "~/models/meeting-session.server";
import type { Role } from "~/workflow/roles";
import { consultingTopic } from "./consultation";
import { communityId, userId } from "./db";

export function must<T extends object>(result: MeetingResult<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.problem}`);
  return result;
}

/** A topic of our own, frozen and waiting on the agenda (state onAgenda, with its draft_freezes row). */
export function agendaTopic(text = "议题正文:东门路灯损坏,拟更换。", slug = "mingyue"): number {
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
  must(startMeeting({ early: true, ...actor, meetingId }));
  return { meetingId, motionIds };
}

export interface Person {
  id: number;
  username: string;
  cookie: string;
}

/** A session of `id`, as the cookie a browser would send. */
export function sessionCookie(id: number): string {
  const token = generateSessionToken();
  createSession({ token, userId: id });
  return `${SESSION_COOKIE}=${token}`;
}

export function person(username: string): Person {
  const id = userId(username);
  return { id, username, cookie: sessionCookie(id) };
}

let batch = 0;
/**
 * `n` new people holding `roles` in the community, each signed in. They can never log in with a
 * password (the hash is not one): only their sessions let them in.
 */
export function addMembers(n: number, { slug = "mingyue", roles = ["representative", "resident"] as Role[] } = {}): Person[] {
  const cid = communityId(slug);
  const prefix = `r${process.pid}b${++batch}n`;
  const ids = getDb().transaction((tx) =>
    Array.from({ length: n }, (_, i) => {
      const { id } = tx
        .insert(users)
        .values({ username: `${prefix}${i}`, displayName: `代表${batch}-${i}`, passwordHash: "!" })
        .returning({ id: users.id })
        .get();
      for (const role of roles) tx.insert(memberships).values({ communityId: cid, userId: id, role }).run();
      return id;
    }),
  );
  return ids.map((id, i) => ({ id, username: `${prefix}${i}`, cookie: sessionCookie(id) }));
}

export interface StartedMeeting {
  id: number;
  /** The meeting page, where its posts go. */
  path: string;
  motionIds: number[];
  topicIds: number[];
  members: number;
}

/**
 * A meeting of mingyue with `motions` motions (each a fresh frozen topic), started (the roster is every
 * representative now), and the people in `present` checked in, each by themselves.
 */
export function startedMeeting({ motions: n = 1, secret = false, present = [] as Array<{ id: number }> } = {}): StartedMeeting {
  const actor = convener();
  const { id } = must(scheduleMeeting({ ...actor, title: "居民代表会议(测试)", place: "社区议事厅", scheduledAt: new Date(Date.now() + 3_600_000), requestId: null, acceptShortNotice: true }));
  const topicIds = Array.from({ length: n }, () => agendaTopic());
  const motionIds = topicIds.map((topicId) => must(tableMotion({ ...actor, meetingId: id, topicId, secret, onFail: "close" })).id);
  const { members } = must(startMeeting({ early: true, ...actor, meetingId: id }));
  for (const p of present) must(checkIn({ communityId: actor.communityId, userId: p.id, roles: ["representative"], meetingId: id }));
  return { id, path: `/c/mingyue/meetings/${id}`, motionIds, topicIds, members };
}

export function openMotion(meetingId: number, motionId: number) {
  must(openVote({ ...convener(), meetingId, motionId }));
}

export function closeMotion(meetingId: number, motionId: number) {
  return must(closeVote({ ...convener(), meetingId, motionId }));
}

export function ballotRows(motionId: number) {
  return getDb().select().from(ballots).where(eq(ballots.motionId, motionId)).all();
}

export function motionRow(motionId: number) {
  return getDb().select().from(motions).where(eq(motions.id, motionId)).get()!;
}

/** The last sequence number of the community's ledger (its head). */
export function ledgerHead(slug = "mingyue"): number {
  return getDb().$client.prepare("SELECT coalesce(max(seq), 0) AS seq FROM ledger_entries WHERE community_id = ?").pluck().get(communityId(slug)) as number;
}

export function ledgerCount(type: string, subject: string): number {
  return getDb()
    .select({ n: count() })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.type, type), eq(ledgerEntries.subject, subject)))
    .get()!.n;
}
