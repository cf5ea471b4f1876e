import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { contactStreetOf, departmentIdsOf } from "./department.server";
import { getDb } from "../../db/client.server";
import { hotSelect } from "../../db/hot-read";
import { prepared } from "../../db/prepared";
import { cachedRead } from "../cache/cache.server";
import { communities, memberships, streetAdmins, streets } from "../../db/schema";
import type { Role } from "../workflow/roles";

const communityBySlug = prepared((db) =>
  db
    .select({
      id: communities.id,
      slug: communities.slug,
      nameZh: communities.nameZh,
      nameEn: communities.nameEn,
      kind: communities.kind,
      streetId: communities.streetId,
      streetSlug: streets.slug,
      archivedAt: communities.archivedAt,
    })
    .from(communities)
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .where(eq(communities.slug, sql.placeholder("slug")))
    .prepare(),
);

export type Community = NonNullable<ReturnType<typeof getCommunityBySlug>>;

// Every community page asks, and communities change rarely.
const communityAt = cachedRead("community-by-slug", { tables: [communities, streets] }, (slug: string) => communityBySlug().get({ slug }));

/** The community at a slug (with its street), or undefined. Shared by every reader: read it, never change it. */
export function getCommunityBySlug(slug: string) {
  return communityAt(slug);
}

export function getStreetBySlug(slug: string) {
  return getDb().select().from(streets).where(eq(streets.slug, slug)).get();
}

// Every community page asks: a hot read (docs/decisions/014-raw-statements-for-hot-reads.md).
const rolesOf = hotSelect({ role: memberships.role }).from<{ userId: number; communityId: number }>(
  sql`${memberships} where ${memberships.userId} = ${sql.placeholder("userId")} and ${memberships.communityId} = ${sql.placeholder("communityId")}`,
);

export function getMemberRoles({ userId, communityId }: { userId: number; communityId: number }): Role[] {
  return rolesOf
    .all({ userId, communityId })
    .map((r) => r.role);
}

// Every community page asks: a hot read (docs/decisions/014-raw-statements-for-hot-reads.md).
const adminOf = hotSelect({ userId: streetAdmins.userId }).from<{ userId: number; streetId: number }>(
  sql`${streetAdmins} where ${streetAdmins.userId} = ${sql.placeholder("userId")} and ${streetAdmins.streetId} = ${sql.placeholder("streetId")}`,
);

export function isStreetAdmin({ userId, streetId }: { userId: number; streetId: number }): boolean {
  return adminOf.get({ userId, streetId }) !== undefined;
}

/** Does the person hold any role in a community of this street, or answer for one of its departments? */
export function isStreetMember({ userId, streetId }: { userId: number; streetId: number }): boolean {
  const db = getDb();
  return (
    db
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(communities, eq(communities.id, memberships.communityId))
      .where(and(eq(memberships.userId, userId), eq(communities.streetId, streetId)))
      .limit(1)
      .get() !== undefined || departmentIdsOf({ userId, streetId }, db).length > 0
  );
}

/** All active communities grouped under their street, for the front page (public information; archived ones are off it). */
export function listCommunities() {
  return getDb()
    .select({
      slug: communities.slug,
      nameZh: communities.nameZh,
      nameEn: communities.nameEn,
      kind: communities.kind,
      streetSlug: streets.slug,
      streetNameZh: streets.nameZh,
      streetNameEn: streets.nameEn,
    })
    .from(communities)
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .where(isNull(communities.archivedAt))
    .orderBy(asc(streets.slug), asc(communities.id))
    .all();
}

/** The street's active communities (an archived one is off its dashboard and its invites). */
export function listStreetCommunities({ streetId }: { streetId: number }) {
  return getDb()
    .select({ id: communities.id, slug: communities.slug, nameZh: communities.nameZh, nameEn: communities.nameEn, kind: communities.kind })
    .from(communities)
    .where(and(eq(communities.streetId, streetId), isNull(communities.archivedAt)))
    .orderBy(asc(communities.id))
    .all();
}

/** Where a signed-in person belongs: their communities (with roles) and the streets they administer. */
export function listUserPlaces({ userId }: { userId: number }) {
  const db = getDb();
  const rows = db
    .select({ slug: communities.slug, nameZh: communities.nameZh, nameEn: communities.nameEn, kind: communities.kind, role: memberships.role })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(communities.id))
    .all();
  const byCommunity = new Map<string, { slug: string; nameZh: string; nameEn: string; kind: Community["kind"]; roles: Role[] }>();
  for (const row of rows) {
    const entry = byCommunity.get(row.slug) ?? { slug: row.slug, nameZh: row.nameZh, nameEn: row.nameEn, kind: row.kind, roles: [] };
    entry.roles.push(row.role);
    byCommunity.set(row.slug, entry);
  }
  const adminStreets = db
    .select({ slug: streets.slug, nameZh: streets.nameZh, nameEn: streets.nameEn })
    .from(streetAdmins)
    .innerJoin(streets, eq(streets.id, streetAdmins.streetId))
    .where(eq(streetAdmins.userId, userId))
    .all();
  return { communities: [...byCommunity.values()], streets: adminStreets };
}

/** Where a person lands after signing in: their street's dashboard, their only hall, their department's queue, or the home page. */
export function landingPath({ userId }: { userId: number }): string {
  const places = listUserPlaces({ userId });
  if (places.streets.length === 1) return `/s/${places.streets[0].slug}`;
  if (places.streets.length === 0 && places.communities.length === 1) return `/c/${places.communities[0].slug}`;
  // A department's contact person (issue 19) belongs to no community: their street's queue of calls.
  const queue = places.streets.length === 0 && places.communities.length === 0 ? contactStreetOf(userId) : null;
  if (queue) return `/s/${queue.slug}/calls`;
  return "/";
}
