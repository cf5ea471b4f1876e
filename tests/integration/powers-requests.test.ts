// 提议召开村(居)民会议 (村委会组织法 Art. 25; 居委会组织法 Art. 26) over real HTTP: a third of the
// representatives sign online; a tenth of the register's adults sign on paper and staff record them
// (in a city a tenth of households' representatives too; not in a village); at the share the request
// obliges the convener, whose answer schedules an assembly. Only staff record paper signatures, only
// adults on today's register count, no name reaches the ledger or the page, and the ledger verifies.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { households, ledgerEntries, meetingRequestPetitioners, meetingRequests, meetings } from "../../db/schema";
import { assemblyRequestShares } from "~/models/assembly-request.server";
import { verifyLedger } from "~/models/ledger.server";
import { firstDisagreeingRecord } from "~/models/ledger-records.server";
import { signMeetingRequest } from "~/models/meeting-request.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { communityId } from "./support/db";
import { signedIn, useServer } from "./support/http";
import { convener, must, representative } from "./support/meeting";
import { householdWith, memberOf } from "./support/register";

const http = useServer();
const as = signedIn(http);

interface Member {
  id: number;
  line: string;
  representative: boolean;
  name: string;
}

let batch = 0;
/** `n` households of three adults (the first their representative) and a child, on the community's register. */
function register(slug: string, n: number): Member[] {
  const b = ++batch;
  const out: Member[] = [];
  for (let h = 1; h <= n; h++) {
    const code = `T${b}-${h}`;
    const births = ["1970-03-01", "1975-05-05", "2000-01-01", "2016-09-09"];
    const { memberIds } = householdWith(slug, { code, address: `测试路${h}号`, groupName: "第一小组" }, births.map((birthDate, i) => ({ name: `测${b}户${h}人${i}`, birthDate, representative: i === 0 })));
    for (const [i, id] of memberIds.slice(0, 3).entries()) out.push({ id, line: `${code} 测${b}户${h}人${i}`, representative: i === 0, name: `测${b}户${h}人${i}` });
  }
  return out;
}

const shares = (slug: string) => assemblyRequestShares(getDb(), communityId(slug));
const requestRow = (id: number) => getDb().select().from(meetingRequests).where(eq(meetingRequests.id, id)).get()!;
const lastRequest = (slug: string) => getDb().select().from(meetingRequests).where(eq(meetingRequests.communityId, communityId(slug))).orderBy(meetingRequests.id).all().at(-1)!;

async function petition(slug: string, who: string, lines: string[], requestId?: number) {
  return http.fetch(`/c/${slug}/meetings`, { cookie: await as(who), form: { intent: "petition", lines: lines.join("\n"), reason: "要求召开会议审议集体资金使用。", ...(requestId ? { requestId: String(requestId) } : {}) } });
}

