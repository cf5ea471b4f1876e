// The assembly (村民会议 / 居民会议) as a meeting, over real HTTP against the real server (issue 17,
// part 2): scheduled with its body and count mode and the law's 10 days' notice; its roll taken from
// the register when the session opens (adults on the meeting's day, removed rows left out); staff
// check people in at the door, once per seat; the quorum of its count mode gates the vote; the
// convener records the tally the tellers counted, never more hands than people present; the screen
// and the minutes give counts, never the register's names; ledger:verify holds and catches edits.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { ledgerEntries, meetings, motions, resolutions } from "../../db/schema";
import zh from "~/i18n/zh-CN/meetings";
import { firstDisagreeingRecord } from "~/models/ledger-records.server";
import { verifyLedger } from "~/models/ledger.server";
import { addHouseholds, dayOf, eighteenOn, rollOf, startedAssembly } from "./support/assembly";
import { communityId } from "./support/db";
import { emptyRegister } from "./support/register";
import { useServer } from "./support/http";
import { person, type Person } from "./support/meeting";

const http = useServer();
const problems = zh.meetings.problems;

// Every assembly of this file sits on the same day, so who is 18 on it never changes.
const AT = new Date(Date.now() + 12 * 86_400_000);
let register: ReturnType<typeof addHouseholds>;
let village: ReturnType<typeof addHouseholds>;
let convener: Person;
let committee: Person;
let resident: Person;
let vconvener: Person;

beforeAll(() => {
  const day = dayOf("mingyue", AT);
  // 明月社区: 7 adults in 4 households on the day (张小 turns 18 the day after, 王二 and household M004 are removed).
  register = addHouseholds("mingyue", [
    { code: "M001", group: "第一居民小组", members: [{ name: "张一", birthDate: "1970-01-01", representative: true }, { name: "张二", birthDate: "1972-03-04" }, { name: "张小", birthDate: eighteenOn(day, 1) }] },
    { code: "M002", group: "第一居民小组", members: [{ name: "李一", birthDate: "1960-05-06", representative: true }, { name: "李二", birthDate: eighteenOn(day) }] },
    { code: "M003", group: "第二居民小组", members: [{ name: "王一", birthDate: "1980-07-08", representative: true }, { name: "王二", birthDate: "1982-01-01", removed: true }] },
    { code: "M004", group: "第二居民小组", removed: true, members: [{ name: "赵一", birthDate: "1950-01-01", representative: true }] },
    { code: "M005", group: "第三居民小组", members: [{ name: "陈一", birthDate: "1965-02-02", representative: true }, { name: "陈二", birthDate: "1966-02-02" }] },
  ]);
  const vday = dayOf("shiliu", AT);
  // 石榴村: the demo's register moves away, and 6 households with an adult (S007 has only a child); two thirds is 4.
  emptyRegister("shiliu");
  village = addHouseholds("shiliu", [
    ...Array.from({ length: 6 }, (_, i) => ({
      code: `S00${i + 1}`,
      group: "第一村民小组",
      members: [{ name: `户主${i + 1}`, birthDate: "1970-01-01", representative: true }, { name: `家人${i + 1}`, birthDate: "1975-01-01" }],
    })),
    { code: "S007", group: "第二村民小组", members: [{ name: "小孩", birthDate: eighteenOn(vday, 1) }] },
  ]);
  convener = person("convener1");
  committee = person("committee1");
  resident = person("resident1");
  vconvener = person("vconvener1");
});

const post = (who: Person, path: string, form: Record<string, string>) => http.fetch(path, { cookie: who.cookie, form });
const page = async (who: Person | null, path: string) => (await http.fetch(path, who ? { cookie: who.cookie } : {})).text();
const door = (who: Person, m: { path: string }, rollId: number, memberId?: number) => post(who, `${m.path}/door`, { intent: "doorCheckIn", rollId: String(rollId), ...(memberId ? { memberId: String(memberId) } : {}) });
const wallTime = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
const entries = (type: string, subject: string) =>
  getDb()
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.type, type), eq(ledgerEntries.subject, subject)))
    .all()
    .map((e) => ({ ...e, payload: JSON.parse(e.payload) as Record<string, unknown> }));

