import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { communities, memberships, rosterImports, rosterPeople, users } from "../../db/schema";
import { displayNameKey } from "../forms/display-name";
import { msg } from "../forms/messages";
import { decodeCsv, parseRosterCsv, type RosterProblem, type RosterRow } from "../forms/roster-csv";
import type { Role } from "../workflow/roles";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { exclusiveRoleConflict, grantMembership } from "./membership.server";
import { write } from "./write.server";

/**
 * What a roster account's password hash is until the person claims it: not an Argon2 hash, so no
 * password verifies against it (sign-in also refuses a pending account outright: user.server.ts).
 */
export const PENDING_PASSWORD_HASH = "!roster-pending";

/** A placeholder username: "~" is outside the usernames people choose (USERNAME_PATTERN), so it never collides with one. */
export const pendingUsername = () => `~roster-${randomBytes(9).toString("hex")}`;

export type RosterImport = { ok: true; importId: number; people: number; created: number; matched: number; roles: number } | { ok: false; problems: RosterProblem[] };

interface Known {
  userId: number;
  phone: string | null;
  email: string | null;
  pending: boolean;
  roles: Role[];
  rosterId: number | null;
  importId: number | null;
}

/** Everyone holding a role in a community, by the key their name is compared by. */
function knownPeople(tx: Tx, communityId: number): Map<string, Known> {
  const rows = tx
    .select({ userId: users.id, displayName: users.displayName, phone: users.phone, email: users.email, pending: users.pending, role: memberships.role, rosterId: rosterPeople.id, importId: rosterPeople.importId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(rosterPeople, and(eq(rosterPeople.userId, users.id), eq(rosterPeople.communityId, communityId)))
    .where(eq(memberships.communityId, communityId))
    .all();
  const known = new Map<string, Known>();
  for (const r of rows) {
    const key = displayNameKey(r.displayName);
    const person = known.get(key) ?? { userId: r.userId, phone: r.phone, email: r.email, pending: r.pending, roles: [], rosterId: r.rosterId, importId: r.importId };
    person.roles.push(r.role);
    known.set(key, person);
  }
  return known;
}

/** "138****0001": enough of a number for staff to tell two apart on a problem line. */
const masked = (phone: string) => (phone.length > 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : `****${phone.slice(-2)}`);

/** The problems only the database shows: a different phone for the person the row matches, a role the law forbids beside one they hold. */
function checkAgainstKnown(tx: Tx, rows: RosterRow[], known: (communityId: number) => Map<string, Known>): RosterProblem[] {
  const problems: RosterProblem[] = [];
  for (const row of rows) {
    const person = known(row.communityId).get(displayNameKey(row.name));
    if (!person) continue;
    if (row.phone && person.phone && row.phone !== person.phone) {
      // Both rows named: the file's line and the person already there (the import that brought them, or a member who joined).
      const both = { name: encodeURIComponent(row.name), theirs: masked(person.phone), ours: masked(row.phone), import: person.importId ?? 0 };
      problems.push({ line: row.line, column: "phone", message: msg(person.importId !== null ? "roster.csv.phoneConflictImport" : "roster.csv.phoneConflictMember", both) });
    }
    for (const role of row.roles) {
      if (person.roles.includes(role)) continue;
      if (exclusiveRoleConflict(tx, { communityId: row.communityId, userId: person.userId, role })) {
        problems.push({ line: row.line, column: "roles", message: msg("roster.csv.exclusiveWithHeld", { name: encodeURIComponent(row.name) }) });
      }
    }
  }
  return problems;
}

/** The street's communities a roster may name: not archived. */
export function rosterCommunities(tx: Tx, streetId: number) {
  return tx.select({ id: communities.id, slug: communities.slug, nameZh: communities.nameZh }).from(communities).where(and(eq(communities.streetId, streetId), isNull(communities.archivedAt))).all();
}

/**
 * Imports a roster CSV for a street (`communityId` null: the street admin, any community of it) or
 * for one community (its committee). All or nothing: every line checked, then in one transaction each
 * person is matched (same name in the community: roles added, phone and e-mail filled in) or made a
 * pending account with their roles, and put on the roster with the household. One `roster.imported`
 * entry per community touched (counts and ids; no names, phones or households).
 */
export function importRoster({ streetId, communityId, actorId, bytes, fileName }: { streetId: number; communityId: number | null; actorId: number; bytes: Uint8Array; fileName: string }): RosterImport {
  const text = decodeCsv(bytes);
  if (text === null) return { ok: false, problems: [{ line: 1, column: null, message: msg("roster.csv.notUtf8") }] };
  return write((tx): RosterImport => {
    const scope = rosterCommunities(tx, streetId);
    if (communityId !== null && !scope.some((c) => c.id === communityId)) return { ok: false, problems: [{ line: 1, column: null, message: msg("roster.csv.archived") }] };
    const { rows, problems } = parseRosterCsv(text, { communities: scope, only: communityId });
    if (problems.length) return { ok: false, problems };
    const cache = new Map<number, Map<string, Known>>();
    const known = (id: number) => cache.get(id) ?? cache.set(id, knownPeople(tx, id)).get(id)!;
    const conflicts = checkAgainstKnown(tx, rows, known);
    if (conflicts.length) return { ok: false, problems: conflicts };

    const at = now();
    const importId = tx.insert(rosterImports).values({ streetId, communityId, importedBy: actorId, fileName: fileName.slice(0, 200), people: rows.length, createdAt: at }).returning({ id: rosterImports.id }).get().id;
    const counts = new Map<number, { people: number; created: number; matched: number; roles: number; rows: Array<[number, number]> }>();
    for (const row of rows) {
      const c = counts.get(row.communityId) ?? counts.set(row.communityId, { people: 0, created: 0, matched: 0, roles: 0, rows: [] }).get(row.communityId)!;
      c.people++;
      const person = known(row.communityId).get(displayNameKey(row.name));
      let userId: number;
      if (person) {
        c.matched++;
        userId = person.userId;
        const fill: { phone?: string; email?: string } = {};
        if (row.phone && !person.phone) fill.phone = row.phone;
        if (row.email && (person.pending || !person.email)) fill.email = row.email;
        if (Object.keys(fill).length) tx.update(users).set(fill).where(eq(users.id, userId)).run();
      } else {
        c.created++;
        userId = tx
          .insert(users)
          .values({ username: pendingUsername(), displayName: row.name, passwordHash: PENDING_PASSWORD_HASH, phone: row.phone, email: row.email, pending: true, createdAt: at })
          .returning({ id: users.id })
          .get().id;
      }
      for (const role of row.roles) {
        if (grantMembership(tx, { communityId: row.communityId, userId, role, grantedBy: actorId, via: `rosterImport:${importId}` })) c.roles++;
      }
      if (person?.rosterId) {
        if (row.household) tx.update(rosterPeople).set({ household: row.household }).where(eq(rosterPeople.id, person.rosterId)).run();
      } else {
        const id = tx.insert(rosterPeople).values({ communityId: row.communityId, userId, importId, household: row.household, createdAt: at }).returning({ id: rosterPeople.id }).get().id;
        c.rows.push([id, userId]);
      }
    }
    for (const [id, c] of counts) {
      appendLedger(tx, { communityId: id, type: "roster.imported", actorId, subject: `rosterImport:${importId}`, payload: { importId, ...c }, at });
    }
    const total = [...counts.values()];
    const sum = (k: "created" | "matched" | "roles") => total.reduce((n, c) => n + c[k], 0);
    return { ok: true, importId, people: rows.length, created: sum("created"), matched: sum("matched"), roles: sum("roles") };
  });
}
