// The household register (issue 17, part 1) checked against the ledger: each household's 户号 and
// whether it is removed, each member's household, representative flag and whether it is removed —
// what the register.* entries record (they hold no names, birth dates or addresses, so those are not checked).
import type { Db } from "../../db/client.server";
import { compareByKey, entriesOf, type Note } from "./ledger-records-entries.server";

const TYPES = ["register.householdAdded", "register.householdEdited", "register.householdRemoved", "register.memberAdded", "register.memberEdited", "register.memberRemoved", "register.imported"];

interface HouseholdState {
  seq: number;
  code: string;
  removed: boolean;
}
interface MemberState {
  seq: number;
  household: number;
  representative: boolean;
  removed: boolean;
}
type Payload = {
  household?: number;
  code?: string;
  member?: number;
  representative?: boolean;
  previousRepresentative?: number | null;
  written?: Array<{ household: number; code: string; members: number[]; representative: number | null }>;
};

/** Replays the register's entries in order: the state each household and member must be in now. */
function replay(db: Db, communityId: number) {
  const homes = new Map<number, HouseholdState>();
  const members = new Map<number, MemberState>();
  const removeMembersOf = (household: number, seq: number) => {
    for (const m of members.values()) if (m.household === household && !m.removed) Object.assign(m, { removed: true, seq });
  };
  const dropRepresentative = (id: number | null | undefined, seq: number) => {
    const m = id ? members.get(id) : undefined;
    if (m) Object.assign(m, { representative: false, seq });
  };
  for (const e of entriesOf(db, communityId, TYPES)) {
    const p = JSON.parse(e.payload) as Payload;
    const seq = e.seq;
    if (e.type === "register.householdAdded") homes.set(p.household!, { seq, code: p.code!, removed: false });
    else if (e.type === "register.householdEdited") homes.set(p.household!, { seq, code: p.code!, removed: false });
    else if (e.type === "register.householdRemoved") {
      homes.set(p.household!, { seq, code: p.code!, removed: true });
      removeMembersOf(p.household!, seq);
    } else if (e.type === "register.memberAdded" || e.type === "register.memberEdited") {
      dropRepresentative(p.previousRepresentative, seq);
      const household = p.household ?? members.get(p.member!)?.household ?? -1;
      members.set(p.member!, { seq, household, representative: p.representative === true, removed: false });
    } else if (e.type === "register.memberRemoved") {
      const m = members.get(p.member!);
      members.set(p.member!, { seq, household: m?.household ?? -1, representative: m?.representative ?? false, removed: true });
    } else {
      for (const h of p.written ?? []) {
        homes.set(h.household, { seq, code: h.code, removed: false });
        removeMembersOf(h.household, seq);
        for (const id of h.members) members.set(id, { seq, household: h.household, representative: id === h.representative, removed: false });
      }
    }
  }
  return { homes, members };
}

export function registerRecordProblems(db: Db, communityId: number, note: Note) {
  const { homes, members } = replay(db, communityId);
  const households = db.$client.prepare("SELECT id, code, removed_at AS removedAt FROM households WHERE community_id = ?").all(communityId) as Array<{ id: number; code: string; removedAt: number | null }>;
  const homeWants = new Map([...homes].map(([id, s]) => [`household:${id}`, s]));
  compareByKey(note, "household", homeWants, households, (r) => `household:${r.id}`, (want, r) => want.code === r.code && want.removed === (r.removedAt !== null));
  const people = db.$client
    .prepare("SELECT id, household_id AS household, representative, removed_at AS removedAt FROM household_members WHERE community_id = ?")
    .all(communityId) as Array<{ id: number; household: number; representative: number; removedAt: number | null }>;
  const memberWants = new Map([...members].map(([id, s]) => [`householdMember:${id}`, s]));
  compareByKey(note, "householdMember", memberWants, people, (r) => `householdMember:${r.id}`, (want, r) => want.household === r.household && want.representative === (r.representative === 1) && want.removed === (r.removedAt !== null));
}