async function expectRefused(res: Response, problem: keyof typeof problems, status = 409) {
  expect(res.status).toBe(status);
  expect(await res.text()).toContain(problems[problem].replace("{{assembly}}", "居民会议"));
}

describe("scheduling an assembly", () => {
  it("records the body and count mode, asks the law's 10 days' notice, and needs a count mode", async () => {
    const base = { intent: "schedule", title: "2027 年居民会议", place: "社区广场" };
    const res = await post(convener, "/c/mingyue/meetings", { ...base, scheduledAt: wallTime(AT), body: "assembly", countBy: "households" });
    expect(res.status).toBe(302);
    const id = Number(res.headers.get("location")!.split("/").pop());
    const row = getDb().select().from(meetings).where(eq(meetings.id, id)).get()!;
    expect(row).toMatchObject({ body: "assembly", countBy: "households", noticeDaysRequired: 10, shortNotice: false });
    expect(entries("meeting.scheduled", `meeting:${id}`)[0].payload).toMatchObject({ body: "assembly", countBy: "households", noticeDaysRequired: 10 });
    // The representatives and the committee are told it is the assembly.
    expect(await page(person("rep01"), "/notifications")).toContain(`第${row.number}次会议(居民会议)「2027 年居民会议」`);

    // Five days is enough for the representatives here, not for the assembly: only with the recorded confirmation.
    const soon = wallTime(new Date(Date.now() + 5 * 86_400_000 + 3_600_000));
    await expectRefused(await post(convener, "/c/mingyue/meetings", { ...base, scheduledAt: soon, body: "assembly", countBy: "persons" }), "shortNotice");
    const short = await post(convener, "/c/mingyue/meetings", { ...base, scheduledAt: soon, body: "assembly", countBy: "persons", acceptShortNotice: "on" });
    expect(short.status).toBe(302);
    const shortId = Number(short.headers.get("location")!.split("/").pop());
    expect(getDb().select().from(meetings).where(eq(meetings.id, shortId)).get()).toMatchObject({ body: "assembly", countBy: "persons", shortNotice: true });

    await expectRefused(await post(convener, "/c/mingyue/meetings", { ...base, scheduledAt: wallTime(AT), body: "assembly" }), "countByRequired");
    // The representatives' meeting stays as it was: no count mode, its rules' notice.
    const reps = await post(convener, "/c/mingyue/meetings", { ...base, scheduledAt: wallTime(AT), countBy: "persons" });
    const repsId = Number(reps.headers.get("location")!.split("/").pop());
    expect(getDb().select().from(meetings).where(eq(meetings.id, repsId)).get()).toMatchObject({ body: "representatives", countBy: null });
  });
});

