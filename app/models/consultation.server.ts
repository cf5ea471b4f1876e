import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "../../db/client.server";
import { assistedActs, catalogueEntries, consultationAnswers, consultationMeetings, consultations, topicComments, topics, users } from "../../db/schema";
import type { Stance } from "../forms/consultation";
import { can } from "../workflow/capabilities";
import type { Role } from "../workflow/roles";
import { now } from "./clock.server";
import { getDraftText } from "./draft-store.server";
import { freezeBlockers, getFreeze } from "./freeze.server";
import { appendLedger } from "./ledger.server";
import { publish } from "./publication.server";
import { getTopicForPage } from "./topic-page.server";
import { write } from "./write.server";
import type { Result } from "./domain-error.server";
import type { Assisted } from "./assisted.server";

/**
 * 征求意见: online opinion solicitations on a topic in consultation. Every function is scoped by
 * community (through the topic) and answers refusals as `{ ok: false, problem }`; the page translates
 * `problem` under `consultation.problems`.
 */
export type ConsultationProblem = "notFound" | "wrongRole" | "wrongState" | "alreadyOpen" | "closed" | "already";
type ConsultationResult<T extends object = object> = Result<ConsultationProblem, T>;

interface Actor {
  communityId: number;
  topicId: number;
  userId: number;
  roles: readonly Role[];
}

function topicOf(communityId: number, topicId: number) {
  return getDb()
    .select({ id: topics.id, state: topics.state })
    .from(topics)
    .where(and(eq(topics.id, topicId), eq(topics.communityId, communityId)))
    .get();
}

function solicitationOf(communityId: number, topicId: number, consultationId: number) {
  return getDb()
    .select({ id: consultations.id, question: consultations.question, deadline: consultations.deadline, closedAt: consultations.closedAt, state: topics.state })
    .from(consultations)
    .innerJoin(topics, eq(topics.id, consultations.topicId))
    .where(and(eq(consultations.id, consultationId), eq(consultations.topicId, topicId), eq(topics.communityId, communityId)))
    .get();
}

const isCommittee = (roles: readonly Role[]) => roles.includes("committee");
const isOpen = (s: { deadline: Date; closedAt: Date | null }, at: Date) => !s.closedAt && s.deadline.getTime() > at.getTime();

/** Opens a solicitation: the committee, while the topic is in consultation, one open at a time. */
export function openSolicitation({ communityId, topicId, userId, roles, question, deadline }: Actor & { question: string; deadline: Date }): ConsultationResult<{ id: number }> {
  const topic = topicOf(communityId, topicId);
  if (!topic) return { ok: false, problem: "notFound" };
  if (!isCommittee(roles)) return { ok: false, problem: "wrongRole" };
  if (topic.state !== "consulting") return { ok: false, problem: "wrongState" };
  const at = now();
  return write((tx) => {
    const running = tx.select({ deadline: consultations.deadline, closedAt: consultations.closedAt }).from(consultations).where(eq(consultations.topicId, topicId)).all();
    if (running.some((s) => isOpen(s, at))) return { ok: false, problem: "alreadyOpen" } as const;
    const row = tx.insert(consultations).values({ topicId, question, deadline, createdBy: userId, createdAt: at }).returning({ id: consultations.id }).get();
    appendLedger(tx, { communityId, type: "consultation.opened", actorId: userId, subject: `topic:${topicId}`, payload: { consultation: row.id, question, deadline: deadline.toISOString() }, at });
    return { ok: true, id: row.id } as const;
  });
}

/**
 * One answer per person: a second answer before the deadline replaces the first. An answer staff
 * record for the person (代录, `assisted`) never replaces one of the person's own: it is refused as `already`.
 */
export function answerSolicitation({ communityId, topicId, userId, roles, consultationId, stance, text, assisted }: Actor & { consultationId: number; stance: Stance; text: string; assisted?: Assisted }): ConsultationResult<{ id: number }> {
  const s = solicitationOf(communityId, topicId, consultationId);
  if (!s) return { ok: false, problem: "notFound" };
  if (!can("answerConsultation", "consulting", roles)) return { ok: false, problem: "wrongRole" };
  if (s.state !== "consulting") return { ok: false, problem: "wrongState" };
  const at = now();
  if (!isOpen(s, at)) return { ok: false, problem: "closed" };
  const values = { consultationId, userId, stance, text, createdAt: at };
  const insert = getDb().insert(consultationAnswers).values(values);
  const row = assisted
    ? insert.onConflictDoNothing().returning({ id: consultationAnswers.id }).get()
    : insert.onConflictDoUpdate({ target: [consultationAnswers.consultationId, consultationAnswers.userId], set: { stance, text, createdAt: at } }).returning({ id: consultationAnswers.id }).get();
  if (!row) return { ok: false, problem: "already" };
  return { ok: true, id: row.id };
}

