// The street's departments page (issue 19, part departments): the street admin adds, edits,
// archives and restores the street's departments, keeps their contact people, and invites new ones
// with a one-use code that /join takes. Real HTTP against the built server, real SQLite.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { departmentCalls, departmentContacts, departmentInvites, departments, streets, topics, users } from "../../db/schema";
import { departmentIdsOf } from "~/models/department.server";
import { createDepartmentInvite } from "~/models/department-invite.server";
import { hashCode } from "~/models/invite.server";
import { communityId, userId } from "./support/db";
import { dbFingerprint } from "./support/fingerprint";
import { signedIn, useServer } from "./support/http";

const http = useServer();
const as = signedIn(http);
const PAGE = "/s/huacheng/departments";

const street = () => getDb().select().from(streets).where(eq(streets.slug, "huacheng")).get()!;
const byName = (nameZh: string) => getDb().select().from(departments).where(and(eq(departments.streetId, street().id), eq(departments.nameZh, nameZh))).get();
const contactsOf = (departmentId: number) => getDb().select().from(departmentContacts).where(eq(departmentContacts.departmentId, departmentId)).all().map((c) => c.userId);

async function post(fields: Record<string, string>, username = "street1") {
  return http.fetch(PAGE, { cookie: await as(username), form: fields });
}

async function add(nameZh: string, extra: Record<string, string> = {}) {
  const res = await post({ intent: "add", nameZh, nameEn: "", contact: "街道办 1 楼", responseHours: "36", ...extra });
  expect(res.status, await res.clone().text()).toBe(200);
  return byName(nameZh)!;
}

/** The code shown once on the page after "invite". */
async function invite(departmentId: number) {
  const res = await post({ intent: "invite", departmentId: String(departmentId), note: "新同事" });
  expect(res.status).toBe(200);
  const code = /data-testid="new-department-code"[^>]*>([0-9A-Z-]+)</.exec(await res.text())?.[1];
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return code!;
}

const joinNew = (code: string, username: string) => http.fetch("/join", { form: { intent: "new", code, username, displayName: `${username} 同志`, password: "long-enough-1", confirm: "long-enough-1" } });

