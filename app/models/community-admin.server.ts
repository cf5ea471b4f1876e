import { and, asc, eq } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { catalogueEntries, communities, rules, streets } from "../../db/schema";
import type { NewCommunity } from "../forms/communities";
import { DEFAULT_TIME_ZONE } from "../i18n/time-zone";
import { packForKind, settingsFromPack } from "../workflow/rule-packs";
import { STARTER_CATALOGUE } from "../workflow/starter-catalogue";
import { now } from "./clock.server";
import { attempt, refusals, type Result } from "./domain-error.server";
import { appendLedger } from "./ledger.server";
import { write } from "./write.server";

export type CommunityAdminProblem = "slugTaken" | "notFound" | "alreadyArchived" | "notArchived";
const refused = refusals<CommunityAdminProblem>("communityAdmin");

/** A street, as setup makes it (a database holds the streets it was set up with). */
export function createStreetIn(tx: Tx, street: { slug: string; nameZh: string; nameEn: string }): number {
  return tx.insert(streets).values(street).returning({ id: streets.id }).get().id;
}

/**
 * A community of the street with its kind's rule pack and the starter catalogue, and the three ledger
 * entries that record them: the demo seed, setup and the street's communities page all make one so.
 */
export function createCommunityIn(tx: Tx, { streetId, actorId, community }: { streetId: number; actorId: number; community: NewCommunity }) {
  const { slug, nameZh, nameEn, kind } = community;
  const communityId = tx.insert(communities).values({ streetId, slug, nameZh, nameEn, kind }).returning({ id: communities.id }).get().id;
  appendLedger(tx, {
    communityId,
    type: "community.created",
    actorId,
    subject: `community:${slug}`,
    payload: { slug, nameZh, kind },
  });
  const pack = packForKind(kind);
  tx.insert(rules)
    .values({
      communityId,
      ...settingsFromPack(pack),
      timeZone: community.timeZone ?? DEFAULT_TIME_ZONE,
    })
    .run();
  appendLedger(tx, {
    communityId,
    type: "rules.adopted",
    actorId,
    subject: `rules:${slug}`,
    payload: { pack: pack.id },
  });
  const categoryIds = new Map<string, number>();
  STARTER_CATALOGUE.forEach((entry, i) => {
    const id = tx
      .insert(catalogueEntries)
      .values({
        communityId,
        code: entry.code,
        nameZh: entry.nameZh,
        nameEn: entry.nameEn,
        needsVote: entry.needsVote,
        needsPublicity: entry.needsPublicity,
        passNum: "passNum" in entry ? entry.passNum : null,
        passDen: "passDen" in entry ? entry.passDen : null,
        important: "important" in entry && entry.important,
        ownersDecide: "ownersDecide" in entry && entry.ownersDecide,
        sortOrder: i,
      })
      .returning({ id: catalogueEntries.id })
      .get().id;
    categoryIds.set(entry.code, id);
  });
  appendLedger(tx, {
    communityId,
    type: "catalogue.adopted",
    actorId,
    subject: `catalogue:${slug}`,
    payload: { codes: STARTER_CATALOGUE.map((e) => e.code) },
  });
  return { communityId, pack: pack.id, categoryIds };
}

const slugTaken = (tx: Tx, slug: string) => tx.select({ id: communities.id }).from(communities).where(eq(communities.slug, slug)).get() !== undefined;

/** The street admin adds a community (its slug unused anywhere: it is in URLs). */
export function addCommunity({ streetId, actorId, community }: { streetId: number; actorId: number; community: NewCommunity }): Result<CommunityAdminProblem, { slug: string }> {
  return write((tx) => {
    if (slugTaken(tx, community.slug)) return { ok: false as const, problem: "slugTaken" as const };
    createCommunityIn(tx, { streetId, actorId, community });
    return { ok: true as const, slug: community.slug };
  });
}

function communityOf(tx: Tx, streetId: number, slug: string) {
  const row = tx
    .select()
    .from(communities)
    .where(and(eq(communities.slug, slug), eq(communities.streetId, streetId)))
    .get();
  if (!row) throw refused("notFound");
  return row;
}

/** New names for a community of the street; the slug stays (it is in URLs). Nothing is written when nothing changed. */
export function renameCommunity({
  streetId,
  actorId,
  slug,
  nameZh,
  nameEn,
}: {
  streetId: number;
  actorId: number;
  slug: string;
  nameZh: string;
  nameEn: string;
}): Result<CommunityAdminProblem, { changed: boolean }> {
  return attempt("communityAdmin", () =>
    write((tx) => {
      const row = communityOf(tx, streetId, slug);
      if (row.nameZh === nameZh && row.nameEn === nameEn) return { changed: false };
      tx.update(communities).set({ nameZh, nameEn }).where(eq(communities.id, row.id)).run();
      appendLedger(tx, {
        communityId: row.id,
        type: "community.renamed",
        actorId,
        subject: `community:${slug}`,
        payload: {
          before: { nameZh: row.nameZh, nameEn: row.nameEn },
          after: { nameZh, nameEn },
        },
      });
      return { changed: true };
    })
  );
}

/**
 * Archives (or restores) a community of the street: archived, it is off the lists and read-only; its
 * pages, board and ledger stay. Open drafting sockets are re-decided when it commits.
 */
export function setCommunityArchived({
  streetId,
  actorId,
  slug,
  archived,
}: {
  streetId: number;
  actorId: number;
  slug: string;
  archived: boolean;
}): Result<CommunityAdminProblem, { communityId: number }> {
  return attempt("communityAdmin", () =>
    write((tx, publish) => {
      const row = communityOf(tx, streetId, slug);
      if (archived && row.archivedAt) throw refused("alreadyArchived");
      if (!archived && !row.archivedAt) throw refused("notArchived");
      const at = now();
      tx.update(communities)
        .set({ archivedAt: archived ? at : null })
        .where(eq(communities.id, row.id))
        .run();
      appendLedger(tx, {
        communityId: row.id,
        type: archived ? "community.archived" : "community.restored",
        actorId,
        subject: `community:${slug}`,
        payload: { slug },
        at,
      });
      publish({ name: "communityArchived", payload: { communityId: row.id } });
      return { communityId: row.id };
    })
  );
}

/** Every community of the street for its admin, archived ones included (with when). */
export function listStreetCommunitiesAll({ streetId }: { streetId: number }) {
  return getDb()
    .select({
      id: communities.id,
      slug: communities.slug,
      nameZh: communities.nameZh,
      nameEn: communities.nameEn,
      kind: communities.kind,
      archivedAt: communities.archivedAt,
      timeZone: rules.timeZone,
    })
    .from(communities)
    .leftJoin(rules, eq(rules.communityId, communities.id))
    .where(eq(communities.streetId, streetId))
    .orderBy(asc(communities.id))
    .all();
}
