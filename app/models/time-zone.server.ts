import { eq, sql } from "drizzle-orm";
import { prepared } from "../../db/prepared";
import { rules } from "../../db/schema";
import { DEFAULT_TIME_ZONE, isTimeZone } from "../i18n/time-zone";

// Every page of a community asks (its layout's loader): prepared.
const zoneOf = prepared((db) =>
  db
    .select({ timeZone: rules.timeZone })
    .from(rules)
    .where(eq(rules.communityId, sql.placeholder("communityId")))
    .prepare(),
);

/**
 * The community's time zone (rules.timeZone): every time shown, exported, printed or read from a
 * typed date is in it. A community without rules, or with a zone this runtime does not know, gets
 * the default (Asia/Shanghai).
 */
export function getTimeZone(communityId: number): string {
  const zone = zoneOf().get({ communityId })?.timeZone;
  return isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}
