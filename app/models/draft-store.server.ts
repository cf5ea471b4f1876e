import { and, asc, eq, lte } from "drizzle-orm";
import * as Y from "yjs";
import { getDb } from "../../db/client.server";
import { prepared } from "../../db/prepared";
import { draftDocuments, draftUpdates } from "../../db/schema";
import { draftText } from "./draft-text";
import { write } from "./write.server";

/**
 * Storage of the collaborative drafts (one Yjs document per topic): a compacted state plus the log of
 * updates accepted since. Every function is synchronous (better-sqlite3), so an update can be
 * committed in the same step in which it is relayed.
 */

/** The document as one update: the compacted state with the log applied; null when none exists yet. */
export function loadDraftUpdate(topicId: number): Uint8Array | null {
  const db = getDb();
  const doc = db.select({ state: draftDocuments.state }).from(draftDocuments).where(eq(draftDocuments.topicId, topicId)).get();
  const log = db
    .select({ update: draftUpdates.update })
    .from(draftUpdates)
    .where(eq(draftUpdates.topicId, topicId))
    .orderBy(asc(draftUpdates.id))
    .all();
  if (!doc && log.length === 0) return null;
  const parts = [...(doc ? [new Uint8Array(doc.state)] : []), ...log.map((l) => new Uint8Array(l.update))];
  return parts.length === 1 ? parts[0] : Y.mergeUpdates(parts);
}

/** Creates the stored document from an initial state (e.g. the proposal template) if none exists. */
export function ensureDraftDocument(topicId: number, initial: () => Uint8Array): Uint8Array {
  const existing = loadDraftUpdate(topicId);
  if (existing) return existing;
  const state = initial();
  getDb()
    .insert(draftDocuments)
    .values({ topicId, state: Buffer.from(state), updatedAt: new Date() })
    .onConflictDoNothing()
    .run();
  return loadDraftUpdate(topicId)!;
}

// The hot path of live editing: statements prepared once per connection, not rebuilt per update.
const insertUpdate = prepared((db) => db.$client.prepare("INSERT INTO draft_updates (topic_id, \"update\", user_id, created_at) VALUES (?, ?, ?, ?)"));
const countUpdates = prepared((db) => db.$client.prepare("SELECT count(*) FROM draft_updates WHERE topic_id = ?").pluck());

/** Appends one accepted update to the log; returns the log's length for this topic. */
export function appendDraftUpdate({ topicId, update, userId }: { topicId: number; update: Uint8Array; userId: number | null }): number {
  insertUpdate().run(topicId, Buffer.from(update.buffer, update.byteOffset, update.byteLength), userId, Date.now());
  return countUpdates().get(topicId) as number;
}

/** Folds the log into the stored state, in one transaction; the text is unchanged by construction. */
export function compactDraft(topicId: number): { bytes: number; folded: number } {
  return write((tx) => {
    const doc = tx.select({ state: draftDocuments.state }).from(draftDocuments).where(eq(draftDocuments.topicId, topicId)).get();
    const log = tx.select({ id: draftUpdates.id, update: draftUpdates.update }).from(draftUpdates).where(eq(draftUpdates.topicId, topicId)).orderBy(asc(draftUpdates.id)).all();
    if (log.length === 0) return { bytes: doc?.state.length ?? 0, folded: 0 };
    const ydoc = new Y.Doc();
    if (doc) Y.applyUpdate(ydoc, new Uint8Array(doc.state));
    for (const entry of log) Y.applyUpdate(ydoc, new Uint8Array(entry.update));
    const state = Y.encodeStateAsUpdate(ydoc);
    ydoc.destroy();
    tx.insert(draftDocuments)
      .values({ topicId, state: Buffer.from(state), updatedAt: new Date() })
      .onConflictDoUpdate({ target: draftDocuments.topicId, set: { state: Buffer.from(state), updatedAt: new Date() } })
      .run();
    tx.delete(draftUpdates)
      .where(and(eq(draftUpdates.topicId, topicId), lte(draftUpdates.id, log[log.length - 1].id)))
      .run();
    return { bytes: state.length, folded: log.length };
  });
}

/** The draft's canonical plain text ("" when there is no document yet). */
export function getDraftText(topicId: number): string {
  const update = loadDraftUpdate(topicId);
  return update ? draftText(update) : "";
}
