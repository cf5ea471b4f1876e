import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { communities, memberships, rosterImports, rosterPeople, users } from "../../db/schema";
import type { Role } from "../workflow/roles";

/** Whose roster a page shows: a street's (every community of it) or one community's. */
export interface RosterScope {
  streetId: number;
  communityId: number | null;
}

export const ROSTER_LIST_LIMIT = 2000;

export function scopeWhere({ streetId, communityId }: RosterScope): SQL {
  return communityId === null ? eq(communities.streetId, streetId) : and(eq(communities.streetId, streetId), eq(rosterPeople.communityId, communityId))!;
}

/**
 * The people on the roster (staff only): name, community, roles, household, whether they have joined,
 * and the import that brought them. No phone or e-mail: the page does not need them.
 */
export function listRoster(scope: RosterScope) {
  const rows = getDb()
    .select({
      id: rosterPeople.id,
      userId: users.id,
      displayName: users.displayName,
      pending: users.pending,
      household: rosterPeople.household,
      importId: rosterPeople.importId,
      communityId: communities.id,
      communitySlug: communities.slug,
      communityNameZh: communities.nameZh,
      communityNameEn: communities.nameEn,
      communityKind: communities.kind,
      roles: sql<string>`(SELECT group_concat(${memberships.role}) FROM ${memberships} WHERE ${memberships.userId} = ${users.id} AND ${memberships.communityId} = ${rosterPeople.communityId})`,
    })
    .from(rosterPeople)
    .innerJoin(users, eq(users.id, rosterPeople.userId))
    .innerJoin(communities, eq(communities.id, rosterPeople.communityId))
    .where(scopeWhere(scope))
    .orderBy(communities.id, rosterPeople.id)
    .limit(ROSTER_LIST_LIMIT)
    .all();
  return rows.map((r) => ({ ...r, roles: (r.roles ?? "").split(",").filter(Boolean) as Role[] }));
}

/** The imports of the scope, newest first: a street's, or those that brought people to the community. */
export function listRosterImports(scope: RosterScope) {
  const db = getDb();
  const where =
    scope.communityId === null
      ? eq(rosterImports.streetId, scope.streetId)
      : and(eq(rosterImports.streetId, scope.streetId), inArray(rosterImports.id, db.selectDistinct({ id: sql<number>`${rosterPeople.importId}` }).from(rosterPeople).where(eq(rosterPeople.communityId, scope.communityId))));
  return db
    .select({ id: rosterImports.id, fileName: rosterImports.fileName, people: rosterImports.people, createdAt: rosterImports.createdAt, importedBy: users.displayName })
    .from(rosterImports)
    .innerJoin(users, eq(users.id, rosterImports.importedBy))
    .where(where)
    .orderBy(desc(rosterImports.id))
    .limit(200)
    .all();
}
