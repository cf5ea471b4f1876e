import { localDate } from "../i18n/time-zone";
import { listRoster, listRosterImports, type RosterScope } from "../models/roster.server";

/** What a roster page shows: the people and the imports (dated in `zone`: the community's, or the default zone for a street). */
export function rosterPage(scope: RosterScope, zone: string) {
  return {
    people: listRoster(scope),
    imports: listRosterImports(scope).map(({ createdAt, ...i }) => ({ ...i, importedOn: localDate(createdAt, zone) })),
  };
}
