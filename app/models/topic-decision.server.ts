import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { prepared } from "../../db/prepared";
import { catalogueEntries, meetings, motions, topics } from "../../db/schema";
import { LIVE_MOTION_STATUSES, resolutionMay } from "../workflow/motion-lifecycle";
import type { Role } from "../workflow/roles";
import { DAY_MS, now } from "./clock.server";
import { citedRules, voteRecord } from "./decision-record.server";
import { listTopicResolutions } from "./resolution.server";
import { undoneBy } from "./powers-undo.server";

type ResolutionRow = ReturnType<typeof listTopicResolutions>[number];

/** Where a resolution stands in its 公示 period, on the shared clock. */
export function publicityState(r: { status: string; publicityEndsAt: Date }, at: Date = now()) {
  const left = r.publicityEndsAt.getTime() - at.getTime();
  return { periodOver: left <= 0, daysLeft: r.status === "publicity" ? Math.max(0, Math.ceil(left / DAY_MS)) : null };
}

function withPublicity(r: ResolutionRow, at: Date, undone: ReturnType<typeof undoneBy>) {
  const { periodOver, daysLeft } = publicityState(r, at);
  return {
    id: r.id,
    year: r.year,
    number: r.number,
    sha256: r.sha256,
    status: r.status,
    publishedAt: r.publishedAt,
    publicityEndsAt: r.publicityEndsAt,
    effectiveAt: r.effectiveAt,
    statusAt: r.statusAt,
    statusReason: r.statusReason,
    undoneBy: undone.get(r.id) ?? null,
    periodOver,
    daysLeft,
    objections: r.objections,
    openObjections: r.objections.filter((o) => o.answeredAt === null).length,
  };
}

// Every view of every topic page asks (most topics were never tabled): prepared.
const motionsOf = prepared((db) =>
  db
    .select({ motion: motions, meeting: { id: meetings.id, number: meetings.number, title: meetings.title, place: meetings.place, scheduledAt: meetings.scheduledAt, status: meetings.status } })
    .from(motions)
    .innerJoin(meetings, eq(meetings.id, motions.meetingId))
    .where(and(eq(motions.communityId, sql.placeholder("communityId")), eq(motions.topicId, sql.placeholder("topicId"))))
    .orderBy(desc(motions.closedAt), desc(motions.id))
    .prepare(),
);

/**
 * 表决与决议 on a topic's page: the meeting its frozen text is tabled for (if any), and every closed
 * vote on it, newest first, each with its arithmetic, rule and named ballots and, when it passed, its
 * resolution with the objections and answers. Null when the topic was never put to a vote.
 * `mayObject` / `mayAnswer` only choose which forms to show: the models decide again on every post.
 */
export function getTopicDecision({ communityId, topicId, roles }: { communityId: number; topicId: number; roles: readonly Role[] }) {
  const rows = motionsOf().all({ communityId, topicId });
  if (rows.length === 0) return null;
  const db = getDb();
  const category = db
    .select({ zh: catalogueEntries.nameZh, en: catalogueEntries.nameEn })
    .from(topics)
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(eq(topics.id, topicId))
    .get() ?? { zh: null, en: null };
  const cited = citedRules(db, communityId);
  const at = now();
  const resolutions = listTopicResolutions({ communityId, topicId });
  const undone = undoneBy(db, communityId, resolutions.filter((r) => r.status === "revoked" || r.status === "changed").map((r) => r.id));
  // A lapsed motion (never put to the vote) no longer holds the topic on that meeting's agenda.
  const tabled = rows.find((r) => LIVE_MOTION_STATUSES.includes(r.motion.status));
  const votes = rows
    .filter((r) => r.motion.status === "closed")
    .map(({ motion, meeting }) => {
      const resolution = resolutions.find((r) => r.motionId === motion.id);
      return { motionId: motion.id, meeting, ...voteRecord(db, motion, cited, category), resolution: resolution ? withPublicity(resolution, at, undone) : null };
    });
  // Only lapsed motions (never put to the vote): nothing to show here; the timeline says what happened.
  if (!tabled && votes.length === 0) return null;
  const current = votes.find((v) => v.resolution && resolutionMay(v.resolution.status, "object"))?.resolution ?? null;
  return {
    tabled: tabled ? { meeting: tabled.meeting, voting: tabled.motion.status === "voting", sha256: tabled.motion.sha256, secret: tabled.motion.secret } : null,
    votes,
    mayObject: current !== null && !current.periodOver && roles.some((r) => r === "resident" || r === "representative"),
    mayAnswer: current !== null && roles.includes("committee"),
  };
}

export type TopicDecision = NonNullable<ReturnType<typeof getTopicDecision>>;