describe("the street's departments page", () => {
  it("is the street admin's alone: residents and department contacts 403, another street's page 404, signed out to sign in", async () => {
    expect((await http.fetch(PAGE)).status).toBe(302);
    expect((await http.fetch(PAGE, { cookie: await as("resident1") })).status).toBe(403);
    expect((await http.fetch(PAGE, { cookie: await as("chengguan1") })).status).toBe(403);
    const page = await http.fetch(PAGE, { cookie: await as("street1") });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const name of ["城管中队", "住建办", "民政办", "市场监管所", "街道综治中心", "城管中队 李强"]) expect(html).toContain(name);
    expect(html).toContain("响应时限 48 小时(2 天)");
    getDb().insert(streets).values({ slug: "other-dept-street", nameZh: "别的街道", nameEn: "Other" }).onConflictDoNothing().run();
    expect((await http.fetch("/s/other-dept-street/departments", { cookie: await as("street1") })).status).toBe(404);
    const before = dbFingerprint();
    expect((await post({ intent: "add", nameZh: "偷建部门", responseHours: "24" }, "resident1")).status).toBe(403);
    expect((await post({ intent: "add", nameZh: "偷建部门", responseHours: "24" }, "zhujian1")).status).toBe(403);
    expect((await http.fetch("/s/other-dept-street/departments", { cookie: await as("street1"), form: { intent: "add", nameZh: "偷建部门", responseHours: "24" } })).status).toBe(404);
    expect(dbFingerprint()).toBe(before);
    // The street dashboard links to it.
    expect(await (await http.fetch("/s/huacheng", { cookie: await as("street1") })).text()).toContain(`href="${PAGE}"`);
  });

  it("adds a department (English name defaults to the Chinese) and edits it", async () => {
    const made = await add("应急办");
    expect(made).toMatchObject({ nameZh: "应急办", nameEn: "应急办", contact: "街道办 1 楼", responseHours: 36, archivedAt: null });
    expect(await (await http.fetch(PAGE, { cookie: await as("street1") })).text()).toContain("响应时限 36 小时(1.5 天)");
    const edited = await post({ intent: "edit", departmentId: String(made.id), nameZh: "应急管理办", nameEn: "Emergency Office", contact: "020-8100-0009", responseHours: "12" });
    expect(edited.status).toBe(200);
    expect(await edited.text()).toContain("已更新“应急管理办”");
    expect(byName("应急管理办")).toMatchObject({ id: made.id, nameEn: "Emergency Office", contact: "020-8100-0009", responseHours: 12 });
    // Nothing changed: nothing written, said so.
    const before = dbFingerprint();
    const same = await post({ intent: "edit", departmentId: String(made.id), nameZh: "应急管理办", nameEn: "Emergency Office", contact: "020-8100-0009", responseHours: "12" });
    expect(await same.text()).toContain("没有变化");
    expect(dbFingerprint()).toBe(before);
  });

  it("refuses bad input with a translated message and changes nothing", async () => {
    const chengguan = byName("城管中队")!;
    const before = dbFingerprint();
    const cases: [Record<string, string>, number, string][] = [
      [{ intent: "add", nameZh: "", responseHours: "24" }, 400, "请填写此项"],
      [{ intent: "add", nameZh: "城管中队", responseHours: "24" }, 409, "本街道已有同名部门"],
      [{ intent: "add", nameZh: "新部门", responseHours: "0" }, 400, "响应时限须为 1 到 720"],
      [{ intent: "add", nameZh: "新部门", responseHours: "721" }, 400, "响应时限须为 1 到 720"],
      [{ intent: "add", nameZh: "新部门", responseHours: "abc" }, 400, "响应时限须为 1 到 720"],
      [{ intent: "add", nameZh: "新部门".repeat(20), responseHours: "24" }, 400, "最多 40 个字符"],
      [{ intent: "edit", departmentId: String(chengguan.id), nameZh: "住建办", nameEn: "", contact: "", responseHours: "24" }, 409, "本街道已有同名部门"],
      [{ intent: "edit", departmentId: String(chengguan.id), nameZh: "城管中队", nameEn: "", contact: "", responseHours: "0" }, 400, "响应时限须为 1 到 720"],
      [{ intent: "archive", departmentId: String(chengguan.id) }, 400, "请勾选确认"],
      [{ intent: "addContact", departmentId: String(chengguan.id), username: "nobody-here" }, 400, "没有这个用户名的账号"],
      [{ intent: "addContact", departmentId: String(chengguan.id), username: "chengguan1" }, 409, "已经是该部门的联系人"],
      [{ intent: "removeContact", departmentId: String(chengguan.id), userId: String(userId("resident1")), confirm: "on" }, 400, "已不是该部门的联系人"],
      [{ intent: "removeContact", departmentId: String(chengguan.id), userId: String(userId("chengguan1")) }, 400, "请勾选确认"],
      [{ intent: "restore", departmentId: String(chengguan.id) }, 409, "该部门没有停用"],
    ];
    for (const [fields, status, words] of cases) {
      const res = await post(fields);
      expect(res.status, JSON.stringify(fields)).toBe(status);
      const text = await res.text();
      expect(text.includes(words), `${JSON.stringify(fields)} says ${words}`).toBe(true);
    }
    // An altered form (unknown intent, a mangled hidden id): the error page says so.
    expect((await post({ intent: "explode" })).status).toBe(400);
    expect((await post({ intent: "archive", departmentId: "abc", confirm: "on" })).status).toBe(400);
    expect(dbFingerprint()).toBe(before);
    // Another street's department: not found, nothing changed.
    getDb().insert(streets).values({ slug: "other-dept-street", nameZh: "别的街道", nameEn: "Other" }).onConflictDoNothing().run();
    const otherStreet = getDb().select().from(streets).where(eq(streets.slug, "other-dept-street")).get()!;
    const other = getDb().insert(departments).values({ streetId: otherStreet.id, nameZh: "别街城管", nameEn: "Other squad", responseHours: 24 }).returning().get();
    const mark = dbFingerprint();
    const foreign: Record<string, string>[] = [
      { intent: "edit", departmentId: String(other.id), nameZh: "改", nameEn: "", contact: "", responseHours: "24" },
      { intent: "archive", departmentId: String(other.id), confirm: "on" },
      { intent: "addContact", departmentId: String(other.id), username: "resident1" },
      { intent: "invite", departmentId: String(other.id), note: "" },
    ];
    for (const fields of foreign) {
      expect((await post(fields)).status, JSON.stringify(fields)).toBe(404);
    }
    expect(dbFingerprint()).toBe(mark);
    expect((await post({ intent: "edit", departmentId: "999999", nameZh: "无", nameEn: "", contact: "", responseHours: "24" })).status).toBe(404);
  });

  it("archives (已停用, no new contacts or invites) and restores", async () => {
    const made = await add("临时指挥部");
    const code = await invite(made.id);
    expect((await post({ intent: "archive", departmentId: String(made.id), confirm: "on" })).status).toBe(200);
    // Its codes take nobody in, in the words of an invalid code.
    const late = await joinNew(code, "linshi1");
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("邀请码无效");
    expect(byName("临时指挥部")!.archivedAt).not.toBeNull();
    expect(await (await http.fetch(PAGE, { cookie: await as("street1") })).text()).toMatch(/已停用的部门[\s\S]*临时指挥部[\s\S]*已停用/);
    const before = dbFingerprint();
    expect((await post({ intent: "addContact", departmentId: String(made.id), username: "resident2" })).status).toBe(409);
    expect((await post({ intent: "invite", departmentId: String(made.id), note: "" })).status).toBe(409);
    expect((await post({ intent: "archive", departmentId: String(made.id), confirm: "on" })).status).toBe(409);
    expect(dbFingerprint()).toBe(before);
    expect((await post({ intent: "restore", departmentId: String(made.id) })).status).toBe(200);
    expect(byName("临时指挥部")!.archivedAt).toBeNull();
  });

  it("adds a contact by username and removes one (with the tick)", async () => {
    const made = await add("物业科");
    const added = await post({ intent: "addContact", departmentId: String(made.id), username: " Resident3 " });
    expect(added.status).toBe(200);
    expect(await added.text()).toContain("已将“陈芳”添加为联系人");
    expect(departmentIdsOf({ userId: userId("resident3"), streetId: street().id })).toContain(made.id);
    expect((await post({ intent: "removeContact", departmentId: String(made.id), userId: String(userId("resident3")), confirm: "on" })).status).toBe(200);
    expect(contactsOf(made.id)).toEqual([]);
  });

  it("counts each department's open and overdue calls", async () => {
    const made = await add("排水所");
    const topic = getDb().select({ id: topics.id }).from(topics).where(eq(topics.communityId, communityId("mingyue"))).get()!.id;
    const base = { streetId: street().id, communityId: communityId("mingyue"), topicId: topic, departmentId: made.id, origin: "community" as const, ask: "请疏通", wantedBy: new Date(Date.now() + 86_400_000), createdBy: userId("committee1") };
    const past = new Date(Date.now() - 3_600_000);
    const future = new Date(Date.now() + 3_600_000);
    getDb()
      .insert(departmentCalls)
      .values([
        { ...base, state: "sent", responseDueAt: past },
        { ...base, state: "sent", responseDueAt: future },
        { ...base, state: "accepted", responseDueAt: past, promisedBy: past },
        { ...base, state: "resolved", responseDueAt: past },
      ])
      .run();
    const html = await (await http.fetch(PAGE, { cookie: await as("street1") })).text();
    const card = html.slice(html.indexOf(`data-department="${made.id}"`));
    expect(card).toMatch(/进行中来单 (<!-- -->)?3/);
    expect(card).toMatch(/逾期 (<!-- -->)?2/);
  });
});

