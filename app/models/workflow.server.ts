import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { deadlines, topicCosigns, topicEvents, topics } from "../../db/schema";
import type { Role } from "../workflow/roles";
import { STATE_INFO, type TopicState } from "../workflow/states";
import { checkTransition, type TopicAction, type TransitionCheck } from "../workflow/transitions";
import { DAY_MS, now } from "./clock.server";
import { refusals } from "./domain-error.server";
import { appendLedger } from "./ledger.server";
import { blockersOf } from "./step-facts.server";
import { notifyTopicFollowers } from "./notification.server";
import type { StoredMessage } from "../i18n/stored-message";
import { requireRules } from "./rules.server";
import { write } from "./write.server";

export type Actor = { userId: number; roles: readonly Role[] } | "system";

export type WorkflowProblem = Extract<TransitionCheck, { ok: false }>["problem"] | "notFound" | "mergeTarget" | "blocked";

/**
 * A refused move (DomainError of the domain "topic"): nothing was written. `problem` is a key under
 * `topic.problems` in the translations; a move refused by a step gate ("blocked") also says what is
 * missing (keys under `topic.blockers`).
 */
export const moveRefused = refusals<WorkflowProblem>("topic");

export interface AdvanceInput {
  topicId: number;
  communityId: number;
  action: TopicAction | string;
  actor: Actor;
  reason?: string | null;
  /** A system-made reason as a message (stored-message.ts), rendered in each reader's language; `reason` is its zh-CN text for the record. */
  reasonMessage?: StoredMessage | null;
  mergeIntoId?: number | null;
}

/**
 * The only way a topic changes state: checks the move and the actor's role against the transition
 * table, updates the topic, records the history, appends to the ledger, reschedules deadlines and
 * notifies the proposer and co-signers — all in one transaction.
 */
export function advanceTopic(input: AdvanceInput) {
  return write((tx, publish) => {
    const moved = advanceInTx(tx, input);
    publish({ name: "topicMoved", payload: { topicId: input.topicId, communityId: input.communityId, ...moved } });
    return moved;
  });
}

export function advanceInTx(tx: Tx, input: AdvanceInput): { from: TopicState; to: TopicState } {
  const topic = tx
    .select()
    .from(topics)
    .where(and(eq(topics.id, input.topicId), eq(topics.communityId, input.communityId)))
    .get();
  if (!topic) throw moveRefused("notFound");
  const movers = input.actor === "system" ? (["system"] as const) : input.actor.roles;
  const check = checkTransition({ action: input.action, from: topic.state, movers, reason: input.reason });
  if (!check.ok) throw moveRefused(check.problem);
  const { transition } = check;
  // The steps the method requires before this move (app/workflow/step-gates.ts): the same rule the pages ask.
  const blockers = blockersOf(tx, topic.id, transition.action);
  if (blockers.length > 0) throw moveRefused("blocked", blockers);
  const actorId = input.actor === "system" ? null : input.actor.userId;
  const at = now();

  let mergedIntoId: number | null = null;
  if (transition.action === "merge") mergedIntoId = mergeInto(tx, topic, input.mergeIntoId ?? null, actorId, at);

  const info = STATE_INFO[transition.to];
  const stage = info.stage ?? topic.stage;
  const reason = input.reason?.trim() ?? "";
  tx.update(topics)
    .set({
      state: transition.to,
      stage,
      status: info.status,
      stageEnteredAt: stage !== topic.stage ? at : topic.stageEnteredAt,
      overdue: false,
      ...(transition.needsReason ? { publicReason: reason, publicReasonMessage: input.reasonMessage ?? null } : {}),
      ...(mergedIntoId ? { mergedIntoId } : {}),
    })
    .where(eq(topics.id, topic.id))
    .run();
  tx.insert(topicEvents).values({ topicId: topic.id, action: transition.action, fromState: topic.state, toState: transition.to, actorId, reason, reasonMessage: input.reasonMessage ?? null, at }).run();
  appendLedger(tx, {
    communityId: topic.communityId,
    type: `topic.${transition.action}`,
    actorId,
    subject: `topic:${topic.id}`,
    payload: { from: topic.state, to: transition.to, ...(reason ? { reason } : {}), ...(mergedIntoId ? { mergedInto: mergedIntoId } : {}) },
    at,
  });
  // Deadlines belong to a state: leaving it settles them; entering screening starts its clock.
  tx.update(deadlines)
    .set({ doneAt: at })
    .where(and(eq(deadlines.topicId, topic.id), isNull(deadlines.doneAt)))
    .run();
  if (transition.to === "screening") scheduleScreeningDeadline(tx, topic.communityId, topic.id, at);
  notifyTopicFollowers(tx, {
    topicId: topic.id,
    communityId: topic.communityId,
    kind: "topic.moved",
    payload: { action: transition.action, to: transition.to, number: topic.number, title: topic.title, ...(reason ? { reason } : {}), ...(input.reasonMessage ? { reasonMessage: input.reasonMessage } : {}) },
    exceptUserId: actorId,
  });
  return { from: topic.state, to: transition.to };
}

