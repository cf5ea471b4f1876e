import { and, desc, eq, lt, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { communities, notifications, rules } from "../../db/schema";
import { DEFAULT_TIME_ZONE } from "../i18n/time-zone";

export const NOTIFICATIONS_PER_PAGE = 50;

export interface NotificationRow {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
  topicId: number | null;
  communitySlug: string;
  communityKind: "urban" | "village";
  /** Its community's zone: the page lists several communities, each item's times are in its own. */
  timeZone: string;
}

/** A stored payload as an object (anything else: empty). The mail worker reads them too. */
export function parsePayload(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The signed-in person's own notifications, newest first, a page at a time (older: before an id). */
export function listMyNotifications({ userId, beforeId, limit = NOTIFICATIONS_PER_PAGE }: { userId: number; beforeId?: number; limit?: number }) {
  const mine = eq(notifications.userId, userId);
  const rows = getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      payload: notifications.payload,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      topicId: notifications.topicId,
      communitySlug: communities.slug,
      communityKind: communities.kind,
      timeZone: sql<string>`coalesce(${rules.timeZone}, ${DEFAULT_TIME_ZONE})`,
    })
    .from(notifications)
    .innerJoin(communities, eq(communities.id, notifications.communityId))
    .leftJoin(rules, eq(rules.communityId, notifications.communityId))
    .where(beforeId ? and(mine, lt(notifications.id, beforeId)) : mine)
    .orderBy(desc(notifications.id))
    .limit(limit + 1)
    .all();
  const items: NotificationRow[] = rows.slice(0, limit).map((r) => ({ ...r, payload: parsePayload(r.payload) }));
  return { items, hasOlder: rows.length > limit };
}
