import { desc, eq } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { catalogueEntries, publications, topics } from "../../db/schema";
import { packForKind, type ArticleKey } from "../workflow/rule-packs";
import type { PublicationKind } from "../workflow/meetings";
import { isFourTwoPublication } from "../workflow/four-two";
import { now } from "./clock.server";

export const BOARD_PUBLICATIONS = 30;

export interface BoardPublication {
  /** Unique on the board (the public page names no row ids). */
  key: string;
  kind: PublicationKind;
  title: string;
  topicNumber: number | null;
  publishedAt: Date;
  endsAt: Date;
  /** Still within its 公示 period (公示中) rather than over (已期满). */
  current: boolean;
  /** A village's 四议两公开 matter: its resolution is 决议公开, its execution result 实施结果公开. */
  fourTwo: boolean;
}

/**
 * 公示: everything the community has put on the board (resolutions, committee decisions of no-vote
 * categories, consultation outcomes, execution results, corrections), newest first, each with its
 * period and whether it is still running; `article` is the pack's 公示 article (Art. 34 / Art. 35).
 */
export function listBoardPublications({ communityId, kind, at = now(), limit = BOARD_PUBLICATIONS }: { communityId: number; kind: "urban" | "village"; at?: Date; limit?: number }): {
  items: BoardPublication[];
  article: ArticleKey;
} {
  const rows = getDb()
    .select({ id: publications.id, kind: publications.kind, title: publications.title, topicNumber: topics.number, publishedAt: publications.publishedAt, endsAt: publications.endsAt, fourTwo: catalogueEntries.fourTwo })
    .from(publications)
    .leftJoin(topics, eq(topics.id, publications.topicId))
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(eq(publications.communityId, communityId))
    .orderBy(desc(publications.publishedAt), desc(publications.id))
    .limit(limit)
    .all();
  const items = rows.map(({ id, fourTwo, ...r }) => ({ ...r, key: `${r.kind}-${id}`, current: r.endsAt.getTime() > at.getTime(), fourTwo: kind === "village" && fourTwo === true && isFourTwoPublication(r.kind) }));
  return { items, article: packForKind(kind).publicityArticle };
}
