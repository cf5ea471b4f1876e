import { asc, eq } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { catalogueEntries, rules } from "../../db/schema";

export function getRules({ communityId }: { communityId: number }) {
  return getDb().select().from(rules).where(eq(rules.communityId, communityId)).get();
}

export function listCatalogue({ communityId }: { communityId: number }) {
  return getDb()
    .select()
    .from(catalogueEntries)
    .where(eq(catalogueEntries.communityId, communityId))
    .orderBy(asc(catalogueEntries.sortOrder), asc(catalogueEntries.id))
    .all();
}
