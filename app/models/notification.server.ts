import { and, count, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { prepared } from "../../db/prepared";
import { notifications, topicCosigns, topics } from "../../db/schema";
import { canonicalJson, type JsonValue } from "./canonical-json";
import { now } from "./clock.server";

/** Tells the proposer and every co-signer of a topic (but not the person who acted) what happened. */
export function notifyTopicFollowers(
  tx: Tx,
  { topicId, communityId, kind, payload, exceptUserId }: { topicId: number; communityId: number; kind: string; payload: { [k: string]: JsonValue }; exceptUserId: number | null },
): number {
  const proposer = tx.select({ userId: topics.proposerId }).from(topics).where(eq(topics.id, topicId)).get();
  const cosigners = tx.select({ userId: topicCosigns.userId }).from(topicCosigns).where(eq(topicCosigns.topicId, topicId)).all();
  const recipients = new Set([proposer?.userId, ...cosigners.map((c) => c.userId)].filter((id): id is number => id !== undefined && id !== exceptUserId));
  if (recipients.size === 0) return 0;
  const text = canonicalJson(payload);
  const createdAt = now();
  tx.insert(notifications)
    .values([...recipients].map((userId) => ({ userId, communityId, topicId, kind, payload: text, createdAt })))
    .run();
  return recipients.size;
}

const unreadCount = prepared((db) =>
  db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder("userId")), isNull(notifications.readAt)))
    .prepare(),
);

/** The bell's number, on every signed-in page (so prepared). */
export function countUnread({ userId }: { userId: number }): number {
  return unreadCount().get({ userId })?.n ?? 0;
}

export function markAllRead({ userId }: { userId: number }): number {
  return getDb()
    .update(notifications)
    .set({ readAt: now() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .run().changes;
}

/** Tells each of `userIds` (less the person who acted) something that is not about one topic's followers. */
export function notifyUsers(
  tx: Tx,
  { userIds, communityId, topicId = null, kind, payload, exceptUserId = null }: { userIds: readonly number[]; communityId: number; topicId?: number | null; kind: string; payload: { [k: string]: JsonValue }; exceptUserId?: number | null },
): number {
  const recipients = [...new Set(userIds)].filter((id) => id !== exceptUserId);
  if (recipients.length === 0) return 0;
  const text = canonicalJson(payload);
  const createdAt = now();
  tx.insert(notifications)
    .values(recipients.map((userId) => ({ userId, communityId, topicId, kind, payload: text, createdAt })))
    .run();
  return recipients.length;
}
