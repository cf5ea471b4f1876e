import { and, eq } from "drizzle-orm";
import { catalogueEntries, topics } from "../../db/schema";
import type { Role } from "../workflow/roles";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { write } from "./write.server";

/**
 * 不经协商: a category whose catalogue entry says consultation is optional may be frozen without a
 * solicitation or a consultation meeting, once the committee has recorded why (a public reason, in
 * the ledger as `consultation.waived`). The step gates (app/workflow/step-gates.ts) read the reason
 * from topics.consultationWaiver; it is recorded once and never taken back.
 */
export type WaiverProblem = "notFound" | "wrongRole" | "wrongState" | "notOptional" | "alreadyWaived";

export function waiveConsultation({
  communityId,
  topicId,
  userId,
  roles,
  reason,
}: {
  communityId: number;
  topicId: number;
  userId: number;
  roles: readonly Role[];
  reason: string;
}): { ok: true } | { ok: false; problem: WaiverProblem } {
  return write((tx) => {
    const topic = tx
      .select({ state: topics.state, waiver: topics.consultationWaiver, optional: catalogueEntries.consultationOptional })
      .from(topics)
      .leftJoin(catalogueEntries, and(eq(catalogueEntries.id, topics.categoryId), eq(catalogueEntries.communityId, topics.communityId)))
      .where(and(eq(topics.id, topicId), eq(topics.communityId, communityId)))
      .get();
    if (!topic) return { ok: false, problem: "notFound" } as const;
    if (!roles.includes("committee")) return { ok: false, problem: "wrongRole" } as const;
    if (topic.state !== "consulting") return { ok: false, problem: "wrongState" } as const;
    if (topic.optional !== true) return { ok: false, problem: "notOptional" } as const;
    if (topic.waiver) return { ok: false, problem: "alreadyWaived" } as const;
    const at = now();
    tx.update(topics).set({ consultationWaiver: reason }).where(eq(topics.id, topicId)).run();
    appendLedger(tx, { communityId, type: "consultation.waived", actorId: userId, subject: `topic:${topicId}`, payload: { reason }, at });
    return { ok: true } as const;
  });
}
