import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { catalogueEntries, draftFreezes, motions, topics } from "../../db/schema";
import { meetingMay } from "../workflow/meeting-lifecycle";
import type { OnFail } from "../workflow/meetings";
import { LIVE_MOTION_STATUSES, motionMay } from "../workflow/motion-lifecycle";
import { ratioText } from "../workflow/rule-packs";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { isOwnersMatter } from "./owner-decision.server";
import { tablingBlockFor } from "./powers-matters.server";
import { CONVENER, meetingRefused, meetingRow, meetingWrite, requireRoleIn, type MeetingActor, type MeetingResult } from "./meeting.server";
import { requireRules } from "./rules.server";
import { notifyUsers } from "./notification.server";
import { agendaTitles, meetingNoticeRecipients } from "../notify/meeting-notice.server";

/** The agenda of a meeting that has not started: motions tabled (with the pass rule that will apply) and withdrawn. */
/**
 * Puts a topic's frozen text on a scheduled meeting's agenda, with the pass rule that will apply and
 * whether its category counts that share of ALL 组成人员 (catalogue_entries.pass_of_all).
 */
export function tableMotion(input: MeetingActor & { meetingId: number; topicId: number; secret: boolean; onFail: OnFail }): MeetingResult<{ id: number }> {
  return meetingWrite({ communityId: input.communityId, meetingId: input.meetingId }, (tx) => {
    requireRoleIn(input, CONVENER);
    const meeting = meetingRow(tx, input.communityId, input.meetingId);
    if (!meetingMay(meeting.status, "editAgenda")) throw meetingRefused("wrongStatus");
    const topic = tx
      .select({ id: topics.id, state: topics.state, text: draftFreezes.text, sha256: draftFreezes.sha256, passNum: catalogueEntries.passNum, passDen: catalogueEntries.passDen, passOfAll: catalogueEntries.passOfAll })
      .from(topics)
      .innerJoin(draftFreezes, eq(draftFreezes.topicId, topics.id))
      .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
      .where(and(eq(topics.id, input.topicId), eq(topics.communityId, input.communityId)))
      .get();
    if (!topic || topic.state !== "onAgenda") throw meetingRefused("topicNotReady");
    // 业主共同决定 (owner-decision.server.ts, issue 14): the building's owners decide, never the meeting.
    if (isOwnersMatter(tx, { communityId: input.communityId, topicId: topic.id })) throw meetingRefused("ownersDecide");
    // Only an assembly undoes a resolution (村委会组织法 Art. 27) or decides an Art. 28 matter it has not delegated (powers-matters.server.ts).
    const block = tablingBlockFor(tx, input.communityId, topic.id, meeting);
    if (block) throw meetingRefused(block);
    // A lapsed motion (its meeting ended before voting on it, or was 流会) leaves the topic free for a later agenda.
    const tabled = tx.select({ id: motions.id }).from(motions).where(and(eq(motions.topicId, topic.id), inArray(motions.status, [...LIVE_MOTION_STATUSES]))).get();
    if (tabled) throw meetingRefused("alreadyTabled");
    const rule = passRule(tx, input.communityId, topic.passNum, topic.passDen);
    const position = (tx.select({ n: sql<number>`coalesce(max(${motions.position}), 0)` }).from(motions).where(eq(motions.meetingId, meeting.id)).get()?.n ?? 0) + 1;
    const row = tx
      .insert(motions)
      .values({ communityId: input.communityId, meetingId: meeting.id, topicId: topic.id, position, text: topic.text, sha256: topic.sha256, secret: input.secret, onFail: input.onFail, ...rule, passOfAll: topic.passOfAll === true })
      .returning({ id: motions.id })
      .get();
    appendLedger(tx, {
      communityId: input.communityId,
      type: "motion.tabled",
      actorId: input.userId,
      subject: `motion:${row.id}`,
      payload: { meeting: meeting.id, topic: topic.id, position, sha256: topic.sha256, secret: input.secret, onFail: input.onFail, pass: ratioText({ num: rule.passNum, den: rule.passDen, inclusive: rule.passInclusive }), ...(topic.passOfAll ? { ofAll: true } : {}) },
      at: now(),
    });
    noticeAgendaChange(tx, input, meeting, { added: topic.id });
    return { id: row.id };
  });
}

/**
 * The roster hears of every change to the agenda of a meeting it was given notice of: the notice sent
 * when the meeting was scheduled usually had no agenda yet (topics are tabled afterwards).
 */
function noticeAgendaChange(tx: Tx, actor: MeetingActor, meeting: { id: number; number: number; title: string; place: string; scheduledAt: Date; body: string }, change: { added: number } | { removed: number }) {
  const topicId = "added" in change ? change.added : change.removed;
  const item = tx.select({ number: topics.number, title: topics.title }).from(topics).where(eq(topics.id, topicId)).get();
  notifyUsers(tx, {
    userIds: meetingNoticeRecipients(tx, actor.communityId, meeting.body),
    communityId: actor.communityId,
    kind: "meeting.agendaChanged",
    payload: {
      meetingId: meeting.id,
      number: meeting.number,
      title: meeting.title,
      place: meeting.place,
      scheduledAt: meeting.scheduledAt.toISOString(),
      [("added" in change ? "added" : "removed")]: item ? `#${item.number} ${item.title}` : "",
      agenda: agendaTitles(tx, meeting.id),
    },
    exceptUserId: actor.userId,
  });
}

/** The rules' pass share, or the catalogue entry's when that asks for more. */
function passRule(tx: Tx, communityId: number, entryNum: number | null, entryDen: number | null) {
  const r = requireRules(communityId, tx);
  const base = { passNum: r.passNum, passDen: r.passDen, passInclusive: r.passInclusive };
  if (!entryNum || !entryDen) return base;
  // The entry's share applies when it is higher (an inclusive entry share of exactly the base share is stricter too).
  const higher = entryNum * r.passDen > r.passNum * entryDen || (entryNum * r.passDen === r.passNum * entryDen && !r.passInclusive);
  return higher ? { passNum: entryNum, passDen: entryDen, passInclusive: true } : base;
}

/** Takes a motion off a meeting that has not started. */
export function withdrawMotion(input: MeetingActor & { meetingId: number; motionId: number }): MeetingResult {
  return meetingWrite({ communityId: input.communityId, meetingId: input.meetingId }, (tx) => {
    requireRoleIn(input, CONVENER);
    const meeting = meetingRow(tx, input.communityId, input.meetingId);
    if (!meetingMay(meeting.status, "editAgenda")) throw meetingRefused("wrongStatus");
    const motion = tx.select().from(motions).where(and(eq(motions.id, input.motionId), eq(motions.meetingId, meeting.id))).get();
    if (!motion) throw meetingRefused("notFound");
    if (!motionMay(motion.status, "withdraw")) throw meetingRefused("wrongStatus");
    tx.delete(motions).where(eq(motions.id, motion.id)).run();
    appendLedger(tx, { communityId: input.communityId, type: "motion.withdrawn", actorId: input.userId, subject: `motion:${motion.id}`, payload: { meeting: meeting.id, topic: motion.topicId }, at: now() });
    noticeAgendaChange(tx, input, meeting, { removed: motion.topicId });
    return {};
  });
}
