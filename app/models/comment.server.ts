import { and, count, desc, eq, lt, sql } from "drizzle-orm";

import { prepared } from "../../db/prepared";
import { topicComments, topics, users } from "../../db/schema";
import { can } from "../workflow/capabilities";
import type { Role } from "../workflow/roles";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { write } from "./write.server";

// Fifty a page: the busiest topics have hundreds; older ones are a link away.
export const COMMENTS_PER_PAGE = 50;

export type CommentProblem = "notFound" | "notAllowed";

/**
 * 评论: for those whose roles and the topic's state allow it (`can("comment", ...)`). The text is
 * stored as given (already validated by the form schema); the ledger records that a comment was
 * made, by whom and which one, not its text.
 */
export function addComment({
  communityId,
  topicId,
  authorId,
  roles,
  body,
}: {
  communityId: number;
  topicId: number;
  authorId: number;
  roles: readonly Role[];
  body: string;
}): { ok: true; commentId: number } | { ok: false; problem: CommentProblem } {
  return write((tx) => {
    const topic = tx
      .select({ state: topics.state })
      .from(topics)
      .where(and(eq(topics.id, topicId), eq(topics.communityId, communityId)))
      .get();
    if (!topic) return { ok: false as const, problem: "notFound" as const };
    if (!can("comment", topic.state, roles)) return { ok: false as const, problem: "notAllowed" as const };
    const at = now();
    const { id } = tx.insert(topicComments).values({ topicId, authorId, body, createdAt: at }).returning({ id: topicComments.id }).get();
    appendLedger(tx, { communityId, type: "topic.commented", actorId: authorId, subject: `topic:${topicId}`, payload: { commentId: id }, at });
    return { ok: true as const, commentId: id };
  });
}

/**
 * A page of a topic's comments: the newest `limit` (before a comment id, for older pages), returned
 * oldest first for reading, with whether older ones exist and how many there are in all.
 */
function newestComments(before: boolean) {
  return prepared((db) => {
    const ofTopic = and(eq(topicComments.topicId, sql.placeholder("topicId")), eq(topics.communityId, sql.placeholder("communityId")));
    return db
      .select({ id: topicComments.id, body: topicComments.body, message: topicComments.message, createdAt: topicComments.createdAt, authorName: users.displayName })
      .from(topicComments)
      .innerJoin(topics, eq(topics.id, topicComments.topicId))
      .innerJoin(users, eq(users.id, topicComments.authorId))
      .where(before ? and(ofTopic, lt(topicComments.id, sql.placeholder("beforeId"))) : ofTopic)
      .orderBy(desc(topicComments.id))
      .limit(sql.placeholder("limit"))
      .prepare();
  });
}

const newestPage = newestComments(false);
const olderPage = newestComments(true);

const commentCount = prepared((db) =>
  db
    .select({ n: count() })
    .from(topicComments)
    .innerJoin(topics, eq(topics.id, topicComments.topicId))
    .where(and(eq(topicComments.topicId, sql.placeholder("topicId")), eq(topics.communityId, sql.placeholder("communityId"))))
    .prepare(),
);

export function listComments({ communityId, topicId, beforeId, limit = COMMENTS_PER_PAGE }: { communityId: number; topicId: number; beforeId?: number; limit?: number }) {
  const rows = beforeId ? olderPage().all({ communityId, topicId, beforeId, limit: limit + 1 }) : newestPage().all({ communityId, topicId, limit: limit + 1 });
  const total = commentCount().get({ communityId, topicId })?.n ?? 0;
  return { comments: rows.slice(0, limit).reverse(), hasOlder: rows.length > limit, total };
}
