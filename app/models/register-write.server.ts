// The committee's edits of the household register, one write each with its ledger entry. A ledger
// payload names ids, counts and the 户号 only: never a name, a birth date or an address.
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { householdMembers, households, memberships } from "../../db/schema";
import { localDate } from "../i18n/time-zone";
import { isAdultOn } from "../workflow/assembly";
import { now } from "./clock.server";
import { attempt, refusals, type Result } from "./domain-error.server";
import type { JsonValue } from "./canonical-json";
import { appendLedger } from "./ledger.server";
import { getTimeZone } from "./time-zone.server";
import { write } from "./write.server";

/** A refused edit; `problem` is a key under `register.problems` in the translations. */
export type RegisterProblem = "notFound" | "alreadyRemoved" | "codeTaken" | "representativeMinor" | "futureBirthDate" | "notMember" | "accountLinked";

const refused = refusals<RegisterProblem>("register");

interface Actor {
  communityId: number;
  actorId: number;
}

export interface HouseholdInput {
  code: string;
  address: string;
  groupName: string;
}

export interface MemberInput {
  name: string;
  birthDate: string;
  representative: boolean;
  userId: number | null;
}

/** The community's day today ("YYYY-MM-DD" in its time zone): whether someone is 18+ is reckoned on it. */
export function registerToday(communityId: number): string {
  return localDate(now(), getTimeZone(communityId));
}

/** The community's household in force; one removed already is refused as such (a second tap on "remove"). */
function householdIn(tx: Tx, communityId: number, householdId: number) {
  const row = tx.select({ id: households.id, code: households.code, removedAt: households.removedAt }).from(households).where(and(eq(households.id, householdId), eq(households.communityId, communityId))).get();
  if (!row) throw refused("notFound");
  if (row.removedAt !== null) throw refused("alreadyRemoved");
  return row;
}

function memberIn(tx: Tx, communityId: number, memberId: number) {
  const row = tx
    .select({ id: householdMembers.id, householdId: householdMembers.householdId, representative: householdMembers.representative, removedAt: householdMembers.removedAt })
    .from(householdMembers)
    .where(and(eq(householdMembers.id, memberId), eq(householdMembers.communityId, communityId)))
    .get();
  if (!row) throw refused("notFound");
  if (row.removedAt !== null) throw refused("alreadyRemoved");
  return row;
}

const record = (tx: Tx, { communityId, actorId }: Actor, entry: { type: string; subject: string; payload: { [key: string]: JsonValue } }) =>
  appendLedger(tx, { communityId, actorId, ...entry, at: now() });

/** Adds a household; a 户号 of a removed household brings it back (its old members stay removed). */
export function addHousehold(input: Actor & HouseholdInput): Result<RegisterProblem, { id: number }> {
  return attempt("register", () =>
    write((tx) => {
      const existing = tx.select({ id: households.id, removedAt: households.removedAt }).from(households).where(and(eq(households.communityId, input.communityId), eq(households.code, input.code))).get();
      if (existing && existing.removedAt === null) throw refused("codeTaken");
      const values = { address: input.address, groupName: input.groupName };
      const id = existing
        ? (tx.update(households).set({ ...values, removedAt: null, updatedAt: now() }).where(eq(households.id, existing.id)).run(), existing.id)
        : tx.insert(households).values({ communityId: input.communityId, code: input.code, ...values, createdAt: now() }).returning({ id: households.id }).get().id;
      record(tx, input, { type: "register.householdAdded", subject: `household:${id}`, payload: { household: id, code: input.code } });
      return { id };
    }),
  );
}

export function editHousehold(input: Actor & HouseholdInput & { householdId: number }): Result<RegisterProblem> {
  return attempt("register", () =>
    write((tx) => {
      const household = householdIn(tx, input.communityId, input.householdId);
      const clash = tx.select({ id: households.id }).from(households).where(and(eq(households.communityId, input.communityId), eq(households.code, input.code), ne(households.id, household.id))).get();
      if (clash) throw refused("codeTaken");
      tx.update(households).set({ code: input.code, address: input.address, groupName: input.groupName, updatedAt: now() }).where(eq(households.id, household.id)).run();
      record(tx, input, { type: "register.householdEdited", subject: `household:${household.id}`, payload: { household: household.id, code: input.code, previousCode: household.code } });
      return {};
    }),
  );
}

