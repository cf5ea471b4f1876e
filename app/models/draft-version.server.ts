import { createHash } from "node:crypto";
import { diffChars, diffLines } from "diff";
import { and, asc, eq, max } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { draftVersions, topics, users } from "../../db/schema";
import { can } from "../workflow/capabilities";
import type { Role } from "../workflow/roles";
import { now } from "./clock.server";
import { loadDraftUpdate } from "./draft-store.server";
import { draftText, templateUpdate } from "./draft-text";
import { appendLedger } from "./ledger.server";

export type VersionProblem = "notFound" | "notAllowed";

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * 保存版本: a committee member (while the draft may be edited) snapshots the current document with a
 * note. The version's number counts per topic; the ledger records the number and the text's SHA-256.
 */
export function saveDraftVersion({
  communityId,
  topicId,
  userId,
  roles,
  note,
}: {
  communityId: number;
  topicId: number;
  userId: number;
  roles: readonly Role[];
  note: string;
}): { ok: true; number: number } | { ok: false; problem: VersionProblem } {
  return getDb().transaction((tx) => {
    const topic = tx.select({ state: topics.state }).from(topics).where(and(eq(topics.id, topicId), eq(topics.communityId, communityId))).get();
    if (!topic) return { ok: false as const, problem: "notFound" as const };
    if (!can("editDraft", topic.state, roles)) return { ok: false as const, problem: "notAllowed" as const };
    const state = loadDraftUpdate(topicId) ?? templateUpdate();
    const text = draftText(state);
    const number = (tx.select({ n: max(draftVersions.number) }).from(draftVersions).where(eq(draftVersions.topicId, topicId)).get()?.n ?? 0) + 1;
    const at = now();
    tx.insert(draftVersions).values({ topicId, number, note, state: Buffer.from(state), text, createdBy: userId, createdAt: at }).run();
    appendLedger(tx, { communityId, type: "draft.versionSaved", actorId: userId, subject: `topic:${topicId}`, payload: { number, sha256: sha256(text) }, at });
    return { ok: true as const, number };
  });
}

/** A topic's versions, oldest first (without their stored state). */
export function listDraftVersions({ communityId, topicId }: { communityId: number; topicId: number }) {
  return getDb()
    .select({ number: draftVersions.number, note: draftVersions.note, createdAt: draftVersions.createdAt, authorName: users.displayName })
    .from(draftVersions)
    .innerJoin(topics, eq(topics.id, draftVersions.topicId))
    .innerJoin(users, eq(users.id, draftVersions.createdBy))
    .where(and(eq(draftVersions.topicId, topicId), eq(topics.communityId, communityId)))
    .orderBy(asc(draftVersions.number))
    .all();
}

/** One version of one topic of one community, by its number. */
export function getDraftVersion({ communityId, topicId, number }: { communityId: number; topicId: number; number: number }) {
  return getDb()
    .select({ number: draftVersions.number, note: draftVersions.note, text: draftVersions.text, state: draftVersions.state, createdAt: draftVersions.createdAt, authorName: users.displayName })
    .from(draftVersions)
    .innerJoin(topics, eq(topics.id, draftVersions.topicId))
    .innerJoin(users, eq(users.id, draftVersions.createdBy))
    .where(and(eq(draftVersions.topicId, topicId), eq(topics.communityId, communityId), eq(draftVersions.number, number)))
    .get();
}

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/**
 * A readable difference between two texts: unchanged lines stay whole; where lines were replaced,
 * the replaced and replacing lines are compared character by character (Chinese has no spaces).
 */
export function diffDraftTexts(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  const lines = diffLines(before.endsWith("\n") ? before : `${before}\n`, after.endsWith("\n") ? after : `${after}\n`);
  for (let i = 0; i < lines.length; i++) {
    const change = lines[i];
    const next = lines[i + 1];
    if (change.removed && next?.added) {
      for (const c of diffChars(change.value, next.value)) push(c.added ? "added" : c.removed ? "removed" : "same", c.value);
      i++;
    } else push(change.added ? "added" : change.removed ? "removed" : "same", change.value);
  }
  const last = parts.at(-1);
  if (last) last.text = last.text.replace(/\n$/, "");
  return parts.filter((p) => p.text !== "");
}
