import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { streetAdmins, streets, users } from "../../db/schema";
import { cachedRead } from "../cache/cache.server";

/** The demo street and its admin, as the demo seed makes them (server/cli/demo/data.ts; contracts.md). */
export const DEMO_MARK = { street: "huacheng", admin: "street1" } as const;

// Every page asks (the banner, in the root loader): remembered until a write to one of these tables,
// or a commit by another connection (the seed or setup run beside the server), forgets it.
const demoPresent = cachedRead("demo-data", { tables: [streets, streetAdmins, users] }, (_: 0) =>
  getDb()
    .select({ id: streets.id })
    .from(streets)
    .innerJoin(streetAdmins, eq(streetAdmins.streetId, streets.id))
    .innerJoin(users, eq(users.id, streetAdmins.userId))
    .where(and(eq(streets.slug, DEMO_MARK.street), eq(users.username, DEMO_MARK.admin)))
    .get() !== undefined,
);

/** Do the demo accounts exist (the demo street with its admin street1)? Then every page says it is demo data. */
export function hasDemoData(): boolean {
  return demoPresent(0);
}
