// Matters only the assembly decides (村委会组织法 Art. 28), in 石榴村: a category marked so on the rules
// page goes on an assembly's agenda, and on a representatives' meeting's only while an authorisation
// the assembly granted is in force on the meeting's day (not expired, not revoked, not another
// category's). The committee records and revokes authorisations over the rules page; others are
// refused and nothing is written; the ledger verifies and catches a hand edit.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { assemblyAuthorisations, catalogueEntries } from "../../db/schema";
import { freezeDraft } from "~/models/freeze.server";
import { verifyLedger } from "~/models/ledger.server";
import { firstDisagreeingRecord } from "~/models/ledger-records.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { checkInAtDoor } from "~/models/assembly-door.server";
import { endMeeting, startMeeting } from "~/models/meeting-session.server";
import { recordAuthorisation, revokeAuthorisation } from "~/models/powers-matters.server";
import { rollOf } from "./support/assembly";
import { categoryId, consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { signedIn, useServer } from "./support/http";
import { must } from "./support/meeting";

const http = useServer();
const as = signedIn(http);
const SHILIU = () => communityId("shiliu");
const convener = () => ({ communityId: SHILIU(), userId: userId("vconvener1"), roles: ["convener", "committee"] as const });
const committee = () => ({ communityId: SHILIU(), userId: userId("vcommittee1"), roles: ["committee"] as const });
const DAY = 86_400_000;
/** "YYYY-MM-DD" in China time, `days` from now. */
const day = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);

function meeting(body: "representatives" | "assembly", inDays = 7) {
  const scheduledAt = new Date(Date.now() + inDays * DAY);
  const { id } = must(scheduleMeeting({ ...convener(), title: "村民会议测试", place: "村委会", scheduledAt, requestId: null, acceptShortNotice: true, body, countBy: body === "assembly" ? "households" : null }));
  return id;
}

/** An assembly that sat and ended: its roll taken from the village's register, every household checked in at the door, then closed. */
function endedAssembly() {
  const id = meeting("assembly");
  must(table(id, topicIn("facilities")));
  must(startMeeting({ early: true, ...convener(), meetingId: id }));
  for (const seat of rollOf(id)) must(checkInAtDoor({ ...convener(), meetingId: id, rollId: seat.id }));
  must(endMeeting({ ...convener(), meetingId: id }));
  return id;
}

function topicIn(category: string) {
  const { id } = consultingTopic({ slug: "shiliu", committee: "vcommittee1", category, text: "村口修建排水渠,按一事一议筹资。" });
  const frozen = freezeDraft({ ...committee(), topicId: id });
  if (!frozen.ok) throw new Error(`freeze: ${frozen.problem}`);
  return id;
}

const table = (meetingId: number, topicId: number) => tableMotion({ ...convener(), meetingId, topicId, secret: false, onFail: "close" });

async function markAssemblyDecides(code: string) {
  const id = categoryId("shiliu", code);
  const entry = getDb().select().from(catalogueEntries).where(eq(catalogueEntries.id, id)).get()!;
  const res = await http.fetch("/c/shiliu/rules", {
    cookie: await as("street1"),
    form: { intent: "catalogueEdit", id: String(id), nameZh: entry.nameZh, nameEn: entry.nameEn, needsVote: "on", needsPublicity: "on", assemblyDecides: "on", ...(entry.passNum ? { passNum: String(entry.passNum), passDen: String(entry.passDen) } : {}) },
  });
  expect(res.status).toBe(200);
  expect(getDb().select({ d: catalogueEntries.decidedBy }).from(catalogueEntries).where(eq(catalogueEntries.id, id)).get()!.d).toBe("assembly");
  return id;
}

