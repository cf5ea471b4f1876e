// Households and members of the register, made with the models, for the register's tests and the action catalogue.
import { addHousehold, addMember } from "~/models/register.server";
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