describe("an assembly counting persons (明月社区, more than half of adults: 居委会组织法 Art. 27)", () => {
  it("takes its roll from the register, checks in at the door by staff only, gates the vote on the quorum and records counted tallies", async () => {
    const m = startedAssembly("mingyue", "persons", AT, 2);
    const roll = rollOf(m.id);
    const ids = register.members;
    // Adults on the day: 李二 turns 18 on it and is in; 张小 (the day after), 王二 and 赵一 (removed) are not.
    expect(roll.map((r) => r.memberId).sort()).toEqual(["张一", "张二", "李一", "李二", "王一", "陈一", "陈二"].map((n) => ids.get(n)).sort());
    expect(roll.every((r) => r.seat === "person")).toBe(true);
    expect(m.members).toBe(7);
    expect(entries("meeting.started", `meeting:${m.id}`)[0].payload).toEqual({ members: 7, body: "assembly", countBy: "persons", early: true });
    const seat = (name: string) => roll.find((r) => r.memberId === ids.get(name))!.id;

    // The door: staff only (the convener, the committee); a resident is refused and nothing is written.
    expect((await http.fetch(`${m.path}/door`, { cookie: resident.cookie })).status).toBe(403);
    expect((await door(resident, m, seat("张一"))).status).toBe(403);
    expect(rollOf(m.id).filter((r) => r.checkedInAt)).toEqual([]);
    const found = await page(convener, `${m.path}/door?q=${encodeURIComponent("李")}`);
    expect(found).toContain("李一");
    expect(found).toContain("李二");
    expect(found).not.toContain("张一");

    expect((await door(convener, m, seat("张一"))).status).toBe(302);
    expect((await door(committee, m, seat("李二"))).status).toBe(302);
    await expectRefused(await door(committee, m, seat("张一")), "alreadyCheckedIn");
    expect((await door(convener, m, seat("王一"))).status).toBe(302);
    const checkedIn = entries("assembly.checkedIn", `meeting:${m.id}`);
    expect(checkedIn.map((e) => e.payload)).toEqual([
      { roll: seat("张一"), member: ids.get("张一"), present: 1, members: 7 },
      { roll: seat("李二"), member: ids.get("李二"), present: 2, members: 7 },
      { roll: seat("王一"), member: ids.get("王一"), present: 3, members: 7 },
    ]);

    // 3 of 7 is not more than half: no vote opens, no count is taken. The screen (anyone) says so, with the article, and no names.
    const [first, second] = m.motionIds;
    await expectRefused(await post(convener, m.path, { intent: "open", motionId: String(first) }), "quorumNotMet");
    await expectRefused(await post(convener, m.path, { intent: "count", motionId: String(first), yes: "3", no: "0", abstain: "0", countedBy: "计票人 刘伟", confirm: "on" }), "quorumNotMet");
    const screen = await page(null, `${m.path}/screen`);
    expect(screen).toMatch(/data-testid="screen-present"[^>]*>3</);
    expect(screen).toContain("居委会组织法第二十七条");
    expect(screen).toContain("需至少 4 人到会");
    for (const name of ["张一", "李二", "王一"]) expect(screen).not.toContain(name);

    expect((await door(committee, m, seat("陈一"))).status).toBe(302);
    expect((await post(convener, m.path, { intent: "open", motionId: String(first) })).status).toBe(302);

    // Counted by hand: the convener only, never by closing the ballots, never more hands than the 4 present.
    const count = (who: Person, motionId: number, yes: number, no: number, abstain: number) =>
      post(who, m.path, { intent: "count", motionId: String(motionId), yes: String(yes), no: String(no), abstain: String(abstain), countedBy: "计票人 刘伟,监票人 黄丽", confirm: "on" });
    await expectRefused(await post(convener, m.path, { intent: "close", motionId: String(first), confirm: "on" }), "countedByHand");
    expect((await count(committee, first, 3, 0, 0)).status).toBe(403);
    await expectRefused(await count(convener, first, 3, 1, 1), "tallyExceedsPresent");
    expect(getDb().select().from(motions).where(eq(motions.id, first)).get()!.status).toBe("voting");

    // Half of those present is not more than half: fails; 3 of 4 passes and publishes a resolution.
    expect((await count(convener, first, 2, 1, 1)).status).toBe(302);
    expect(getDb().select().from(motions).where(eq(motions.id, first)).get()).toMatchObject({ status: "closed", passed: false, present: 4, yes: 2, countedBy: "计票人 刘伟,监票人 黄丽" });
    expect(entries("motion.closed", `motion:${first}`)[0].payload).toMatchObject({ present: 4, yes: 2, no: 1, abstain: 1, passed: false, countedBy: "计票人 刘伟,监票人 黄丽" });
    expect((await post(convener, m.path, { intent: "open", motionId: String(second) })).status).toBe(302);
    expect((await count(convener, second, 3, 1, 0)).status).toBe(302);
    expect(getDb().select().from(motions).where(eq(motions.id, second)).get()).toMatchObject({ passed: true, present: 4, yes: 3 });
    expect(getDb().select().from(resolutions).where(eq(resolutions.motionId, second)).get()).toBeTruthy();
    // The public board says which body passed it, and names nobody of the register.
    const board = await page(null, "/c/mingyue/board");
    expect(board).toMatch(/由第\d+次会议\(居民会议\)表决通过/);
    for (const name of ["张一", "李二", "王一", "陈一"]) expect(board).not.toContain(name);

    // The minutes (members): the body, the roll in figures, the tellers, the article; not who came.
    const minutes = await page(resident, `${m.path}/minutes`);
    expect(minutes).toContain("次会议(居民会议)");
    expect(minutes).not.toContain("次居民代表会议");
    expect(minutes).toContain("应到 7 人,实到 4 人");
    expect(minutes).toContain("计票人 刘伟,监票人 黄丽");
    expect(minutes).toContain("居委会组织法第二十七条");
    for (const name of ["张一", "李二", "王一", "陈一"]) expect(minutes).not.toContain(name);
    // The CSV holds the tellers' tallies (no ballots exist), no names of the register.
    const csv = await page(resident, `${m.path}/ballots.csv`);
    expect(csv.split("\r\n")[0]).toBe("meeting_number,body,count_by,motion_position,topic_number,motion_sha256,present,yes,no,abstain,passed,counted_by,closed_at");
    expect(csv).toContain(",assembly,persons,2,");
    expect(csv).toContain(",4,3,1,0,yes,\"计票人 刘伟,监票人 黄丽\",");

    expect(verifyLedger({ communityId: communityId("mingyue") })).toMatchObject({ ok: true });
    // A check-in edited by hand (another member put in the seat) is caught.
    const client = getDb().$client;
    client.prepare("UPDATE assembly_roll SET checked_in_by = ? WHERE id = ?").run(resident.id, seat("陈一"));
    expect(firstDisagreeingRecord(getDb(), communityId("mingyue"))).toMatchObject({ check: "attendance", why: "differs" });
    client.prepare("UPDATE assembly_roll SET checked_in_by = ? WHERE id = ?").run(committee.id, seat("陈一"));
    client.prepare("UPDATE motions SET counted_by = '别人' WHERE id = ?").run(second);
    expect(firstDisagreeingRecord(getDb(), communityId("mingyue"))).toMatchObject({ check: "motion", why: "differs" });
    client.prepare("UPDATE motions SET counted_by = '计票人 刘伟,监票人 黄丽' WHERE id = ?").run(second);
    expect(verifyLedger({ communityId: communityId("mingyue") })).toMatchObject({ ok: true });
  });
});

