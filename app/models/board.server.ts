import { and, count, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { BoardDecision } from "./board-decision";
import { getDb } from "../../db/client.server";
import { catalogueEntries, topics, users } from "../../db/schema";
import type { TopicState } from "../workflow/states";
import { maskName } from "./mask-name";

export const BOARD_PAGE_SIZE = 20;

/** States a topic reaches only after the committee accepted it (drafting … closed). */
export const ACCEPTED_STATES = ["drafting", "consulting", "onAgenda", "publicity", "executing", "verifying", "closed"] as const satisfies readonly TopicState[];


// When the committee's decision was recorded: the rejection, or the first move out of collection.
const decidedAt = sql<number>`coalesce(CASE WHEN ${topics.state} = 'rejected'
  THEN (SELECT max(e.at) FROM topic_events e WHERE e.topic_id = ${topics.id} AND e.to_state = 'rejected')
  ELSE (SELECT min(e.at) FROM topic_events e WHERE e.topic_id = ${topics.id} AND e.to_state NOT IN ('open', 'screening')) END,
  ${topics.stageEnteredAt})`;

/**
 * The screening decisions the 116 method publishes: topics the committee accepted (with their
 * current stage) and topics it rejected with the public reason, newest decision first, one page.
 * A rejected topic without a reason is never shown.
 */
export function listBoardDecisions({ communityId, page: wanted, perPage = BOARD_PAGE_SIZE }: { communityId: number; page: number; perPage?: number }) {
  const db = getDb();
  const where = and(
    eq(topics.communityId, communityId),
    or(inArray(topics.state, ACCEPTED_STATES), and(eq(topics.state, "rejected"), ne(sql`trim(${topics.publicReason})`, ""))),
  );
  const total = db.select({ n: count() }).from(topics).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, wanted), pages);
  const rows = db
    .select({
      number: topics.number,
      title: topics.title,
      state: topics.state,
      stage: topics.stage,
      status: topics.status,
      publicReason: topics.publicReason,
      showProposerName: topics.showProposerName,
      proposerName: users.displayName,
      categoryZh: catalogueEntries.nameZh,
      categoryEn: catalogueEntries.nameEn,
      decidedAt: decidedAt.as("decided_at"),
    })
    .from(topics)
    .innerJoin(users, eq(users.id, topics.proposerId))
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(where)
    .orderBy(desc(sql`decided_at`), desc(topics.number))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  const items: BoardDecision[] = rows.map((r) => ({
    number: r.number,
    title: r.title,
    kind: r.state === "rejected" ? "rejected" : "accepted",
    stage: r.stage,
    status: r.status,
    reason: r.state === "rejected" ? r.publicReason.trim() : "",
    decidedAt: new Date(Number(r.decidedAt)).toISOString(),
    proposer: r.showProposerName ? r.proposerName : maskName(r.proposerName),
    categoryZh: r.categoryZh,
    categoryEn: r.categoryEn,
  }));
  return { items, total, page, pages };
}
