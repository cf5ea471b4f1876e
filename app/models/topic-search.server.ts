import { and, desc, eq, notInArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { catalogueEntries, topics, users } from "../../db/schema";
import { cleanSearchQuery } from "../forms/topic";
import type { TopicState } from "../workflow/states";
import type { TopicCard } from "./topic.server";

export type SearchHit = Omit<TopicCard, "overdue"> & { state: TopicState; cosignCount: number; createdAt: Date };

const hitColumns = {
  id: topics.id,
  number: topics.number,
  title: topics.title,
  stage: topics.stage,
  status: topics.status,
  state: topics.state,
  cosignCount: topics.cosignCount,
  location: topics.location,
  stageEnteredAt: topics.stageEnteredAt,
  createdAt: topics.createdAt,
  proposerName: users.displayName,
  categoryZh: catalogueEntries.nameZh,
  categoryEn: catalogueEntries.nameEn,
};

/** A phrase for FTS5 MATCH: the text taken literally (quotes doubled), whatever operators it contains. */
export function ftsPhrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/** A LIKE pattern matching `term` anywhere, with %, _ and \ taken literally (ESCAPE '\'). */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const searchable = sql`(${topics.title} || ' ' || ${topics.description} || ' ' || ${topics.location})`;

function likeTerm(term: string): SQL {
  return sql`${searchable} LIKE ${likePattern(term)} ESCAPE '\\'`;
}

/** Words of the query: split on spaces. Each must be found (in the title, description or location). */
export function searchTerms(query: string): string[] {
  return cleanSearchQuery(query).split(" ").filter(Boolean).slice(0, 8);
}

/** Pieces for the looser "similar" match: two-character runs of CJK text, and whole words of other scripts. */
export function similarityGrams(query: string): string[] {
  const grams = new Set<string>();
  for (const run of cleanSearchQuery(query).match(/\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu) ?? []) {
    const chars = Array.from(run);
    if (!/\p{Script=Han}/u.test(run)) {
      if (chars.length >= 2) grams.add(run);
    } else if (chars.length === 1) {
      grams.add(run);
    } else {
      for (let i = 0; i + 2 <= chars.length && grams.size < 24; i++) grams.add(chars.slice(i, i + 2).join(""));
    }
  }
  return [...grams].slice(0, 24);
}

function selectHits(where: SQL | undefined, limit: number, order: SQL[] = []) {
  return getDb()
    .select(hitColumns)
    .from(topics)
    .innerJoin(users, eq(users.id, topics.proposerId))
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(where)
    .orderBy(...order, desc(topics.createdAt), desc(topics.id))
    .limit(limit)
    .all() as SearchHit[];
}

/**
 * The condition "every word of the query is in the topic's title, description or location": words of
 * three or more characters use the trigram index (topics_fts), shorter ones LIKE; the text is always
 * taken literally. Undefined when the query has no words. The hall's search uses it too.
 */
export function topicTextCondition(query: string): SQL | undefined {
  const terms = searchTerms(query);
  if (terms.length === 0) return undefined;
  const long = terms.filter((t) => Array.from(t).length >= 3);
  const short = terms.filter((t) => Array.from(t).length < 3);
  const fts = long.length ? sql`${topics.id} IN (SELECT rowid FROM topics_fts WHERE topics_fts MATCH ${long.map(ftsPhrase).join(" AND ")})` : undefined;
  return and(fts, ...short.map(likeTerm));
}

/**
 * Active topics of one community matching every word of `query`, newest first. Words of three or
 * more characters use the trigram full-text index (topics_fts); shorter ones fall back to LIKE.
 * With `similar`, topics sharing at least two (and a quarter) of the query's pieces (CJK character pairs, words) are
 * added after the exact matches, most pieces first — for spotting duplicates worded differently.
 */
export function searchTopics({ communityId, query, limit = 20, similar = false }: { communityId: number; query: string; limit?: number; similar?: boolean }): SearchHit[] {
  const text = topicTextCondition(query);
  const max = Math.max(1, Math.min(Math.trunc(limit) || 1, 100));
  if (!text) return [];
  const scope = and(eq(topics.communityId, communityId), eq(topics.status, "active"));
  const exact = selectHits(and(scope, text), max);
  if (!similar || exact.length >= max) return exact;

  const grams = similarityGrams(query);
  if (grams.length < 2) return exact;
  const score = sql.join(
    grams.map((g) => sql`(${likeTerm(g)})`),
    sql` + `,
  );
  const needed = Math.max(2, Math.ceil(grams.length / 4));
  const seen = exact.map((h) => h.id);
  const looser = selectHits(
    and(scope, seen.length ? notInArray(topics.id, seen) : undefined, sql`(${score}) >= ${needed}`),
    max - exact.length,
    [sql`(${score}) DESC`],
  );
  return [...exact, ...looser];
}
