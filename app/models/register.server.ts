// 户籍登记: the household register the assembly (村民会议 / 居民会议) counts. Reads, scoped by
// community; the writes are in register-write.server.ts and register-import.server.ts. Personal data
// (names, birth dates, addresses) is read here for the committee's page and the assembly's roll only:
// never for a public page, never into the ledger.
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { householdMembers, households, memberships, users } from "../../db/schema";
import { isAdultOn } from "../workflow/assembly";

export { addHousehold, addMember, editHousehold, editMember, registerToday, removeHousehold, removeMember, type RegisterProblem } from "./register-write.server";
export { importRegisterCsv, type RegisterImport } from "./register-import.server";


export interface RegisterMember {
  id: number;
  name: string;
  birthDate: string;
  representative: boolean;
  userId: number | null;
  userName: string | null;
}

export interface RegisterHousehold {
  id: number;
  code: string;
  address: string;
  groupName: string;
  members: RegisterMember[];
}

function currentRows(tx: Tx, communityId: number) {
  const homes = tx
    .select({ id: households.id, code: households.code, address: households.address, groupName: households.groupName })
    .from(households)
    .where(and(eq(households.communityId, communityId), isNull(households.removedAt)))
    .orderBy(asc(households.groupName), asc(households.code))
    .all();
  const people = tx
    .select({
      id: householdMembers.id,
      householdId: householdMembers.householdId,
      name: householdMembers.name,
      birthDate: householdMembers.birthDate,
      representative: householdMembers.representative,
      userId: householdMembers.userId,
      userName: users.displayName,
    })
    .from(householdMembers)
    .leftJoin(users, eq(users.id, householdMembers.userId))
    .where(and(eq(householdMembers.communityId, communityId), isNull(householdMembers.removedAt)))
    .orderBy(asc(householdMembers.id))
    .all();
  return { homes, people };
}

/** The households in force, by group then 户号, each with its members in force. */
export function listRegister({ communityId }: { communityId: number }): RegisterHousehold[] {
  const { homes, people } = currentRows(getDb(), communityId);
  const byHousehold = new Map<number, RegisterMember[]>(homes.map((h) => [h.id, []]));
  for (const { householdId, ...member } of people) byHousehold.get(householdId)?.push(member);
  return homes.map((h) => ({ ...h, members: byHousehold.get(h.id) ?? [] }));
}

/** What the assembly quorum is reckoned from: households with an adult, adults (18+ on `onDate`), and households' representatives who are adults. */
export function registerCounts({ communityId, onDate }: { communityId: number; onDate: string }) {
  const adults = registerAdults(getDb(), communityId, onDate);
  return {
    households: new Set(adults.map((a) => a.householdId)).size,
    adults: adults.length,
    representatives: new Set(adults.filter((a) => a.representative).map((a) => a.householdId)).size,
  };
}

/**
 * The adults of the community's register on `onDate` (YYYY-MM-DD), removed households and members left
 * out, by 户号: what the assembly's roll, its request shares and its door read.
 */
export function registerAdults(tx: Tx, communityId: number, onDate: string) {
  return tx
    .select({ id: householdMembers.id, name: householdMembers.name, householdId: householdMembers.householdId, code: households.code, birthDate: householdMembers.birthDate, representative: householdMembers.representative })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(and(eq(householdMembers.communityId, communityId), eq(households.communityId, communityId), isNull(householdMembers.removedAt), isNull(households.removedAt)))
    .orderBy(asc(households.code), asc(householdMembers.id))
    .all()
    .filter((m) => isAdultOn(m.birthDate, onDate));
}

/** The community's accounts a member may be linked to (any role), by name. */
export function linkableAccounts({ communityId }: { communityId: number }) {
  return getDb()
    .selectDistinct({ id: users.id, name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.communityId, communityId))
    .orderBy(asc(users.displayName))
    .all();
}
