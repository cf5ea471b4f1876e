// The household register over HTTP: who may read and change it (nothing changes on a refusal), the
// CSV import (all or nothing; households replaced by 户号, the others kept), the representative
// moving within a household, ledger entries without personal data, and no register on public pages.
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { householdMembers, households, ledgerEntries } from "../../db/schema";
import { verifyLedger } from "~/models/ledger.server";
import { assemblyRollSource } from "~/models/assembly-roll.server";
import { listRegister, registerCounts, registerToday } from "~/models/register.server";
import { communityId, userId } from "./support/db";
import { dbFingerprint } from "./support/fingerprint";
import { useServer } from "./support/http";
import { multipart } from "./support/propose";
import { freshHousehold, uniqueCode } from "./support/register";

const http = useServer();
const PAGE = "/c/mingyue/register";
const cookies: Record<string, string> = {};
const MINGYUE = () => communityId("mingyue");
// Names and dates no other test uses, to look for in pages and ledger payloads.
const SECRET = `隐私${process.pid}`;

beforeAll(async () => {
  for (const name of ["committee1", "cmember1", "convener1", "supervisor1", "resident1", "rep01", "vcommittee1", "street1"]) cookies[name] = await http.login(name);
});

describe("石榴村's demo register", () => {
  // First: the tests below add households of their own.
  it("has 40 households in four groups, one adult representative each, some children, and accounts linked to representatives", () => {
    const shiliu = communityId("shiliu");
    const today = registerToday(shiliu);
    const register = listRegister({ communityId: shiliu });
    expect(register).toHaveLength(40);
    expect(new Set(register.map((h) => h.groupName)).size).toBe(4);
    for (const h of register) {
      expect(h.members.length).toBeGreaterThanOrEqual(1);
      expect(h.members.length).toBeLessThanOrEqual(5);
      expect(h.members.filter((m) => m.representative)).toHaveLength(1);
    }
    const counts = registerCounts({ communityId: shiliu, onDate: today });
    expect(counts.households).toBe(40);
    expect(counts.representatives).toBe(40);
    const people = register.reduce((n, h) => n + h.members.length, 0);
    expect(counts.adults).toBeLessThan(people); // some children
    const linked = register.flatMap((h) => h.members).filter((m) => m.userId !== null);
    expect(linked.map((m) => m.userId)).toContain(userId("villager1"));
    expect(linked.every((m) => m.representative)).toBe(true);
    expect(assemblyRollSource(getDb(), shiliu, "households", today)).toHaveLength(40);
    expect(assemblyRollSource(getDb(), shiliu, "persons", today)).toHaveLength(counts.adults);
    expect(verifyLedger({ communityId: shiliu }).ok).toBe(true);
  });
});

const post = (who: string | null, form: Record<string, string>, path = PAGE) => http.fetch(path, { cookie: who ? cookies[who] : undefined, form });
const upload = (who: string, text: string) => http.fetch(PAGE, { method: "POST", cookie: cookies[who], body: multipart({ intent: "import" }, [{ bytes: new TextEncoder().encode(text), name: "register.csv", type: "text/csv" }], "file") });
const HEADER = "户号,地址,小组,姓名,出生日期,户代表";
const csv = (...lines: string[]) => [HEADER, ...lines].join("\r\n") + "\r\n";

function membersOf(code: string) {
  const household = getDb().select().from(households).where(and(eq(households.communityId, MINGYUE()), eq(households.code, code))).get();
  if (!household) return null;
  const all = getDb().select().from(householdMembers).where(eq(householdMembers.householdId, household.id)).all();
  return { household, current: all.filter((m) => m.removedAt === null), removed: all.filter((m) => m.removedAt !== null) };
}

