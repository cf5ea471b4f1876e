import { and, eq, sql } from "drizzle-orm";

import { hotSelect } from "../../db/hot-read";
import { topicCosigns, topics } from "../../db/schema";
import { can } from "../workflow/capabilities";
import type { Role } from "../workflow/roles";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { settleCosigns } from "./workflow.server";
import { write } from "./write.server";
import type { Result } from "./domain-error.server";
import { assistedPayload, type Assisted } from "./assisted.server";

export type CosignProblem = "notFound" | "notCollecting" | "ownTopic" | "notResident" | "already" | "notCosigned";
type CosignResult = Result<CosignProblem, { count: number; threshold: number; moved: boolean }>;

/**
 * 附议: once per resident per topic (the primary key guarantees it, however many requests race),
 * never one's own topic, only while the topic collects co-signs. Reaching the threshold moves the
 * topic to screening in the same transaction.
 */
export function coSignTopic({ topicId, communityId, userId, roles, assisted }: { topicId: number; communityId: number; userId: number; roles: readonly Role[]; assisted?: Assisted }): CosignResult {
  return write((tx): CosignResult => {
    const topic = tx.select().from(topics).where(and(eq(topics.id, topicId), eq(topics.communityId, communityId))).get();
    if (!topic) return { ok: false, problem: "notFound" };
    if (topic.state !== "open") return { ok: false, problem: "notCollecting" };
    if (topic.proposerId === userId) return { ok: false, problem: "ownTopic" };
    if (!can("cosign", topic.state, roles)) return { ok: false, problem: "notResident" };
    const at = now();
    const inserted = tx.insert(topicCosigns).values({ topicId, userId, createdAt: at }).onConflictDoNothing().run();
    if (inserted.changes === 0) return { ok: false, problem: "already" };
    appendLedger(tx, { communityId, type: "topic.cosigned", actorId: userId, subject: `topic:${topicId}`, payload: assistedPayload(assisted), at });
    return { ok: true, ...settleCosigns(tx, topicId, communityId) };
  });
}

/**
 * Withdrawing a co-sign is possible only while the topic still collects (before the threshold), and
 * only for a resident: co-signing is theirs, so anyone else is refused for the role (default deny).
 */
export function withdrawCosign({ topicId, communityId, userId, roles }: { topicId: number; communityId: number; userId: number; roles: readonly Role[] }): CosignResult {
  return write((tx): CosignResult => {
    const topic = tx.select().from(topics).where(and(eq(topics.id, topicId), eq(topics.communityId, communityId))).get();
    if (!topic) return { ok: false, problem: "notFound" };
    if (!roles.includes("resident")) return { ok: false, problem: "notResident" };
    if (topic.state !== "open") return { ok: false, problem: "notCollecting" };
    const at = now();
    const removed = tx
      .delete(topicCosigns)
      .where(and(eq(topicCosigns.topicId, topicId), eq(topicCosigns.userId, userId)))
      .run();
    if (removed.changes === 0) return { ok: false, problem: "notCosigned" };
    appendLedger(tx, { communityId, type: "topic.cosignWithdrawn", actorId: userId, subject: `topic:${topicId}`, payload: {}, at });
    return { ok: true, ...settleCosigns(tx, topicId, communityId) };
  });
}

// Asked on every topic page view: a hot read (docs/decisions/014-raw-statements-for-hot-reads.md).
const cosignOf = hotSelect({ userId: topicCosigns.userId }).from<{ topicId: number; userId: number }>(
  sql`${topicCosigns} where ${topicCosigns.topicId} = ${sql.placeholder("topicId")} and ${topicCosigns.userId} = ${sql.placeholder("userId")}`,
);

export function hasCosigned({ topicId, userId }: { topicId: number; userId: number }): boolean {
  return cosignOf.get({ topicId, userId }) !== undefined;
}
