import { createHash } from "node:crypto";
import { diffLines } from "diff";
import { and, asc, eq, max } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { draftVersions, topics, users } from "../../db/schema";
import { can } from "../workflow/capabilities";
import type { Role } from "../workflow/roles";
import { now } from "./clock.server";
import { loadDraftUpdate } from "./draft-store.server";
import { draftText, templateUpdate } from "./draft-text";
import { appendLedger } from "./ledger.server";
import { renderMarkdown } from "./markdown.server";
import { write } from "./write.server";

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
  return write((tx) => {
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

export interface DiffBlock {
  kind: "same" | "added" | "removed";
  /** The block's lines, formatted (renderMarkdown): what a reader sees. */
  html: string;
}

/**
 * A readable difference between two texts, block by block (the canonical text has one block per
 * line): runs of unchanged, removed and added lines, each run formatted as the reader sees it (a run
 * of list items stays one list; an item keeps its number). A changed line shows as removed, then added.
 */
export function diffDraftBlocks(before: string, after: string): DiffBlock[] {
  const runs: Array<{ kind: DiffBlock["kind"]; lines: string[] }> = [];
  for (const change of diffLines(before.endsWith("\n") ? before : `${before}\n`, after.endsWith("\n") ? after : `${after}\n`)) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const lines = change.value.replace(/\n$/, "").split("\n");
    const last = runs.at(-1);
    if (last?.kind === kind) last.lines.push(...lines);
    else runs.push({ kind, lines });
  }
  return runs
    .map(({ kind, lines }) => ({ kind, text: lines.join("\n") }))
    .filter(({ text }) => text.trim() !== "")
    .map(({ kind, text }) => ({ kind, html: renderMarkdown(text) }));
}