describe("who may read and change the register", () => {
  it("lets the committees, the convener, the supervisor and the street read it; a resident gets 403, another community's committee 404, the signed-out the sign-in page", async () => {
    for (const who of ["committee1", "cmember1", "convener1", "supervisor1", "street1"]) expect((await http.fetch(PAGE, { cookie: cookies[who] })).status, who).toBe(200);
    expect((await http.fetch(PAGE, { cookie: cookies.resident1 })).status).toBe(403);
    expect((await http.fetch(PAGE, { cookie: cookies.rep01 })).status).toBe(403);
    expect((await http.fetch(PAGE, { cookie: cookies.vcommittee1 })).status).toBe(404);
    const anonymous = await http.fetch(PAGE);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("refuses posts by a resident, a committee member and the supervisor (they only read), another community's committee and the signed-out, changing nothing", async () => {
    const { id, head } = freshHousehold();
    const before = dbFingerprint();
    const posts: Array<Record<string, string>> = [
      { intent: "addHousehold", code: uniqueCode(), address: "", groupName: "" },
      { intent: "removeHousehold", householdId: String(id), confirm: "on" },
      { intent: "editMember", memberId: String(head), name: "改名", birthDate: "1970-01-01" },
    ];
    for (const form of posts) {
      expect((await post("resident1", form)).status).toBe(403);
      expect((await post("cmember1", form)).status).toBe(403);
      expect((await post("supervisor1", form)).status).toBe(403);
      expect((await post("vcommittee1", form)).status).toBe(404);
      expect((await post(null, form)).status).toBe(302);
    }
    const upload = await http.fetch(PAGE, { method: "POST", cookie: cookies.resident1, body: multipart({ intent: "import" }, [{ bytes: new TextEncoder().encode(csv("X1,地址,组,张三,1980-01-01,是")), name: "r.csv", type: "text/csv" }], "file") });
    expect(upload.status).toBe(403);
    expect(dbFingerprint()).toBe(before);
  });

  it("answers another community's household or member as not found, changing nothing", async () => {
    const theirs = freshHousehold("shiliu", "第一村民小组");
    const before = dbFingerprint();
    expect((await post("committee1", { intent: "editHousehold", householdId: String(theirs.id), code: uniqueCode(), address: "", groupName: "" })).status).toBe(404);
    expect((await post("committee1", { intent: "removeMember", memberId: String(theirs.head), confirm: "on" })).status).toBe(404);
    expect((await post("committee1", { intent: "addMember", householdId: String(theirs.id), name: "外人", birthDate: "1980-01-01" })).status).toBe(404);
    expect(dbFingerprint()).toBe(before);
  });
});

describe("editing households and members", () => {
  it("adds a household and its members; the page lists them with the representative and the totals", async () => {
    const code = uniqueCode("P");
    const added = await post("committee1", { intent: "addHousehold", code, address: `${SECRET}路8号`, groupName: "第九居民小组" });
    expect(added.status).toBe(302);
    const { household } = membersOf(code)!;
    expect(added.headers.get("location")).toBe(`${PAGE}?edit=${household.id}#household-${household.id}`);
    expect((await post("street1", { intent: "addMember", householdId: String(household.id), name: `${SECRET}甲`, birthDate: "1961-07-01", representative: "on" })).status).toBe(302);
    expect((await post("committee1", { intent: "addMember", householdId: String(household.id), name: `${SECRET}乙`, birthDate: "2015-03-04" })).status).toBe(302);
    const page = await (await http.fetch(`${PAGE}?edit=${household.id}`, { cookie: cookies.supervisor1 })).text();
    expect(page).toContain(`${SECRET}甲`);
    expect(page).toContain("第九居民小组");
    expect(page).toContain("居委会组织法第二十七条");
    expect(page).not.toContain('name="intent"'); // the supervisor reads; no forms
    const committeePage = await (await http.fetch(PAGE, { cookie: cookies.committee1 })).text();
    expect(committeePage).not.toContain('value="removeHousehold"'); // one household's forms at a time
    expect(committeePage).toContain(`?edit=${household.id}#household-${household.id}`);
    const editing = await (await http.fetch(`${PAGE}?edit=${household.id}`, { cookie: cookies.committee1 })).text();
    expect(editing.match(/value="removeHousehold"/g)).toHaveLength(1);
  });

  it("moves the representative when another adult is made one, and refuses a minor as representative or a birth date after today", async () => {
    const { id, head, child } = freshHousehold();
    const added = await post("committee1", { intent: "addMember", householdId: String(id), name: "新户代表", birthDate: "1985-05-05", representative: "on" });
    expect(added.status).toBe(302);
    const reps = () => membersOf(getDb().select().from(households).where(eq(households.id, id)).get()!.code)!.current.filter((m) => m.representative);
    expect(reps().map((m) => m.name)).toEqual(["新户代表"]);
    expect((await post("committee1", { intent: "editMember", memberId: String(head), name: "测试户主", birthDate: "1970-01-01", representative: "on" })).status).toBe(302);
    expect(reps().map((m) => m.id)).toEqual([head]);
    const before = dbFingerprint();
    const minor = await post("committee1", { intent: "editMember", memberId: String(child), name: "测试孩子", birthDate: "2020-01-01", representative: "on" });
    expect(minor.status).toBe(409);
    expect(await minor.text()).toContain("户代表须年满十八周岁");
    expect((await post("committee1", { intent: "addMember", householdId: String(id), name: "未来人", birthDate: "2999-01-01" })).status).toBe(409);
    expect((await post("committee1", { intent: "addMember", householdId: String(id), name: "错日期", birthDate: "1980-02-30" })).status).toBe(400);
    expect(dbFingerprint()).toBe(before);
  });

  it("links a member to an account of the community only, and to one member at most", async () => {
    const { head, child } = freshHousehold();
    const link = (memberId: number, username: string) => post("committee1", { intent: "editMember", memberId: String(memberId), name: "测试", birthDate: "1970-01-01", userId: String(userId(username)) });
    expect((await link(head, "villager1")).status).toBe(409);
    expect((await link(head, "resident1")).status).toBe(302);
    expect(getDb().select().from(householdMembers).where(eq(householdMembers.id, head)).get()!.userId).toBe(userId("resident1"));
    expect((await link(child, "resident1")).status).toBe(409);
    // Unlinked again, so later tests may link resident1.
    expect((await post("committee1", { intent: "editMember", memberId: String(head), name: "测试", birthDate: "1970-01-01" })).status).toBe(302);
  });

  it("removes a household with its members (rows kept, marked removed); a second removal is 409", async () => {
    const { id, code } = freshHousehold();
    expect((await post("committee1", { intent: "removeHousehold", householdId: String(id) })).status).toBe(400); // not confirmed
    expect((await post("committee1", { intent: "removeHousehold", householdId: String(id), confirm: "on" })).status).toBe(302);
    const after = membersOf(code)!;
    expect(after.household.removedAt).not.toBeNull();
    expect(after.current).toEqual([]);
    expect(after.removed).toHaveLength(2);
    expect((await post("committee1", { intent: "removeHousehold", householdId: String(id), confirm: "on" })).status).toBe(409);
  });
});

describe("importing the register from CSV", () => {
  it("writes nothing when one line is wrong, and says which", async () => {
    const a = uniqueCode("I");
    const before = dbFingerprint();
    const res = await upload("committee1", csv(`${a},一号,一组,张三,1980-01-01,是`, `${a},一号,一组,李四,1981-01-01,是`, `${uniqueCode("I")},二号,一组,王五,1970-01-01,否`));
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain("每户只能有一位");
    expect(page).toContain("第 3 行");
    expect(dbFingerprint()).toBe(before);
    expect((await upload("committee1", "户号,姓名\n")).status).toBe(400);
    expect(dbFingerprint()).toBe(before);
  });

  it("creates or replaces households by 户号 and keeps the ones not in the file; one ledger entry with counts and no personal data", async () => {
    const [a, b, c] = [uniqueCode("R"), uniqueCode("R"), uniqueCode("R")];
    const first = await upload("committee1", csv(`${a},${SECRET}一号,一组,${SECRET}张,1950-01-01,是`, `${a},${SECRET}一号,一组,${SECRET}李,1952-02-02,否`, `${b},二号,二组,${SECRET}王,1960-03-03,是`));
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("已导入 2 户、3 人(新建 2 户,替换 0 户)");
    const oldA = membersOf(a)!.current.map((m) => m.id);
    const second = await upload("street1", csv(`${a},${SECRET}新址,三组,${SECRET}赵,1975-04-04,是`, `${c},四号,一组,${SECRET}孙,1990-05-05,否`));
    expect(second.status).toBe(200);
    expect(await second.text()).toContain("已导入 2 户、2 人(新建 1 户,替换 1 户)");
    const after = membersOf(a)!;
    expect(after.household).toMatchObject({ address: `${SECRET}新址`, groupName: "三组", removedAt: null });
    expect(after.current.map((m) => m.name)).toEqual([`${SECRET}赵`]);
    expect(after.removed.map((m) => m.id)).toEqual(oldA);
    expect(membersOf(b)!.current.map((m) => m.name)).toEqual([`${SECRET}王`]);
    expect(membersOf(c)!.current).toHaveLength(1);

    const entries = getDb().select().from(ledgerEntries).where(and(eq(ledgerEntries.communityId, MINGYUE()), eq(ledgerEntries.type, "register.imported"))).all();
    const last = JSON.parse(entries.at(-1)!.payload);
    expect(last).toMatchObject({ households: 2, members: 2, created: 1, replaced: 1 });
    expect(verifyLedger({ communityId: MINGYUE() }).ok).toBe(true);
  });

  it("takes a file of the largest size allowed (5,000 lines, more than an ordinary form's 256 KiB)", async () => {
    const prefix = uniqueCode("BIG");
    const lines = Array.from({ length: 5000 }, (_, i) => `${prefix}-${Math.floor(i / 4)},石榴村第三村民小组某某路${Math.floor(i / 4)}号,第三村民小组,张${"建国秀英桂兰志强"[i % 8]}${i},19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 9},${i % 4 === 0 ? "是" : "否"}`);
    const text = csv(...lines);
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(256 * 1024);
    const res = await upload("committee1", text);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("已导入 1250 户、5000 人");
  });

  // A birth date stands alone; the 户号 the ledger keeps may hold digits like "BIG32003-14-950" (a pid in it).
  it("never writes a name, a birth date or an address into the ledger", () => {
    const rows = getDb().select().from(ledgerEntries).where(eq(ledgerEntries.communityId, MINGYUE())).all().filter((e) => e.type.startsWith("register."));
    expect(rows.length).toBeGreaterThan(5);
    for (const e of rows) {
      expect(e.payload + e.subject, e.type).not.toMatch(new RegExp(`${SECRET}|测试户主|(?<!\\d)(19[5-9]\\d|20[0-2]\\d)-\\d\\d-\\d\\d(?!\\d)`));
    }
  });
});

describe("the register against its ledger", () => {
  it("verifies after every kind of edit, and names a row changed behind the ledger's back", () => {
    expect(verifyLedger({ communityId: MINGYUE() })).toMatchObject({ ok: true });
    const { id, child } = freshHousehold();
    const client = getDb().$client;
    const edits: Array<[string, string, unknown[]]> = [
      ["UPDATE household_members SET representative = 1 WHERE id = ?", `householdMember:${child}`, [child]],
      ["UPDATE household_members SET removed_at = 1 WHERE id = ?", `householdMember:${child}`, [child]],
      ["UPDATE households SET code = 'forged' WHERE id = ?", `household:${id}`, [id]],
    ];
    for (const [sql, record, args] of edits) {
      const before = client.prepare("SELECT * FROM households WHERE id = ?").get(id) as Record<string, unknown>;
      const member = client.prepare("SELECT * FROM household_members WHERE id = ?").get(child) as Record<string, unknown>;
      client.prepare(sql).run(...args);
      expect(verifyLedger({ communityId: MINGYUE() }), sql).toMatchObject({ ok: false, reason: "record", record: { record, why: "differs" } });
      client.prepare("UPDATE households SET code = ? WHERE id = ?").run(before.code, id);
      client.prepare("UPDATE household_members SET representative = ?, removed_at = ? WHERE id = ?").run(member.representative, member.removed_at, child);
    }
    client.prepare("INSERT INTO household_members (community_id, household_id, name, birth_date) VALUES (?, ?, '冒名', '1980-01-01')").run(MINGYUE(), id);
    expect(verifyLedger({ communityId: MINGYUE() })).toMatchObject({ ok: false, record: { check: "householdMember", why: "unrecorded" } });
    client.prepare("DELETE FROM household_members WHERE name = '冒名'").run();
    expect(verifyLedger({ communityId: MINGYUE() })).toMatchObject({ ok: true });
  });
});

describe("the register on public pages", () => {
  it("is never on the board, its feed, the hall or the ledger page", async () => {
    expect(getDb().select().from(householdMembers).where(and(eq(householdMembers.communityId, MINGYUE()), isNull(householdMembers.removedAt))).all().some((m) => m.name.startsWith(SECRET))).toBe(true);
    for (const [path, cookie] of [["/c/mingyue/board", undefined], ["/c/mingyue/board/feed.xml", undefined], ["/c/mingyue", cookies.resident1], ["/c/mingyue/ledger", cookies.resident1]] as const) {
      const res = await http.fetch(path, { cookie });
      expect(res.status, path).toBe(200);
      const body = await res.text();
      expect(body, path).not.toContain(SECRET);
      expect(body, path).not.toContain("/register");
    }
  });
});
