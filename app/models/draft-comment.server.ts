import { and, asc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "../../db/client.server";
import { draftComments, topics, users } from "../../db/schema";
import { can } from "../workflow/capabilities";
import type { Role } from "../workflow/roles";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { write } from "./write.server";

export type DraftCommentProblem = "notFound" | "notAllowed" | "badParent";

const topicOf = (communityId: number, topicId: number) =>
  getDb().select({ state: topics.state }).from(topics).where(and(eq(topics.id, topicId), eq(topics.communityId, communityId))).get();

/** A top-level comment of this topic (replies cannot be replied to, nor answered). */
function topLevelComment(topicId: number, commentId: number) {
  return getDb()
    .select({ id: draftComments.id, status: draftComments.status })
    .from(draftComments)
    .where(and(eq(draftComments.id, commentId), eq(draftComments.topicId, topicId), isNull(draftComments.parentId)))
    .get();
}

/** 草案意见: a comment on the draft, optionally quoting a passage, optionally replying to a top-level one. */
export function addDraftComment({
  communityId,
  topicId,
  authorId,
  roles,
  body,
  quote,
  parentId,
}: {
  communityId: number;
  topicId: number;
  authorId: number;
  roles: readonly Role[];
  body: string;
  quote: string;
  parentId?: number;
}): { ok: true; commentId: number } | { ok: false; problem: DraftCommentProblem } {
  return write((tx) => {
    const topic = topicOf(communityId, topicId);
    if (!topic) return { ok: false as const, problem: "notFound" as const };
    if (!can("comment", topic.state, roles)) return { ok: false as const, problem: "notAllowed" as const };
    if (parentId !== undefined && !topLevelComment(topicId, parentId)) return { ok: false as const, problem: "badParent" as const };
    const at = now();
    const { id } = tx
      .insert(draftComments)
      .values({ topicId, parentId: parentId ?? null, authorId, quote, body, createdAt: at })
      .returning({ id: draftComments.id })
      .get();
    appendLedger(tx, { communityId, type: "draft.commented", actorId: authorId, subject: `topic:${topicId}`, payload: { commentId: id, parentId: parentId ?? null }, at });
    return { ok: true as const, commentId: id };
  });
}

/** 采纳 / 不采纳: the committee (while the draft may be edited) answers a top-level comment. */
export function answerDraftComment({
  communityId,
  topicId,
  commentId,
  userId,
  roles,
  status,
  reply,
}: {
  communityId: number;
  topicId: number;
  commentId: number;
  userId: number;
  roles: readonly Role[];
  status: "adopted" | "notAdopted";
  reply: string;
}): { ok: true } | { ok: false; problem: DraftCommentProblem } {
  return write((tx) => {
    const topic = topicOf(communityId, topicId);
    if (!topic) return { ok: false as const, problem: "notFound" as const };
    if (!can("editDraft", topic.state, roles)) return { ok: false as const, problem: "notAllowed" as const };
    if (!topLevelComment(topicId, commentId)) return { ok: false as const, problem: "badParent" as const };
    tx.update(draftComments).set({ status, reply, repliedBy: userId }).where(eq(draftComments.id, commentId)).run();
    appendLedger(tx, { communityId, type: "draft.commentAnswered", actorId: userId, subject: `topic:${topicId}`, payload: { commentId, status }, at: now() });
    return { ok: true as const };
  });
}

/** The comments, threaded one level: top-level ones oldest first, each with its replies. */
export function listDraftComments({ communityId, topicId }: { communityId: number; topicId: number }) {
  const answerer = alias(users, "answerer");
  const rows = getDb()
    .select({
      id: draftComments.id,
      parentId: draftComments.parentId,
      quote: draftComments.quote,
      body: draftComments.body,
      status: draftComments.status,
      reply: draftComments.reply,
      createdAt: draftComments.createdAt,
      authorName: users.displayName,
      answererName: answerer.displayName,
    })
    .from(draftComments)
    .innerJoin(topics, eq(topics.id, draftComments.topicId))
    .innerJoin(users, eq(users.id, draftComments.authorId))
    .leftJoin(answerer, eq(answerer.id, draftComments.repliedBy))
    .where(and(eq(draftComments.topicId, topicId), eq(topics.communityId, communityId)))
    .orderBy(asc(draftComments.id))
    .all();
  const top = rows.filter((r) => r.parentId === null);
  return top.map((c) => ({ ...c, replies: rows.filter((r) => r.parentId === c.id) }));
}

export type DraftComment = ReturnType<typeof listDraftComments>[number];