/** Takes an answer back while its solicitation is open (the person withdrawing what staff recorded for them). */
export function withdrawAnswer({ communityId, topicId, userId, answerId }: { communityId: number; topicId: number; userId: number; answerId: number }): ConsultationResult {
  const answer = getDb().select({ consultationId: consultationAnswers.consultationId, userId: consultationAnswers.userId }).from(consultationAnswers).where(eq(consultationAnswers.id, answerId)).get();
  const s = answer ? solicitationOf(communityId, topicId, answer.consultationId) : undefined;
  if (!answer || !s || answer.userId !== userId) return { ok: false, problem: "notFound" };
  if (s.state !== "consulting" || !isOpen(s, now())) return { ok: false, problem: "closed" };
  getDb().delete(consultationAnswers).where(eq(consultationAnswers.id, answerId)).run();
  return { ok: true };
}

/** The committee ends a solicitation before its deadline. */
export function closeSolicitation({ communityId, topicId, userId, roles, consultationId }: Actor & { consultationId: number }): ConsultationResult {
  const s = solicitationOf(communityId, topicId, consultationId);
  if (!s) return { ok: false, problem: "notFound" };
  if (!isCommittee(roles)) return { ok: false, problem: "wrongRole" };
  const at = now();
  if (!isOpen(s, at)) return { ok: false, problem: "closed" };
  write((tx) => {
    tx.update(consultations).set({ closedAt: at }).where(eq(consultations.id, consultationId)).run();
    appendLedger(tx, { communityId, type: "consultation.closed", actorId: userId, subject: `topic:${topicId}`, payload: { consultation: consultationId }, at });
  });
  return { ok: true };
}

export type StanceCounts = Record<Stance, number>;

export function countAnswers(consultationId: number): StanceCounts {
  const rows = getDb()
    .select({ stance: consultationAnswers.stance, n: sql<number>`count(*)` })
    .from(consultationAnswers)
    .where(eq(consultationAnswers.consultationId, consultationId))
    .groupBy(consultationAnswers.stance)
    .all();
  const counts: StanceCounts = { support: 0, supportWithChanges: 0, oppose: 0 };
  for (const r of rows) counts[r.stance] = r.n;
  return counts;
}

/** Attaches the results to the topic: a comment with the counts (and the committee's note) and a ledger entry. */
export function summariseSolicitation({ communityId, topicId, userId, roles, consultationId, note }: Actor & { consultationId: number; note: string }): ConsultationResult {
  const s = solicitationOf(communityId, topicId, consultationId);
  if (!s) return { ok: false, problem: "notFound" };
  if (!isCommittee(roles)) return { ok: false, problem: "wrongRole" };
  const counts = countAnswers(consultationId);
  const at = now();
  // Said in each reader's language (stored-message.ts); the committee's own note is the comment's body.
  const message = { key: "consultation.summaryComment", values: { question: s.question, ...counts } };
  write((tx) => {
    tx.insert(topicComments).values({ topicId, authorId: userId, body: note, message, createdAt: at }).run();
    // 协商结果公开 (村委会组织法 Art. 33, 居委会组织法 Art. 32): the outcome goes on the board for its 公示 period.
    publish(tx, { communityId, topicId, kind: "consultationOutcome", refId: consultationId, title: tx.select({ title: topics.title }).from(topics).where(eq(topics.id, topicId)).get()?.title ?? s.question, at });
    appendLedger(tx, { communityId, type: "consultation.summarised", actorId: userId, subject: `topic:${topicId}`, payload: { consultation: consultationId, ...counts, ...(note ? { note } : {}) }, at });
  });
  return { ok: true };
}

const recorder = alias(users, "recorder");

/** Every solicitation of the topic, newest first, with counts, the opinions and this person's own answer. */
export function listSolicitations({ communityId, topicId, userId, showNames }: { communityId: number; topicId: number; userId: number; showNames: boolean }) {
  const db = getDb();
  const at = now();
  const rows = db
    .select({ id: consultations.id, question: consultations.question, deadline: consultations.deadline, closedAt: consultations.closedAt, createdAt: consultations.createdAt })
    .from(consultations)
    .innerJoin(topics, eq(topics.id, consultations.topicId))
    .where(and(eq(consultations.topicId, topicId), eq(topics.communityId, communityId)))
    .orderBy(desc(consultations.id))
    .all();
  return rows.map((s) => {
    const answers = db
      .select({ userId: consultationAnswers.userId, name: users.displayName, stance: consultationAnswers.stance, text: consultationAnswers.text, at: consultationAnswers.createdAt, assistedBy: recorder.displayName, assistChannel: assistedActs.channel })
      .from(consultationAnswers)
      .innerJoin(users, eq(users.id, consultationAnswers.userId))
      // 代录 (decision 040): an answer staff recorded for its person says who and how.
      .leftJoin(assistedActs, and(eq(assistedActs.kind, "answer"), eq(assistedActs.subjectId, consultationAnswers.id), isNull(assistedActs.withdrawnAt)))
      .leftJoin(recorder, eq(recorder.id, assistedActs.recordedBy))
      .where(eq(consultationAnswers.consultationId, s.id))
      .orderBy(asc(consultationAnswers.id))
      .all();
    const mine = answers.find((a) => a.userId === userId) ?? null;
    return {
      ...s,
      open: isOpen(s, at),
      counts: countAnswers(s.id),
      mine: mine ? { stance: mine.stance, text: mine.text } : null,
      opinions: answers.map((a, i) => ({ key: i, name: showNames ? a.name : null, stance: a.stance, text: a.text, at: a.at, assisted: showNames && a.assistedBy && a.assistChannel ? { by: a.assistedBy, channel: a.assistChannel } : null })),
    };
  });
}

