// Households and members of the register, made with the models, for the register's tests and the action catalogue.
import { addHousehold, addMember, listRegister, removeHousehold, removeMember } from "~/models/register.server";
import { communityId, userId } from "./db";

let made = 0;
/** A 户号 no other test of this process uses. */
export const uniqueCode = (prefix = "H") => `${prefix}${process.pid}-${++made}`;

const must = <T extends object>(r: ({ ok: true } & T) | { ok: false; problem: string }): T => {
  if (!r.ok) throw new Error(`register refused while preparing: ${r.problem}`);
  return r;
};

/** A household of `slug` (by its committee1 / vcommittee1) with an adult representative and a child. */
export function freshHousehold(slug = "mingyue", groupName = "第一居民小组") {
  const cid = communityId(slug);
  const actorId = userId(slug === "mingyue" ? "committee1" : "vcommittee1");
  const code = uniqueCode();
  const { id } = must(addHousehold({ communityId: cid, actorId, code, address: "测试路1号", groupName }));
  const head = must(addMember({ communityId: cid, actorId, householdId: id, name: "测试户主", birthDate: "1970-01-01", representative: true, userId: null }));
  const child = must(addMember({ communityId: cid, actorId, householdId: id, name: "测试孩子", birthDate: "2020-01-01", representative: false, userId: null }));
  return { id, code, head: head.id, child: child.id };
}

/** The actor who keeps `slug`'s register in tests: its committee (committee1 / vcommittee1). */
function keeper(slug: string) {
  return { communityId: communityId(slug), actorId: userId(slug === "mingyue" ? "committee1" : "vcommittee1") };
}

/** A household of `slug` with the given members, written through the register's model (with its ledger entries). */
export function householdWith(slug: string, { code = uniqueCode(), address = "", groupName = "" }: { code?: string; address?: string; groupName?: string }, members: readonly { name: string; birthDate: string; representative?: boolean }[]) {
  const actor = keeper(slug);
  const { id } = must(addHousehold({ ...actor, code, address, groupName }));
  const memberIds = members.map((m) => must(addMember({ ...actor, householdId: id, name: m.name, birthDate: m.birthDate, representative: m.representative ?? false, userId: null })).id);
  return { id, code, memberIds };
}

/** One more member of a household, through the model; `removed` takes them off the register again (moved away). */
export function memberOf(slug: string, householdId: number, { name, birthDate, representative = false, removed = false }: { name: string; birthDate: string; representative?: boolean; removed?: boolean }) {
  const actor = keeper(slug);
  const { id } = must(addMember({ ...actor, householdId, name, birthDate, representative, userId: null }));
  if (removed) must(removeMember({ ...actor, memberId: id }));
  return id;
}

/** Takes a household off the register (moved away), through the model. */
export function removedHousehold(slug: string, householdId: number) {
  must(removeHousehold({ ...keeper(slug), householdId }));
}

/** Takes every household of `slug`'s register off it (the demo's 石榴村 has 40), so a test counts only its own. */
export function emptyRegister(slug: string) {
  for (const h of listRegister({ communityId: communityId(slug) })) removedHousehold(slug, h.id);
}
