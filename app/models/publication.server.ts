import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { publications } from "../../db/schema";
import { LEGAL_FLOORS } from "../workflow/rule-packs";
import type { PublicationKind } from "../workflow/meetings";
import { requireRules } from "./rules.server";

const DAY_MS = 86_400_000;

/**
 * The days a publication stays on the board: the community's 公示 period, never under the law's 15
 * (村委会组织法 Art. 35, 居委会组织法 Art. 34) even if an old rules row says less.
 */
export function publicationDays(tx: Tx, communityId: number): number {
  return Math.max(requireRules(communityId, tx).publicityDays, LEGAL_FLOORS.publicityDays);
}

/**
 * 公示: puts one thing on the board from `at` for the community's 公示 period (at least 15 days).
 * One row per (kind, refId): publishing the same thing again returns the existing row.
 */
export function publish(
  tx: Tx,
  input: { communityId: number; topicId: number | null; kind: PublicationKind; refId: number; title: string; at: Date },
): { id: number; publishedAt: Date; endsAt: Date } {
  const existing = tx
    .select({ id: publications.id, publishedAt: publications.publishedAt, endsAt: publications.endsAt })
    .from(publications)
    .where(and(eq(publications.kind, input.kind), eq(publications.refId, input.refId)))
    .get();
  if (existing) return existing;
  const endsAt = new Date(input.at.getTime() + publicationDays(tx, input.communityId) * DAY_MS);
  const row = tx
    .insert(publications)
    .values({ communityId: input.communityId, topicId: input.topicId, kind: input.kind, refId: input.refId, title: input.title, publishedAt: input.at, endsAt })
    .returning({ id: publications.id })
    .get();
  return { id: row.id, publishedAt: input.at, endsAt };
}