describe("inviting a department's contact", () => {
  it("shows the code once, lists it by hint, and /join signed out makes the account a contact; a second use is refused", async () => {
    const made = await add("环卫所");
    const code = await invite(made.id);
    const row = getDb().select().from(departmentInvites).where(eq(departmentInvites.departmentId, made.id)).get()!;
    expect(row).toMatchObject({ codeHash: hashCode(code), codeHint: code.slice(-4), usedAt: null });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(14 * 86_400_000);
    const page = await (await http.fetch(PAGE, { cookie: await as("street1") })).text();
    expect(page).not.toContain(code);
    expect(page).toContain(`尾号 ${code.slice(-4)}`);
    // The join page says whose contact the code makes its holder.
    expect(await (await http.fetch(`/join?code=${code}`)).text()).toContain("环卫所");
    const joined = await joinNew(code, "huanwei1");
    expect(joined.status).toBe(302);
    expect(joined.headers.get("location")).toBe("/s/huacheng/calls");
    const newId = getDb().select().from(users).where(eq(users.username, "huanwei1")).get()!.id;
    expect(departmentIdsOf({ userId: newId, streetId: street().id })).toEqual([made.id]);
    expect(getDb().select().from(departmentInvites).where(eq(departmentInvites.id, row.id)).get()).toMatchObject({ usedBy: newId });
    const before = dbFingerprint();
    const again = await joinNew(code, "huanwei2");
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("使用次数已满");
    expect(dbFingerprint()).toBe(before);
  });

  it("signed in: the person becomes a contact; already one is refused", async () => {
    const made = await add("司法所");
    const code = await invite(made.id);
    const res = await http.fetch("/join", { cookie: await as("resident2"), form: { intent: "existing", code } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/s/huacheng/calls");
    expect(contactsOf(made.id)).toEqual([userId("resident2")]);
    const second = createDepartmentInvite({ streetId: street().id, departmentId: made.id, note: "", createdBy: userId("street1") });
    if (!second.ok) throw new Error(second.problem);
    const before = dbFingerprint();
    const dup = await http.fetch("/join", { cookie: await as("resident2"), form: { intent: "existing", code: second.code } });
    expect(dup.status).toBe(400);
    expect(await dup.text()).toContain("您已经是该部门的联系人");
    expect(dbFingerprint()).toBe(before);
  });

  it("refuses a revoked or expired code in the words community invites use", async () => {
    const made = await add("安监站");
    const code = await invite(made.id);
    const row = getDb().select().from(departmentInvites).where(eq(departmentInvites.departmentId, made.id)).get()!;
    expect((await post({ intent: "revokeInvite", inviteId: String(row.id) })).status).toBe(400);
    const revoked = await post({ intent: "revokeInvite", inviteId: String(row.id), confirm: "on" });
    expect(revoked.status).toBe(200);
    expect(await revoked.text()).toContain("邀请码已撤销");
    expect((await post({ intent: "revokeInvite", inviteId: String(row.id), confirm: "on" })).status).toBe(409);
    const before = dbFingerprint();
    const refused = await joinNew(code, "anjian1");
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("邀请码无效");
    expect(dbFingerprint()).toBe(before);

    const late = await invite(made.id);
    getDb().update(departmentInvites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(departmentInvites.codeHash, hashCode(late))).run();
    const mark = dbFingerprint();
    const expired = await joinNew(late, "anjian2");
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain("已过期");
    expect(dbFingerprint()).toBe(mark);
    expect(await (await http.fetch(PAGE, { cookie: await as("street1") })).text()).toMatch(/已撤销[\s\S]*已过期|已过期[\s\S]*已撤销/);
  });
});