export interface MeetingInput {
  heldAt: Date;
  place: string;
  participants: string;
  opinions: string;
  minutes: string;
}

/** 议事协商会: the committee records a meeting held on the topic (in consultation). */
export function recordMeeting({ communityId, topicId, userId, roles, meeting }: Actor & { meeting: MeetingInput }): ConsultationResult<{ id: number }> {
  const topic = topicOf(communityId, topicId);
  if (!topic) return { ok: false, problem: "notFound" };
  if (!isCommittee(roles)) return { ok: false, problem: "wrongRole" };
  if (topic.state !== "consulting") return { ok: false, problem: "wrongState" };
  const at = now();
  return write((tx) => {
    const row = tx.insert(consultationMeetings).values({ topicId, ...meeting, createdBy: userId, createdAt: at }).returning({ id: consultationMeetings.id }).get();
    appendLedger(tx, { communityId, type: "consultation.meetingRecorded", actorId: userId, subject: `topic:${topicId}`, payload: { meeting: row.id, heldAt: meeting.heldAt.toISOString(), place: meeting.place }, at });
    return { ok: true, id: row.id } as const;
  });
}

const meetingColumns = {
  id: consultationMeetings.id,
  heldAt: consultationMeetings.heldAt,
  place: consultationMeetings.place,
  participants: consultationMeetings.participants,
  opinions: consultationMeetings.opinions,
  minutes: consultationMeetings.minutes,
  recorderName: users.displayName,
  createdAt: consultationMeetings.createdAt,
};

export function listMeetings({ communityId, topicId }: { communityId: number; topicId: number }) {
  return getDb()
    .select(meetingColumns)
    .from(consultationMeetings)
    .innerJoin(topics, eq(topics.id, consultationMeetings.topicId))
    .innerJoin(users, eq(users.id, consultationMeetings.createdBy))
    .where(and(eq(consultationMeetings.topicId, topicId), eq(topics.communityId, communityId)))
    .orderBy(desc(consultationMeetings.heldAt), desc(consultationMeetings.id))
    .all();
}

/** One meeting of one topic of one community, with the topic's number and title for the minutes' heading. */
export function getMeeting({ communityId, topicId, meetingId }: { communityId: number; topicId: number; meetingId: number }) {
  return getDb()
    .select({ ...meetingColumns, topicNumber: topics.number, topicTitle: topics.title })
    .from(consultationMeetings)
    .innerJoin(topics, eq(topics.id, consultationMeetings.topicId))
    .innerJoin(users, eq(users.id, consultationMeetings.createdBy))
    .where(and(eq(consultationMeetings.id, meetingId), eq(consultationMeetings.topicId, topicId), eq(topics.communityId, communityId)))
    .get();
}

/** Everything the consultation page shows to one person, or undefined when the topic is not this community's. */
export function loadConsultationPage({ communityId, topicId, userId, roles, verify = false }: { communityId: number; topicId: number; userId: number; roles: readonly Role[]; verify?: boolean }) {
  const topic = getTopicForPage({ communityId, topicId });
  if (!topic) return undefined;
  const consulting = topic.state === "consulting";
  const committee = isCommittee(roles);
  const category = getDb()
    .select({ needsVote: catalogueEntries.needsVote, optional: catalogueEntries.consultationOptional, waiver: topics.consultationWaiver })
    .from(topics)
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(and(eq(topics.id, topicId), eq(topics.communityId, communityId)))
    .get();
  const needsVote = category?.needsVote ?? true;
  const optional = category?.optional === true;
  // What 定稿 still needs, asked of the same step gate the move itself asks (only the committee freezes).
  const stillNeeded = committee && consulting ? freezeBlockers(topicId) : [];
  return {
    topic: { id: topic.id, number: topic.number, title: topic.title, state: topic.state },
    consulting,
    // Names of those who answered are for the community's members only (not the street's admins).
    // Once the topic has left consultation no solicitation takes answers, whatever its deadline.
    solicitations: listSolicitations({ communityId, topicId, userId, showNames: roles.length > 0 }).map((s) => ({ ...s, open: s.open && consulting })),
    meetings: listMeetings({ communityId, topicId }),
    freeze: getFreeze({ communityId, topicId, verify }),
    draftText: committee && consulting ? getDraftText(topicId) : null,
    needsVote,
    freezeBlockers: stillNeeded,
    /** The committee's public reason for skipping consultation, for a category that allows it. */
    waiver: category?.waiver ?? null,
    may: {
      open: committee && consulting,
      answer: consulting && can("answerConsultation", "consulting", roles),
      manage: committee,
      record: committee && consulting,
      freeze: committee && consulting,
      waive: committee && consulting && optional && !category?.waiver,
    },
  };
}

export type ConsultationPage = NonNullable<ReturnType<typeof loadConsultationPage>>;
