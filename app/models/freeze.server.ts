import { createHash } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { prepared } from "../../db/prepared";
import { catalogueEntries, draftFreezes, draftVersions, topics, users } from "../../db/schema";
import { isEmptyDraft } from "../forms/consultation";
import type { Role } from "../workflow/roles";
import { now } from "./clock.server";
import { ensureDraftDocument, getDraftText } from "./draft-store.server";
import { templateUpdate } from "./draft-text";
import { appendLedger } from "./ledger.server";
import { renderMarkdown } from "./markdown.server";
import { publish } from "./publication.server";
import { blockersOf } from "./step-facts.server";
import type { StepBlocker } from "../workflow/step-gates";
import { attempt, refusals, type Result } from "./domain-error.server";
import { advanceInTx, type WorkflowProblem } from "./workflow.server";
import { write } from "./write.server";

/** The SHA-256 of a text's UTF-8 bytes, as lower-case hex: what is published and voted on. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export type FreezeProblem = WorkflowProblem | "emptyDraft" | "ownersDecide";

const refused = refusals<FreezeProblem>("freeze");

/**
 * 定稿: stores the draft's canonical text and its SHA-256, appends `draft.frozen` and moves the topic —
 * to the representatives' vote (freeze → onAgenda) when its catalogue entry needs one (or it has no
 * category), otherwise to execution (decideByCommittee) — all in one transaction. The move's step gate
 * (app/workflow/step-gates.ts) asks for a consultation outcome on record (or the committee's waiver);
 * a refusal by it carries the `blockers` for the page to list.
 */
export function freezeDraft({ communityId, topicId, userId, roles }: { communityId: number; topicId: number; userId: number; roles: readonly Role[] }): Result<FreezeProblem, { sha256: string; to: string }> {
  const db = getDb();
  const topic = db
    .select({ id: topics.id, title: topics.title, state: topics.state, needsVote: catalogueEntries.needsVote, ownersDecide: catalogueEntries.ownersDecide })
    .from(topics)
    .leftJoin(catalogueEntries, and(eq(catalogueEntries.id, topics.categoryId), eq(catalogueEntries.communityId, topics.communityId)))
    .where(and(eq(topics.id, topicId), eq(topics.communityId, communityId)))
    .get();
  if (!topic) return { ok: false, problem: "notFound" };
  // 业主共同决定 (民法典 Art. 278): never to the meeting; the owners' result is recorded on the topic page instead.
  if (topic.ownersDecide) return { ok: false, problem: "ownersDecide" };
  const action = topic.needsVote === false ? "decideByCommittee" : "freeze";
  // A refused move: a draft emptied during consultation is said as before; anything else the step gates miss is listed.
  const moveRefused = (error: { problem: string; blockers: readonly StepBlocker[] }) =>
    error.blockers.includes("emptyDraft") ? { ok: false as const, problem: "emptyDraft" as const } : { ok: false as const, problem: error.problem as WorkflowProblem, blockers: error.blockers };
  return attempt(
    "freeze",
    () =>
      write((tx) => {
      // The move is checked first: the wrong person or the wrong moment is refused before the text is read.
      const { to } = advanceInTx(tx, { topicId, communityId, action, actor: { userId, roles } });
      ensureDraftDocument(topicId, templateUpdate);
      const text = getDraftText(topicId);
      // Throwing rolls the move back: nothing is written.
      if (isEmptyDraft(text)) throw refused("emptyDraft");
      const sha256 = sha256Hex(text);
      const version = tx.select({ id: draftVersions.id }).from(draftVersions).where(eq(draftVersions.topicId, topicId)).orderBy(desc(draftVersions.number)).limit(1).get();
      const at = now();
      // A text sent back after a failed vote is frozen again: the new text replaces the old here (the
      // motion that was voted on keeps its own copy and hash, and the ledger keeps both freezes).
      const frozen = { versionId: version?.id ?? null, text, sha256, frozenBy: userId, frozenAt: at };
      tx.insert(draftFreezes).values({ topicId, ...frozen }).onConflictDoUpdate({ target: draftFreezes.topicId, set: frozen }).run();
      appendLedger(tx, { communityId, type: "draft.frozen", actorId: userId, subject: `topic:${topicId}`, payload: { sha256, bytes: Buffer.byteLength(text, "utf8"), versionId: version?.id ?? null, to }, at });
      // A category decided without a vote: the committee's decision is published (公示) like a resolution.
      if (action === "decideByCommittee") publish(tx, { communityId, topicId, kind: "committeeDecision", refId: topicId, title: topic.title, at });
      return { sha256, to };
    }),
    moveRefused,
  );
}

/** The frozen text of a topic, with who froze it; `verified` re-hashes the stored text on request. */
const freezeOf = prepared((db) =>
  db
    .select({ text: draftFreezes.text, sha256: draftFreezes.sha256, frozenAt: draftFreezes.frozenAt, frozenBy: users.displayName })
    .from(draftFreezes)
    .innerJoin(topics, eq(topics.id, draftFreezes.topicId))
    .innerJoin(users, eq(users.id, draftFreezes.frozenBy))
    .where(and(eq(draftFreezes.topicId, sql.placeholder("topicId")), eq(topics.communityId, sql.placeholder("communityId"))))
    .prepare(),
);

export function getFreeze({ communityId, topicId, verify = false }: { communityId: number; topicId: number; verify?: boolean }) {
  const row = freezeOf().get({ communityId, topicId });
  if (!row) return null;
  return { ...row, html: renderMarkdown(row.text), verified: verify ? sha256Hex(row.text) === row.sha256 : null };
}

/** What 定稿 still needs on this topic (its step gate; freeze and decideByCommittee ask the same), for the pages to list. */
export function freezeBlockers(topicId: number): StepBlocker[] {
  return blockersOf(getDb(), topicId, "freeze");
}