/** Removes a household and its members from the register (the rows stay, for the rolls that name them). */
export function removeHousehold(input: Actor & { householdId: number }): Result<RegisterProblem> {
  return attempt("register", () =>
    write((tx) => {
      const household = householdIn(tx, input.communityId, input.householdId);
      const at = now();
      const gone = tx.update(householdMembers).set({ removedAt: at }).where(and(eq(householdMembers.householdId, household.id), isNull(householdMembers.removedAt))).run().changes;
      tx.update(households).set({ removedAt: at, updatedAt: at }).where(eq(households.id, household.id)).run();
      record(tx, input, { type: "register.householdRemoved", subject: `household:${household.id}`, payload: { household: household.id, code: household.code, members: gone } });
      return {};
    }),
  );
}

/** The checks a member's facts pass: a real past birth date, a representative 18+ today, an account of this community linked to no one else. */
function checkMember(tx: Tx, communityId: number, member: MemberInput, exceptMemberId: number | null) {
  const today = registerToday(communityId);
  if (member.birthDate > today) throw refused("futureBirthDate");
  if (member.representative && !isAdultOn(member.birthDate, today)) throw refused("representativeMinor");
  if (member.userId === null) return;
  const belongs = tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.communityId, communityId), eq(memberships.userId, member.userId))).get();
  if (!belongs) throw refused("notMember");
  const linked = tx
    .select({ id: householdMembers.id })
    .from(householdMembers)
    .where(and(eq(householdMembers.communityId, communityId), eq(householdMembers.userId, member.userId), isNull(householdMembers.removedAt), exceptMemberId ? ne(householdMembers.id, exceptMemberId) : undefined))
    .get();
  if (linked) throw refused("accountLinked");
}

/** Making someone the household's representative takes the flag from whoever held it (at most one per household). */
function takeRepresentative(tx: Tx, householdId: number, exceptMemberId: number | null): number | null {
  const holder = tx
    .select({ id: householdMembers.id })
    .from(householdMembers)
    .where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.representative, true), isNull(householdMembers.removedAt), exceptMemberId ? ne(householdMembers.id, exceptMemberId) : undefined))
    .get();
  if (!holder) return null;
  tx.update(householdMembers).set({ representative: false }).where(eq(householdMembers.id, holder.id)).run();
  return holder.id;
}

const facts = (member: MemberInput) => ({ name: member.name, birthDate: member.birthDate, representative: member.representative, userId: member.userId });

export function addMember(input: Actor & MemberInput & { householdId: number }): Result<RegisterProblem, { id: number }> {
  return attempt("register", () =>
    write((tx) => {
      const household = householdIn(tx, input.communityId, input.householdId);
      checkMember(tx, input.communityId, input, null);
      const previous = input.representative ? takeRepresentative(tx, household.id, null) : null;
      const id = tx.insert(householdMembers).values({ communityId: input.communityId, householdId: household.id, ...facts(input), createdAt: now() }).returning({ id: householdMembers.id }).get().id;
      record(tx, input, { type: "register.memberAdded", subject: `householdMember:${id}`, payload: { member: id, household: household.id, code: household.code, representative: input.representative, previousRepresentative: previous, linked: input.userId !== null } });
      return { id };
    }),
  );
}

export function editMember(input: Actor & MemberInput & { memberId: number }): Result<RegisterProblem> {
  return attempt("register", () =>
    write((tx) => {
      const member = memberIn(tx, input.communityId, input.memberId);
      checkMember(tx, input.communityId, input, member.id);
      const previous = input.representative ? takeRepresentative(tx, member.householdId, member.id) : null;
      tx.update(householdMembers).set(facts(input)).where(eq(householdMembers.id, member.id)).run();
      record(tx, input, { type: "register.memberEdited", subject: `householdMember:${member.id}`, payload: { member: member.id, household: member.householdId, representative: input.representative, previousRepresentative: previous, linked: input.userId !== null } });
      return {};
    }),
  );
}

export function removeMember(input: Actor & { memberId: number }): Result<RegisterProblem> {
  return attempt("register", () =>
    write((tx) => {
      const member = memberIn(tx, input.communityId, input.memberId);
      tx.update(householdMembers).set({ removedAt: now() }).where(eq(householdMembers.id, member.id)).run();
      record(tx, input, { type: "register.memberRemoved", subject: `householdMember:${member.id}`, payload: { member: member.id, household: member.householdId, wasRepresentative: member.representative } });
      return {};
    }),
  );
}
