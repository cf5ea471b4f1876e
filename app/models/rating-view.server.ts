import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { prepared } from "../../db/prepared";
import { assistedActs, ratings, ratingWindows, users } from "../../db/schema";
import { satisfactionPct, type Rating } from "../workflow/execution";
import type { Role } from "../workflow/roles";
import { now } from "./clock.server";
import { ratingCounts } from "./supervision.server";
import { getRules } from "./rules.server";

// Asked by every view of every topic page, most of which have no window: prepared.
const latestWindow = prepared((db) =>
  db
    .select()
    .from(ratingWindows)
    .where(and(eq(ratingWindows.communityId, sql.placeholder("communityId")), eq(ratingWindows.topicId, sql.placeholder("topicId"))))
    .orderBy(desc(ratingWindows.id))
    .limit(1)
    .prepare(),
);

/**
 * The topic page's 满意度评价 card: the latest round's window (open or settled), its counts and
 * satisfied share against the rules' threshold, and whether this person may still rate. Null for a
 * topic that never reached supervision.
 */
export function getRatingPanel({ communityId, topicId, userId, roles, state }: { communityId: number; topicId: number; userId: number; roles: readonly Role[]; state: string }) {
  const window = latestWindow().get({ communityId, topicId });
  if (!window) return null;
  const db = getDb();
  const counts = ratingCounts(db, window.id);
  const thresholdPct = getRules({ communityId })?.satisfactionThresholdPct ?? 0;
  const mine = db.select({ rating: ratings.rating }).from(ratings).where(and(eq(ratings.windowId, window.id), eq(ratings.userId, userId))).get()?.rating ?? null;
  const mineAssisted = mine === null ? null : assistedRating({ windowId: window.id, userId });
  const open = !window.settledAt && state === "verifying" && window.closesAt.getTime() > now().getTime();
  return {
    opensAt: window.opensAt,
    closesAt: window.closesAt,
    open,
    settled: window.settledAt ? { at: window.settledAt, outcome: window.outcome, pct: window.satisfiedPct } : null,
    counts,
    pct: satisfactionPct(counts),
    thresholdPct,
    mine: mine as Rating | null,
    mineAssisted,
    mayRate: open && mine === null && roles.includes("resident"),
  };
}

export type RatingPanelData = NonNullable<ReturnType<typeof getRatingPanel>>;

/** Who recorded this person's rating of the window for them (代录, decision 040), if staff did. */
function assistedRating({ windowId, userId }: { windowId: number; userId: number }) {
  return (
    getDb()
      .select({ by: users.displayName, channel: assistedActs.channel })
      .from(assistedActs)
      .innerJoin(users, eq(users.id, assistedActs.recordedBy))
      .where(and(eq(assistedActs.kind, "rating"), eq(assistedActs.subjectId, windowId), eq(assistedActs.personId, userId), isNull(assistedActs.withdrawnAt)))
      .get() ?? null
  );
}