describe("asking for an assembly", () => {
  it("turns pending at a third of the representatives signing online, and its answer schedules an assembly", async () => {
    const { needed, members } = shares("mingyue").representatives;
    expect(needed).toBe(Math.ceil(members / 3));
    const res = await http.fetch("/c/mingyue/meetings", { cookie: await as("rep01"), form: { intent: "requestAssembly", reason: "请求召开居民会议,审议物业选聘。" } });
    expect(res.status).toBe(302);
    const { id } = lastRequest("mingyue");
    expect(requestRow(id).body).toBe("assembly");
    for (let n = 2; n < needed; n++) must(signMeetingRequest({ ...representative(n), requestId: id }));
    expect(requestRow(id).status).toBe("collecting");
    const page = await (await http.fetch("/c/mingyue/meetings", { cookie: await as("resident1") })).text();
    expect(page).toContain(`${needed - 1} / ${needed} 名居民代表联名`);
    expect(page).toContain("居委会组织法第二十六条");
    must(signMeetingRequest({ ...representative(needed), requestId: id }));
    expect(requestRow(id).status).toBe("pending");
    const { id: meetingId } = must(scheduleMeeting({ ...convener(), title: "居民会议", place: "社区广场", scheduledAt: new Date(Date.now() + 11 * 86_400_000), requestId: id, acceptShortNotice: false }));
    expect(getDb().select({ body: meetings.body }).from(meetings).where(eq(meetings.id, meetingId)).get()!.body).toBe("assembly");
    expect(requestRow(id).status).toBe("answered");
  });

  it("in a village, turns pending at a tenth of adults signing on paper, households' representatives not counted apart", async () => {
    const people = register("shiliu", 30);
    const { persons, households: byHouseholds } = shares("shiliu");
    expect(byHouseholds).toBeNull();
    expect(persons.needed).toBe(Math.ceil(persons.members / 10));
    const reps = people.filter((p) => p.representative);
    const others = people.filter((p) => !p.representative);
    // One short of a tenth, every one of them a household's representative: still collecting.
    const first = [...reps, ...others].slice(0, persons.needed - 1);
    expect((await petition("shiliu", "vcommittee1", first.map((p) => p.line))).status).toBe(302);
    const { id } = lastRequest("shiliu");
    expect(requestRow(id)).toMatchObject({ body: "assembly", status: "collecting" });
    const page = await (await http.fetch("/c/shiliu/meetings", { cookie: await as("vrep01") })).text();
    expect(page).toContain(`书面联名 ${persons.needed - 1} / ${persons.needed} 名十八周岁以上村民`);
    expect(page).toContain("村委会组织法第二十五条");
    for (const p of first) expect(page).not.toContain(p.name);
    // The tenth: pending, and the convener is obliged.
    expect((await petition("shiliu", "vcommittee1", [others.at(-1)!.line], id)).status).toBe(302);
    expect(requestRow(id).status).toBe("pending");
    expect(verifyLedger({ communityId: communityId("shiliu") }).ok).toBe(true);
  });

  it("in a city, turns pending at a tenth of households' representatives before a tenth of adults", async () => {
    const people = register("mingyue", 30);
    const s = shares("mingyue");
    expect(s.households).not.toBeNull();
    const needed = s.households!.needed;
    expect(needed).toBeLessThan(s.persons.needed);
    const reps = people.filter((p) => p.representative);
    const others = people.filter((p) => !p.representative);
    // needed−1 representatives and adults short of a tenth: collecting.
    const first = [...reps.slice(0, needed - 1), ...others.slice(0, s.persons.needed - needed - 1)];
    expect((await petition("mingyue", "committee1", first.map((p) => p.line))).status).toBe(302);
    const { id } = lastRequest("mingyue");
    expect(requestRow(id).status).toBe("collecting");
    const page = await (await http.fetch("/c/mingyue/meetings", { cookie: await as("resident1") })).text();
    expect(page).toContain(`其中户代表 ${needed - 1} / ${needed}`);
    // One more household representative: pending by households, adults still short of a tenth.
    expect((await petition("mingyue", "committee1", [reps[needed - 1].line], id)).status).toBe(302);
    expect(first.length + 1).toBeLessThan(s.persons.needed);
    expect(requestRow(id).status).toBe("pending");
    // A signature recorded again is counted once; a pending request takes no more.
    expect((await petition("mingyue", "committee1", [reps[0].line], id)).status).toBe(409);
  });

  it("takes paper signatures from staff only, of adults on today's register, and keeps names out of the ledger", async () => {
    const people = register("mingyue", 3);
    const cid = communityId("mingyue");
    const rows = () => getDb().select().from(meetingRequestPetitioners).all().length;
    const before = rows();
    const requestsBefore = getDb().select().from(meetingRequests).all().length;
    for (const who of ["rep01", "resident1", "street1", "supervisor1"]) expect((await petition("mingyue", who, [people[0].line])).status, who).toBe(403);
    // Another community's staff: 404.
    expect((await petition("mingyue", "vcommittee1", [people[0].line])).status).toBe(404);
    // A child, someone who turns 18 tomorrow, one who moved away, a stranger: each line said back, nothing written.
    const [household] = getDb().select().from(households).where(and(eq(households.communityId, cid), eq(households.code, people[0].line.split(" ")[0]))).all();
    const tomorrow18 = new Date(Date.now() + 8 * 3_600_000 + 86_400_000);
    tomorrow18.setUTCFullYear(tomorrow18.getUTCFullYear() - 18);
    memberOf("mingyue", household.id, { name: "明天成年", birthDate: tomorrow18.toISOString().slice(0, 10) });
    memberOf("mingyue", household.id, { name: "已迁出", birthDate: "1960-01-01", removed: true });
    const bad = [`${household.code} 测${batch}户1人3`, `${household.code} 明天成年`, `${household.code} 已迁出`, "X-404 无此人"];
    const refused = await petition("mingyue", "committee1", [people[1].line, ...bad]);
    expect(refused.status).toBe(409);
    const html = await refused.text();
    for (const line of bad) expect(html).toContain(line);
    expect(rows()).toBe(before);
    expect(getDb().select().from(meetingRequests).all().length).toBe(requestsBefore);
    // Staff record two adults; the ledger has their ids and the counts, never a name.
    expect((await petition("mingyue", "committee1", [people[1].line, people[2].line])).status).toBe(302);
    expect(rows()).toBe(before + 2);
    const entry = getDb().select().from(ledgerEntries).where(eq(ledgerEntries.type, "meetingRequest.petitioned")).all().at(-1)!;
    expect(JSON.parse(entry.payload)).toMatchObject({ members: [people[1].id, people[2].id], persons: 2 });
    expect(entry.payload).not.toContain(people[1].name);
    expect(verifyLedger({ communityId: cid }).ok).toBe(true);
    // A signer slipped in behind the ledger's back is caught.
    const { id } = lastRequest("mingyue");
    getDb().insert(meetingRequestPetitioners).values({ requestId: id, memberId: people[0].id, recordedBy: 1 }).run();
    expect(firstDisagreeingRecord(getDb(), cid)).toMatchObject({ check: "petitioner", why: "unrecorded", record: `meetingRequest:${id} member:${people[0].id}` });
  });
});
