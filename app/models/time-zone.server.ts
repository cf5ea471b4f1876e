import { DEFAULT_TIME_ZONE, isTimeZone } from "../i18n/time-zone";
import { getRules } from "./rules.server";

/**
 * The community's time zone (its rules' timeZone): every time shown, exported, printed or read from
 * a typed date is in it. A community without rules, or with a zone this runtime does not know, gets
 * the default (Asia/Shanghai).
 */
export function getTimeZone(communityId: number): string {
  const zone = getRules({ communityId })?.timeZone;
  return isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}
