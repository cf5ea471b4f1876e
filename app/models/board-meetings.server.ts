import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { catalogueEntries, meetings, motions, objections, resolutions, topics } from "../../db/schema";
import { DAY_MS, now } from "./clock.server";
import { citedRules, voteRecord } from "./decision-record.server";
import { latestPartyReviews } from "./party-review.server";
import { undoneBy } from "./powers-undo.server";
import { renderMarkdown } from "./markdown.server";
import { publicityState } from "./topic-decision.server";

/** Ended meetings stay in the board's meetings section this long. */
export const RECENT_MEETING_DAYS = 60;
export const BOARD_RESOLUTIONS = 20;

/**
 * 代表会议 on the public board: the meetings to come (and one in session) with their agendas — each
 * motion's topic and the SHA-256 of the text to be voted on — and those ended recently with their
 * results (a 流会 marked as such, its motions not put to the vote). Nothing personal and no record ids: the meeting pages themselves are for members.
 */
export function listBoardMeetings({ communityId }: { communityId: number }) {
  const db = getDb();
  const since = new Date(now().getTime() - RECENT_MEETING_DAYS * DAY_MS);
  const rows = db
    .select({ id: meetings.id, number: meetings.number, title: meetings.title, place: meetings.place, scheduledAt: meetings.scheduledAt, startedAt: meetings.startedAt, status: meetings.status, shortNotice: meetings.shortNotice, endedAt: meetings.endedAt })
    .from(meetings)
    .where(and(eq(meetings.communityId, communityId), inArray(meetings.status, ["scheduled", "inSession", "ended", "inquorate"])))
    .orderBy(asc(meetings.scheduledAt))
    .all()
    // A scheduled meeting whose time has passed without opening is no longer coming up (the meetings page lists it as overdue).
    .filter((m) => (m.status === "scheduled" ? m.scheduledAt.getTime() > now().getTime() : m.status === "inSession" || (m.endedAt ?? m.scheduledAt).getTime() >= since.getTime()));
  const agenda = rows.length
    ? db
        .select({ meetingId: motions.meetingId, topicNumber: topics.number, topicTitle: topics.title, sha256: motions.sha256, secret: motions.secret, status: motions.status, passed: motions.passed })
        .from(motions)
        .innerJoin(topics, eq(topics.id, motions.topicId))
        .where(inArray(motions.meetingId, rows.map((m) => m.id)))
        .orderBy(asc(motions.position))
        .all()
    : [];
  // A meeting that sat is dated by when it opened, which may differ from the date it was called for.
  const shape = ({ id, scheduledAt, startedAt, endedAt: _, ...m }: (typeof rows)[number]) => ({
    ...m,
    at: startedAt ?? scheduledAt,
    agenda: agenda.filter((a) => a.meetingId === id).map(({ meetingId: _, ...a }) => a),
  });
  const sat = (m: (typeof rows)[number]) => m.status === "ended" || m.status === "inquorate";
  return {
    upcoming: rows.filter((m) => !sat(m)).map(shape),
    // 近期已召开, with a 流会 saying so (its status `inquorate`).
    recent: rows
      .filter(sat)
      .reverse()
      .map(shape),
  };
}

/**
 * 决议公示: the community's resolutions, newest first, each with the vote that made it (rule and
 * basis, arithmetic, the named ballots of representatives acting in office), its 公示 period and how
 * many objections it drew. Objectors stay unnamed here.
 */
export function listBoardResolutions({ communityId, limit = BOARD_RESOLUTIONS }: { communityId: number; limit?: number }) {
  const db = getDb();
  const total = db.select({ n: count() }).from(resolutions).where(eq(resolutions.communityId, communityId)).get()?.n ?? 0;
  const rows = db
    .select({
      resolution: resolutions,
      motion: motions,
      topicNumber: topics.number,
      topicTitle: topics.title,
      categoryZh: catalogueEntries.nameZh,
      categoryEn: catalogueEntries.nameEn,
      meetingNumber: meetings.number,
      meetingBody: meetings.body,
    })
    .from(resolutions)
    .innerJoin(motions, eq(motions.id, resolutions.motionId))
    .innerJoin(meetings, eq(meetings.id, motions.meetingId))
    .innerJoin(topics, eq(topics.id, resolutions.topicId))
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(eq(resolutions.communityId, communityId))
    .orderBy(desc(resolutions.publishedAt), desc(resolutions.id))
    .limit(limit)
    .all();
  const ids = rows.map((r) => r.resolution.id);
  const objectionCounts = ids.length
    ? db
        .select({ resolutionId: objections.resolutionId, all: count(), open: sql<number>`sum(case when ${objections.answeredAt} is null then 1 else 0 end)` })
        .from(objections)
        .where(inArray(objections.resolutionId, ids))
        .groupBy(objections.resolutionId)
        .all()
    : [];
  const cited = citedRules(db, communityId);
  const at = now();
  // 党组织研究讨论 of important matters: the board says when and with what outcome (party-review.server.ts).
  const reviews = latestPartyReviews({ communityId, topicIds: rows.map((r) => r.resolution.topicId) });
  // 已撤销 / 已变更: the resolution that undid each (powers-undo.server.ts), linked on the board.
  const undone = undoneBy(db, communityId, rows.filter((r) => r.resolution.status === "revoked" || r.resolution.status === "changed").map((r) => r.resolution.id));
  const items = rows.map(({ resolution: r, motion, categoryZh, categoryEn, ...rest }) => {
    const counted = objectionCounts.find((o) => o.resolutionId === r.id);
    return {
      year: r.year,
      number: r.number,
      status: r.status,
      publishedAt: r.publishedAt,
      publicityEndsAt: r.publicityEndsAt,
      effectiveAt: r.effectiveAt,
      statusAt: r.statusAt,
      statusReason: r.statusReason,
      undoneBy: undone.get(r.id) ?? null,
      partyReview: reviews.get(r.topicId) ?? null,
      ...publicityState(r, at),
      objections: counted?.all ?? 0,
      openObjections: Number(counted?.open ?? 0),
      ...rest,
      // The text voted on, beside its hash: canonical (what the hash is of) and formatted for reading.
      text: motion.text,
      html: renderMarkdown(motion.text),
      vote: voteRecord(db, motion, cited, { zh: categoryZh, en: categoryEn }),
    };
  });
  return { items, total };
}