export function scheduleCosignWindow(tx: Tx, communityId: number, topicId: number, from: Date) {
  const { cosignWindowDays } = requireRules(communityId, tx);
  tx.insert(deadlines).values({ communityId, topicId, kind: "cosignWindow", dueAt: new Date(from.getTime() + cosignWindowDays * DAY_MS) }).run();
}

export function scheduleScreeningDeadline(tx: Tx, communityId: number, topicId: number, from: Date) {
  const { screeningDays } = requireRules(communityId, tx);
  tx.insert(deadlines).values({ communityId, topicId, kind: "screening", dueAt: new Date(from.getTime() + screeningDays * DAY_MS) }).run();
}

/** Recounts a topic's co-signs and moves it to screening when the rules' threshold is reached. */
export function settleCosigns(tx: Tx, topicId: number, communityId: number): { count: number; threshold: number; moved: boolean } {
  const count = tx.select({ n: sql<number>`count(*)` }).from(topicCosigns).where(eq(topicCosigns.topicId, topicId)).get()!.n;
  tx.update(topics).set({ cosignCount: count }).where(eq(topics.id, topicId)).run();
  const { cosignThreshold } = requireRules(communityId, tx);
  const topic = tx.select({ state: topics.state }).from(topics).where(eq(topics.id, topicId)).get()!;
  if (topic.state === "open" && count >= cosignThreshold) {
    advanceInTx(tx, { topicId, communityId, action: "reachThreshold", actor: "system" });
    return { count, threshold: cosignThreshold, moved: true };
  }
  return { count, threshold: cosignThreshold, moved: false };
}

/** Merging carries the co-signers (and the proposer) over to the target, which is told. */
function mergeInto(tx: Tx, topic: typeof topics.$inferSelect, targetId: number | null, actorId: number | null, at: Date): number {
  const target = targetId
    ? tx.select().from(topics).where(and(eq(topics.id, targetId), eq(topics.communityId, topic.communityId))).get()
    : undefined;
  if (!target || target.id === topic.id || !["open", "screening", "drafting", "consulting"].includes(target.state)) {
    throw moveRefused("mergeTarget");
  }
  const carried = [topic.proposerId, ...tx.select({ userId: topicCosigns.userId }).from(topicCosigns).where(eq(topicCosigns.topicId, topic.id)).all().map((r) => r.userId)];
  for (const userId of new Set(carried)) {
    if (userId === target.proposerId) continue;
    tx.insert(topicCosigns).values({ topicId: target.id, userId, createdAt: at }).onConflictDoNothing().run();
  }
  notifyTopicFollowers(tx, {
    topicId: target.id,
    communityId: target.communityId,
    kind: "topic.mergedIn",
    payload: { number: target.number, title: target.title, fromNumber: topic.number, fromTitle: topic.title },
    exceptUserId: actorId,
  });
  settleCosigns(tx, target.id, target.communityId);
  return target.id;
}