describe("an assembly counting households (石榴村, at least two thirds: 村委会组织法 Art. 26)", () => {
  it("seats one per household with an adult, checks in whoever came for it, once, and opens the vote at two thirds", async () => {
    const m = startedAssembly("shiliu", "households", AT);
    const roll = rollOf(m.id);
    expect(m.members).toBe(6);
    expect(roll.every((r) => r.seat === "household" && r.memberId === null)).toBe(true);
    expect(roll.map((r) => r.householdId)).not.toContain(village.households.get("S007"));
    const seat = (code: string) => roll.find((r) => r.householdId === village.households.get(code))!.id;
    const ids = village.members;

    // By default the household's representative; or the adult who came; never someone of another household.
    expect((await door(vconvener, m, seat("S001"))).status).toBe(302);
    expect((await door(vconvener, m, seat("S002"), ids.get("家人2"))).status).toBe(302);
    await expectRefused(await door(vconvener, m, seat("S003"), ids.get("家人4")), "notHouseholdAdult");
    await expectRefused(await door(vconvener, m, seat("S002"), ids.get("户主2")), "alreadyCheckedIn");
    expect(rollOf(m.id).filter((r) => r.checkedInAt).map((r) => r.memberId)).toEqual([ids.get("户主1"), ids.get("家人2")]);
    expect((await door(vconvener, m, seat("S003"))).status).toBe(302);

    // 3 of 6 households is under two thirds; 4 meets it exactly.
    const open = () => post(vconvener, m.path, { intent: "open", motionId: String(m.motionIds[0]) });
    expect((await open()).status).toBe(409);
    expect((await door(vconvener, m, seat("S004"))).status).toBe(302);
    expect((await open()).status).toBe(302);
    const screen = await page(null, `${m.path}/screen`);
    expect(screen).toContain("第二十六条");
    expect(screen).toContain("按户计");
    expect(verifyLedger({ communityId: communityId("shiliu") })).toMatchObject({ ok: true });
  });

  it("is another community's to nobody else: its door and its posts are 404 from 明月社区", async () => {
    const m = startedAssembly("shiliu", "persons", AT);
    const seatId = rollOf(m.id)[0].id;
    expect((await http.fetch(`${m.path}/door`, { cookie: convener.cookie })).status).toBe(404);
    expect((await door(convener, m, seatId)).status).toBe(404);
    expect((await post(convener, `/c/mingyue/meetings/${m.id}/door`, { intent: "doorCheckIn", rollId: String(seatId) })).status).toBe(404);
    expect(rollOf(m.id).filter((r) => r.checkedInAt)).toEqual([]);
  });
});
