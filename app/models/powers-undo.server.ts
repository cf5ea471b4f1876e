// 撤销 / 变更: a topic names a resolution it proposes to revoke or change (村委会组织法 Art. 27; 居委会组织法
// Art. 30 ¶3); only an assembly may vote on it, and when its motion passes the named resolution is
// marked revoked or changed in the same transaction, its topic's execution no longer expected.
import { and, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, type Tx } from "../../db/client.server";
import { resolutions, topics } from "../../db/schema";
import type { UndoKind } from "../workflow/assembly";
import { nextResolutionStatus, resolutionMay } from "../workflow/motion-lifecycle";
import { ASSEMBLY_MATTERS_ARTICLE, undoArticle, UNDO_NAMEABLE_STATES } from "../workflow/powers";
import { topicTablingBlock } from "./powers-matters.server";
import { appendLedger } from "./ledger.server";
import { now } from "./clock.server";
import { powersRefused, powersWrite, requireCommittee, type PowersActor, type PowersResult } from "./powers.server";
import { advanceInTx } from "./workflow.server";

/** The committee names (or, with null, clears) the resolution a topic proposes to revoke or change, before the topic's text is frozen. */
export function setTopicUndo(input: PowersActor & { topicId: number; resolutionId: number | null; kind: UndoKind }): PowersResult {
  return powersWrite((tx) => {
    requireCommittee(input);
    const topic = tx.select({ id: topics.id, state: topics.state }).from(topics).where(and(eq(topics.id, input.topicId), eq(topics.communityId, input.communityId))).get();
    if (!topic) throw powersRefused("notFound");
    if (!UNDO_NAMEABLE_STATES.includes(topic.state)) throw powersRefused("wrongState");
    if (input.resolutionId !== null) {
      const r = tx.select({ topicId: resolutions.topicId, status: resolutions.status }).from(resolutions).where(and(eq(resolutions.id, input.resolutionId), eq(resolutions.communityId, input.communityId))).get();
      if (!r || r.topicId === topic.id || !resolutionMay(r.status, input.kind)) throw powersRefused("notUndoable");
    }
    const kind = input.resolutionId === null ? null : input.kind;
    tx.update(topics).set({ undoesResolutionId: input.resolutionId, undoKind: kind }).where(eq(topics.id, topic.id)).run();
    appendLedger(tx, { communityId: input.communityId, type: "topic.undoNamed", actorId: input.userId, subject: `topic:${topic.id}`, payload: { resolution: input.resolutionId, kind }, at: now() });
    return {};
  });
}

/** The resolutions a topic may name: the community's, published or in force (those the assembly may still revoke or change). */
export function listUndoableResolutions({ communityId, exceptTopicId }: { communityId: number; exceptTopicId: number }) {
  return getDb()
    .select({ id: resolutions.id, year: resolutions.year, number: resolutions.number, topicId: resolutions.topicId, topicNumber: topics.number, title: topics.title })
    .from(resolutions)
    .innerJoin(topics, eq(topics.id, resolutions.topicId))
    .where(and(eq(resolutions.communityId, communityId), inArray(resolutions.status, ["publicity", "effective"])))
    .orderBy(desc(resolutions.publishedAt))
    .all()
    .filter((r) => r.topicId !== exceptTopicId);
}

/** What a topic proposes to undo, for its page: the resolution (number, its topic) and revoke or change; null when nothing. */
export function getTopicUndo({ communityId, topicId }: { communityId: number; topicId: number }) {
  const row = getDb()
    .select({ kind: topics.undoKind, resolutionId: topics.undoesResolutionId, state: topics.state })
    .from(topics)
    .where(and(eq(topics.id, topicId), eq(topics.communityId, communityId)))
    .get();
  if (!row?.resolutionId || !row.kind) return null;
  const r = getDb()
    .select({ id: resolutions.id, year: resolutions.year, number: resolutions.number, status: resolutions.status, topicId: resolutions.topicId, topicNumber: topics.number, title: topics.title })
    .from(resolutions)
    .innerJoin(topics, eq(topics.id, resolutions.topicId))
    .where(and(eq(resolutions.id, row.resolutionId), eq(resolutions.communityId, communityId)))
    .get();
  return r ? { kind: row.kind, resolution: r } : null;
}