describe("a category only the assembly decides", () => {
  it("is marked on the rules page with the article, and its topics go only on an assembly's agenda without an authorisation", async () => {
    await markAssemblyDecides("fundraising");
    const rules = await (await http.fetch("/c/shiliu/rules", { cookie: await as("villager1") })).text();
    expect(rules).toContain('data-testid="catalogue-assembly"');
    expect(rules).toContain("村委会组织法第二十八条");
    const topicId = topicIn("fundraising");
    expect(table(meeting("representatives"), topicId)).toEqual({ ok: false, problem: "assemblyMatter" });
    const page = await (await http.fetch(`/c/shiliu/topics/${topicId}`, { cookie: await as("villager1") })).text();
    expect(page).toContain('data-block="assemblyMatter"');
    expect(page).toContain("须经村民会议讨论决定(村委会组织法第二十八条)");
    // Another category stays the representatives' to decide.
    expect(table(meeting("representatives"), topicIn("facilities")).ok).toBe(true);
    expect(table(meeting("assembly"), topicId).ok).toBe(true);
  });

  it("goes on a representatives' agenda only under an authorisation in force on the meeting's day", async () => {
    const fundraising = await markAssemblyDecides("fundraising");
    const parking = await markAssemblyDecides("parking");
    const granted = endedAssembly();
    const authorise = (catalogueEntryId: number, grantedOn: string, expiresOn: string | null) => {
      const r = recordAuthorisation({ ...committee(), catalogueEntryId, scope: "一事一议筹资方案", grantedOn, expiresOn, meetingId: granted });
      if (!r.ok) throw new Error(`authorise: ${r.problem}`);
      return r;
    };
    // Another category's authorisation does not count.
    authorise(parking, day(-30), null);
    expect(table(meeting("representatives"), topicIn("fundraising"))).toEqual({ ok: false, problem: "assemblyMatter" });
    // Expired before the meeting's day (the meeting sits in 7 days; the authorisation ends in 5).
    authorise(fundraising, day(-30), day(5));
    expect(table(meeting("representatives", 7), topicIn("fundraising"))).toEqual({ ok: false, problem: "assemblyMatter" });
    // …but a meeting on its last day is covered.
    expect(table(meeting("representatives", 5), topicIn("fundraising")).ok).toBe(true);
    // Granted only from a day after the meeting: not yet in force.
    const later = authorise(fundraising, day(20), null);
    expect(table(meeting("representatives", 10), topicIn("fundraising"))).toEqual({ ok: false, problem: "assemblyMatter" });
    // In force on the day: taken; revoked: refused again.
    expect(table(meeting("representatives", 25), topicIn("fundraising")).ok).toBe(true);
    expect(revokeAuthorisation({ ...committee(), authorisationId: later.id })).toEqual({ ok: true });
    expect(table(meeting("representatives", 26), topicIn("fundraising"))).toEqual({ ok: false, problem: "assemblyMatter" });
    expect(revokeAuthorisation({ ...committee(), authorisationId: later.id })).toEqual({ ok: false, problem: "alreadyRevoked" });
    expect(verifyLedger({ communityId: SHILIU() }).ok).toBe(true);
  });

  it("is authorised only by an ended assembly, for a category the assembly decides, by the committee over the rules page", async () => {
    const fundraising = await markAssemblyDecides("fundraising");
    const facilities = categoryId("shiliu", "facilities");
    const granted = endedAssembly();
    const form = { intent: "authorise", catalogueEntryId: String(fundraising), scope: "授权村民代表会议决定2027年一事一议筹资方案", grantedOn: day(0), expiresOn: day(365), meetingId: String(granted) };
    const count = () => getDb().select().from(assemblyAuthorisations).where(eq(assemblyAuthorisations.communityId, SHILIU())).all().length;
    const before = count();
    for (const who of ["vrep01", "villager1", "street1"]) expect((await http.fetch("/c/shiliu/rules", { cookie: await as(who), form })).status, who).toBe(403);
    expect((await http.fetch("/c/shiliu/rules", { cookie: await as("committee1"), form })).status).toBe(404);
    // A representatives' meeting, an assembly not yet ended, a category the representatives decide, dates backwards: refused in words.
    const scheduledAssembly = meeting("assembly");
    for (const [fields, problem] of [
      [{ meetingId: String(meeting("representatives")) }, "notAssemblyMeeting"],
      [{ meetingId: String(scheduledAssembly) }, "notAssemblyMeeting"],
      [{ catalogueEntryId: String(facilities) }, "notAssemblyMatter"],
      [{ expiresOn: day(-1) }, "badDates"],
    ] as const) {
      const res = await http.fetch("/c/shiliu/rules", { cookie: await as("vcommittee1"), form: { ...form, ...fields } });
      expect(res.status, problem).toBe(409);
      expect(await res.text()).toContain(problem === "badDates" ? "有效期不能早于授权日期" : problem === "notAssemblyMatter" ? "无需授权" : "已结束的村民会议");
    }
    expect(count()).toBe(before);
    const ok = await http.fetch("/c/shiliu/rules", { cookie: await as("vcommittee1"), form });
    expect(ok.status).toBe(200);
    expect(count()).toBe(before + 1);
    const row = getDb().select().from(assemblyAuthorisations).where(and(eq(assemblyAuthorisations.communityId, SHILIU()), eq(assemblyAuthorisations.meetingId, granted))).get()!;
    const listed = await (await http.fetch("/c/shiliu/rules", { cookie: await as("villager1") })).text();
    expect(listed).toContain("授权村民代表会议决定2027年一事一议筹资方案");
    expect(listed).toContain('data-in-force="true"');
    // Revoking asks for the ticked box; then it is revoked and listed so.
    expect((await http.fetch("/c/shiliu/rules", { cookie: await as("vcommittee1"), form: { intent: "revokeAuthorisation", authorisationId: String(row.id) } })).status).toBe(400);
    expect((await http.fetch("/c/shiliu/rules", { cookie: await as("vrep01"), form: { intent: "revokeAuthorisation", authorisationId: String(row.id), confirm: "on" } })).status).toBe(403);
    expect((await http.fetch("/c/shiliu/rules", { cookie: await as("vcommittee1"), form: { intent: "revokeAuthorisation", authorisationId: String(row.id), confirm: "on" } })).status).toBe(200);
    expect(getDb().select({ r: assemblyAuthorisations.revokedAt }).from(assemblyAuthorisations).where(eq(assemblyAuthorisations.id, row.id)).get()!.r).not.toBeNull();
    expect(verifyLedger({ communityId: SHILIU() }).ok).toBe(true);
    // A hand edit of the scope is caught.
    getDb().update(assemblyAuthorisations).set({ scope: "无限期授权" }).where(eq(assemblyAuthorisations.id, row.id)).run();
    expect(firstDisagreeingRecord(getDb(), SHILIU())).toMatchObject({ check: "authorisation", why: "differs", record: `authorisation:${row.id}` });
  });
});
