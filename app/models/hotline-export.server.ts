import { and, desc, eq, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { communities, departmentCallEvents, departmentCalls, departments, executionResults, ratings, ratingWindows, resolutions, topicEvents, topics } from "../../db/schema";
import { isoInZone, startOfLocalDay } from "../i18n/time-zone";
import { zhText } from "../i18n/zh-text.server";
import { acceptanceOf, stageReached, type HotlineTicket } from "../workflow/hotline-export";
import type { ResolutionStatus } from "../workflow/meetings";
import { isTerminal } from "../workflow/states";
import { maskPersonal } from "./mask-personal";
import { getTimeZone } from "./time-zone.server";

const CHUNK = 500;

const RESOLUTION_STATUS_WORDS: Record<ResolutionStatus, string> = {
  publicity: "公示中",
  effective: "已生效",
  suspended: "暂缓执行",
  correctionOrdered: "责令改正",
  revoked: "已撤销",
  changed: "已变更",
};

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Rows of `read(ids)` for every chunk of topic ids (SQLite's variable limit). */
function byTopics<T>(ids: number[], read: (ids: number[]) => T[]): T[] {
  return chunks(ids).flatMap(read);
}

function latestBy<T extends { topicId: number }>(rows: T[]): Map<number, T> {
  const out = new Map<number, T>();
  for (const r of rows) if (!out.has(r.topicId)) out.set(r.topicId, r);
  return out;
}

const toMs = (v: Date | number | null | undefined) => (v == null ? 0 : typeof v === "number" ? v : v.getTime());

/**
 * Every 12345 ticket imported into the street's communities (archived ones too: the ticket still
 * needs its answer), with its handling as the hotline reads it: taken up or not and why, the stage
 * reached, the departments called, the resolution, the published result and the departments'
 * results, the satisfaction of the latest settled rating round, when it ended and when it last moved.
 * No person is named; phone and ID-card numbers in free text are masked. `since` (YYYY-MM-DD, in each
 * community's zone): only tickets updated on or after that day.
 */
export function listHotlineTickets({ streetId, since = null }: { streetId: number; since?: string | null }): HotlineTicket[] {
  const db = getDb();
  const rows = db
    .select({
      id: topics.id,
      number: topics.number,
      ticket: topics.externalRef,
      state: topics.state,
      stage: topics.stage,
      publicReason: topics.publicReason,
      publicReasonMessage: topics.publicReasonMessage,
      mergedIntoId: topics.mergedIntoId,
      createdAt: topics.createdAt,
      communityId: communities.id,
      community: communities.nameZh,
      communitySlug: communities.slug,
    })
    .from(topics)
    .innerJoin(communities, eq(communities.id, topics.communityId))
    .where(and(eq(communities.streetId, streetId), eq(topics.source, "hotline"), isNotNull(topics.externalRef)))
    .orderBy(communities.id, topics.number)
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);

  const events = byTopics(ids, (part) =>
    db
      .select({ topicId: topicEvents.topicId, last: sql<number>`max(${topicEvents.at})`, ended: sql<number | null>`max(CASE WHEN ${topicEvents.toState} IN ('closed','rejected','expired','withdrawn','merged','failed') THEN ${topicEvents.at} END)` })
      .from(topicEvents)
      .where(inArray(topicEvents.topicId, part))
      .groupBy(topicEvents.topicId)
      .all(),
  );
  const eventsOf = new Map(events.map((e) => [e.topicId, e]));

  const resolutionOf = latestBy(
    byTopics(ids, (part) =>
      db.select({ topicId: resolutions.topicId, year: resolutions.year, number: resolutions.number, status: resolutions.status, statusAt: resolutions.statusAt, publishedAt: resolutions.publishedAt }).from(resolutions).where(inArray(resolutions.topicId, part)).orderBy(desc(resolutions.id)).all(),
    ),
  );
  const resultOf = latestBy(
    byTopics(ids, (part) => db.select({ topicId: executionResults.topicId, summary: executionResults.summary, at: executionResults.publishedAt }).from(executionResults).where(inArray(executionResults.topicId, part)).orderBy(desc(executionResults.id)).all()),
  );
  const roundOf = latestBy(
    byTopics(ids, (part) =>
      db
        .select({ topicId: ratingWindows.topicId, pct: ratingWindows.satisfiedPct, settledAt: ratingWindows.settledAt, raters: sql<number>`(SELECT count(*) FROM ${ratings} r WHERE r.window_id = "rating_windows"."id")` })
        .from(ratingWindows)
        .where(and(inArray(ratingWindows.topicId, part), isNotNull(ratingWindows.settledAt), or(eq(ratingWindows.outcome, "closed"), eq(ratingWindows.outcome, "reopened"))))
        .orderBy(desc(ratingWindows.settledAt), desc(ratingWindows.id))
        .all(),
    ),
  );
  const calls = byTopics(ids, (part) =>
    db
      .select({
        topicId: departmentCalls.topicId,
        department: departments.nameZh,
        result: sql<string | null>`(SELECT e.body FROM ${departmentCallEvents} e WHERE e.call_id = "department_calls"."id" AND e.kind = 'resolved' ORDER BY e.id DESC LIMIT 1)`,
        lastAt: sql<number | null>`(SELECT max(e.at) FROM ${departmentCallEvents} e WHERE e.call_id = "department_calls"."id")`,
      })
      .from(departmentCalls)
      .innerJoin(departments, eq(departments.id, departmentCalls.departmentId))
      .where(and(inArray(departmentCalls.topicId, part), ne(departmentCalls.state, "withdrawn")))
      .orderBy(departmentCalls.id)
      .all(),
  );
  const mergedInto = new Map(
    byTopics(
      rows.flatMap((r) => (r.mergedIntoId ? [r.mergedIntoId] : [])),
      (part) => db.select({ id: topics.id, number: topics.number }).from(topics).where(inArray(topics.id, part)).all(),
    ).map((t) => [t.id, t.number]),
  );

  const zones = new Map<number, string>();
  const zoneOf = (communityId: number) => {
    if (!zones.has(communityId)) zones.set(communityId, getTimeZone(communityId));
    return zones.get(communityId)!;
  };

  const tickets: HotlineTicket[] = [];
  for (const r of rows) {
    const zone = zoneOf(r.communityId);
    const ev = eventsOf.get(r.id);
    const resolution = resolutionOf.get(r.id);
    const result = resultOf.get(r.id);
    const round = roundOf.get(r.id);
    const mine = calls.filter((c) => c.topicId === r.id);
    const updated = Math.max(toMs(r.createdAt), Number(ev?.last ?? 0), toMs(resolution?.publishedAt), toMs(resolution?.statusAt), toMs(result?.at), toMs(round?.settledAt), ...mine.map((c) => Number(c.lastAt ?? 0)));
    if (since && updated < startOfLocalDay(since, zone).getTime()) continue;
    const acceptance = acceptanceOf(r.state);
    const ownReason = r.publicReason.trim() || (r.publicReasonMessage ? zhText(r.publicReasonMessage) : "");
    const merged = r.state === "merged" && r.mergedIntoId && mergedInto.has(r.mergedIntoId) ? `并入议题 #${mergedInto.get(r.mergedIntoId)}` : "";
    const reason = ["pending", "accepted", "inProgress", "closed"].includes(acceptance) ? "" : [merged, ownReason].filter(Boolean).join(":");
    const resolutionText = resolution ? `决议(${resolution.year})第 ${resolution.number} 号,${RESOLUTION_STATUS_WORDS[resolution.status]}` : r.state === "failed" ? "表决未通过" : "";
    const results = [result?.summary.trim() ?? "", ...mine.filter((c) => c.result?.trim()).map((c) => `${c.department}:${c.result!.trim()}`)].filter(Boolean);
    const ended = isTerminal(r.state) && ev?.ended ? new Date(Number(ev.ended)) : null;
    tickets.push({
      ticket: r.ticket!,
      community: r.community,
      communitySlug: r.communitySlug,
      topicNumber: r.number,
      acceptance,
      reason: maskPersonal(reason),
      stage: stageReached(r.state, r.stage),
      departments: [...new Set(mine.map((c) => c.department))],
      resolution: resolutionText,
      result: maskPersonal(results.join(";")),
      satisfactionPct: round ? round.pct : null,
      raters: round ? Number(round.raters) : null,
      closedAt: ended ? isoInZone(ended, zone) : null,
      updatedAt: isoInZone(new Date(updated), zone),
    });
  }
  return tickets;
}