const undoing = alias(resolutions, "undoing");

/**
 * For each revoked or changed resolution among `ids`: the resolution that undid it (the passed motion
 * of a topic naming it), to show 已撤销 / 已变更 with a link wherever the resolution is shown.
 */
export function undoneBy(db: Tx, communityId: number, ids: readonly number[]): Map<number, { year: number; number: number; topicId: number; topicNumber: number }> {
  const out = new Map<number, { year: number; number: number; topicId: number; topicNumber: number }>();
  if (ids.length === 0) return out;
  const rows = db
    .select({ undone: topics.undoesResolutionId, year: undoing.year, number: undoing.number, topicId: topics.id, topicNumber: topics.number })
    .from(undoing)
    .innerJoin(topics, eq(topics.id, undoing.topicId))
    .where(and(eq(undoing.communityId, communityId), inArray(topics.undoesResolutionId, [...ids])))
    .all();
  for (const r of rows) if (r.undone !== null) out.set(r.undone, { year: r.year, number: r.number, topicId: r.topicId, topicNumber: r.topicNumber });
  return out;
}

/**
 * Runs where a passed motion becomes a resolution, in the same transaction: when the motion's topic
 * names a resolution, that one is revoked or changed (its reason names the new resolution) and its
 * topic, in 公示 or execution, ends — the assembly's decision replaces it.
 */
export function applyUndo(tx: Tx, { communityId, topicId, resolutionId, at }: { communityId: number; topicId: number; resolutionId: number; at: Date }) {
  const topic = tx.select({ undoes: topics.undoesResolutionId, kind: topics.undoKind }).from(topics).where(eq(topics.id, topicId)).get();
  if (!topic?.undoes || !topic.kind) return;
  const old = tx.select().from(resolutions).where(and(eq(resolutions.id, topic.undoes), eq(resolutions.communityId, communityId))).get();
  if (!old || !resolutionMay(old.status, topic.kind)) return;
  const fresh = tx.select({ year: resolutions.year, number: resolutions.number }).from(resolutions).where(eq(resolutions.id, resolutionId)).get()!;
  const reason = `决议〔${fresh.year}〕${fresh.number}号`;
  const status = nextResolutionStatus(old.status, topic.kind);
  tx.update(resolutions).set({ status, statusAt: at, statusReason: reason }).where(eq(resolutions.id, old.id)).run();
  appendLedger(tx, { communityId, type: `resolution.${status}`, actorId: null, subject: `resolution:${old.id}`, payload: { topic: old.topicId, by: resolutionId, reason }, at });
  const state = tx.select({ state: topics.state }).from(topics).where(eq(topics.id, old.topicId)).get()?.state;
  if (state === "publicity" || state === "executing" || state === "verifying") {
    advanceInTx(tx, { topicId: old.topicId, communityId, action: "undoneByAssembly", actor: "system", reason });
  }
}

/** The topic page's section: what the topic undoes, why only an assembly may take it, and whether the committee may still name one. */
export function getTopicPowers({ communityId, topicId, kind, roles, state }: { communityId: number; topicId: number; kind: "urban" | "village"; roles: readonly string[]; state: string }) {
  const undo = getTopicUndo({ communityId, topicId });
  const block = topicTablingBlock({ communityId, topicId });
  const mayName = roles.includes("committee") && (UNDO_NAMEABLE_STATES as readonly string[]).includes(state);
  if (!undo && !block && !mayName) return null;
  return { undo, block, mayName, undoArticle: undoArticle(kind), mattersArticle: ASSEMBLY_MATTERS_ARTICLE };
}
