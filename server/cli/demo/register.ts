// 石榴村's household register (户籍登记): 40 households in four 村民小组, one to five people each, a
// few children, one adult representative per household. Names come from a fixed generator, so the
// register is the same on every seed; birth dates are reckoned back from the seed's year, so the
// children stay children. The village's accounts are linked to some members.
import { appendLedger } from "../../../app/models/ledger.server";
import type { Tx } from "../../../db/client.server";
import { householdMembers, households } from "../../../db/schema";

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN = ["建国", "秀英", "桂兰", "志强", "丽华", "海燕", "伟", "敏", "静", "磊", "晓明", "玉兰", "国庆", "春梅", "子涵", "欣怡", "大山", "小军", "文华", "金凤", "德明", "淑芬", "浩然", "雨桐"];
const GROUPS = ["第一村民小组", "第二村民小组", "第三村民小组", "第四村民小组"];
const HOUSEHOLDS = 40;

/** The village's accounts and the households whose representative they are (their names as on the account). */
const LINKED: Array<{ username: string; household: number; name?: string }> = [
  ...Array.from({ length: 12 }, (_, i) => ({ username: `vrep${String(i + 1).padStart(2, "0")}`, household: i * 3 + 1 })),
  { username: "villager1", household: 2, name: "赵大山" },
  { username: "vcommittee1", household: 5, name: "孙红" },
  { username: "vconvener1", household: 8, name: "钱进" },
  { username: "vmember1", household: 11, name: "何梅" },
  { username: "vsupervisor1", household: 14, name: "冯刚" },
];

/** A small deterministic generator (a linear congruential one): the same register every time. */
function numbers(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return { int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(list: readonly T[] | string) => list[Math.floor(next() * list.length)] as T };
}

const day = (year: number, r: ReturnType<typeof numbers>) => `${year}-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`;

/** The people of household `n` (1-based): the representative first, then a spouse, then children or parents. */
function peopleOf(n: number, year: number, r: ReturnType<typeof numbers>) {
  const surname = r.pick<string>(SURNAMES);
  const size = r.int(1, 5);
  const headYear = year - r.int(32, 72);
  const people = [{ name: `${surname}${r.pick(GIVEN)}`, birthDate: day(headYear, r), representative: true }];
  if (size > 1) people.push({ name: `${r.pick<string>(SURNAMES)}${r.pick(GIVEN)}`, birthDate: day(headYear + r.int(-3, 3), r), representative: false });
  for (let i = 2; i < size; i++) {
    // Children of the couple: some grown up, some (the households of younger heads) under 18.
    const childYear = Math.min(year - 1, headYear + r.int(22, 34));
    people.push({ name: `${surname}${r.pick(GIVEN)}`, birthDate: day(childYear, r), representative: false });
  }
  const linked = LINKED.find((l) => l.household === n);
  if (linked?.name) people[0].name = linked.name;
  return { people, username: linked?.username ?? null };
}

/** Writes the register of the village `communityId` in the seed's transaction, with one ledger entry as an import would. */
export function writeRegister(tx: Tx, { communityId, userIds, now, actor }: { communityId: number; userIds: Map<string, number>; now: number; actor: string }) {
  const r = numbers(2026);
  const year = new Date(now).getUTCFullYear();
  const at = new Date(now);
  const written: Array<{ household: number; code: string; members: number[]; representative: number }> = [];
  for (let n = 1; n <= HOUSEHOLDS; n++) {
    const group = GROUPS[(n - 1) % GROUPS.length];
    const code = `SL-${String(n).padStart(3, "0")}`;
    const id = tx
      .insert(households)
      .values({ communityId, code, address: `石榴村${group.slice(1, 2)}组${r.int(1, 60)}号`, groupName: group, createdAt: at })
      .returning({ id: households.id })
      .get().id;
    const { people, username } = peopleOf(n, year, r);
    const members = people.map(
      (p, i) =>
        tx
          .insert(householdMembers)
          .values({ communityId, householdId: id, ...p, userId: i === 0 && username ? (userIds.get(username) ?? null) : null, createdAt: at })
          .returning({ id: householdMembers.id })
          .get().id,
    );
    written.push({ household: id, code, members, representative: members[0] });
  }
  const members = written.reduce((sum, h) => sum + h.members.length, 0);
  appendLedger(tx, {
    communityId,
    type: "register.imported",
    actorId: userIds.get(actor)!,
    subject: "register:demo",
    payload: { households: written.length, members, created: written.length, replaced: 0, written },
    at,
  });
}
