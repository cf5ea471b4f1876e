// 四议两公开 (villages): on a matter of a category the catalogue marks (石榴村's 村集体资金使用 in the demo),
// 党组织提议 → 两委商议 → 党员大会审议 are recorded in order, over HTTP, by the roles that hold them; the
// vote cannot open until each agreed; the resolution and the execution result are published as 决议公开
// and 实施结果公开 for at least 15 days; an urban community cannot mark the flow; the ledger verifies.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { catalogueEntries, deliberationSteps, publications, topics } from "../../db/schema";
import { castBallot, closeVote, openVote } from "~/models/ballot.server";
import { DAY_MS, now, resetClock, shiftClock } from "~/models/clock.server";
import { runDueDeadlines } from "~/models/deadline.server";
import { addTask, createUnit, reportCompletion, reportProgress } from "~/models/execution.server";
import { recordFourTwoStep } from "~/models/four-two.server";
import { freezeDraft } from "~/models/freeze.server";
import { firstDisagreeingRecord } from "~/models/ledger-records.server";
import { verifyLedger } from "~/models/ledger.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { checkIn } from "~/models/meeting-attendance.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { startMeeting } from "~/models/meeting-session.server";
import { publishResult } from "~/models/supervision.server";
import type { FourTwoStep } from "~/workflow/assembly";
import type { Role } from "~/workflow/roles";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";
import { addMembers, must, person } from "./support/meeting";

const http = useServer();
afterEach(() => resetClock());

const SHILIU = () => communityId("shiliu");
const today = () => new Date(now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const dayOffset = (days: number) => new Date(now().getTime() + 8 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);
const stepsOf = (topicId: number) => getDb().select().from(deliberationSteps).where(eq(deliberationSteps.topicId, topicId)).all();
const villageConvener = () => ({ communityId: SHILIU(), userId: userId("vconvener1"), roles: ["convener", "committee", "committeeMember"] as Role[] });
const villageCommittee = () => ({ communityId: SHILIU(), userId: userId("vcommittee1"), roles: ["committee", "committeeMember"] as Role[] });

/** A 村集体资金使用 matter of 石榴村 (marked 四议两公开 and 重要事项 in the demo catalogue), in consultation. */
const fourTwoTopic = () => consultingTopic({ slug: "shiliu", committee: "vcommittee1", category: "collective-funds", text: "使用村集体资金硬化村北道路。" }).id;

const form = (step: FourTwoStep, over: Record<string, string> = {}) => ({
  intent: "fourTwoStep",
  step,
  heldOn: today(),
  body: { partyProposal: "村党支部委员会", twoCommittees: "村两委联席会议", partyMembers: "村党员大会" }[step],
  attended: "7",
  expected: "9",
  outcome: "agreed",
  minutes: "会议同意提交下一环节。",
  ...over,
});
const post = async (username: string, topicId: number, step: FourTwoStep, over: Record<string, string> = {}) =>
  http.fetch(`/c/shiliu/topics/${topicId}`, { cookie: person(username).cookie, form: form(step, over) });
const page = async (username: string, topicId: number) => (await http.fetch(`/c/shiliu/topics/${topicId}`, { cookie: person(username).cookie })).text();

describe("recording the three deliberations", () => {
  it("takes them in order, each by its role; shows them on the page and the timeline; the ledger checks each", async () => {
    const topicId = fourTwoTopic();
    const asVillager = await page("villager1", topicId);
    expect(asVillager).toContain('data-testid="four-two"');
    expect(asVillager).toContain("党组织提议");
    expect(asVillager).toContain('data-next="partyProposal"');
    expect(asVillager).not.toContain('data-testid="four-two-form"');
    expect(await page("vparty1", topicId)).toContain('data-testid="four-two-form"');

    // Out of order: refused, nothing stored.
    for (const [who, step] of [["vparty1", "partyMembers"], ["vmember1", "twoCommittees"]] as const) {
      const res = await post(who, topicId, step);
      expect(res.status, step).toBe(409);
      expect(await res.text()).toContain("“四议”须依次记录");
    }
    expect(stepsOf(topicId)).toEqual([]);

    const first = await post("vparty1", topicId, "partyProposal");
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`/c/shiliu/topics/${topicId}#four-two`);
    // An agreed step is not recorded again.
    expect((await post("vparty1", topicId, "partyProposal")).status).toBe(409);
    // 两委商议 by a village committee member; 党员大会审议 by the party organisation only.
    expect((await post("vmember1", topicId, "twoCommittees", { outcome: "agreedWithChanges", attended: "8", expected: "9" })).status).toBe(302);
    const wrong = await post("vmember1", topicId, "partyMembers");
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain("这一项审议须由党组织");
    expect((await post("vparty1", topicId, "partyMembers")).status).toBe(302);
    expect(stepsOf(topicId)).toMatchObject([
      { step: "partyProposal", outcome: "agreed", recordedBy: userId("vparty1"), heldOn: today() },
      { step: "twoCommittees", outcome: "agreedWithChanges", attended: 8, expected: 9, recordedBy: userId("vmember1") },
      { step: "partyMembers", outcome: "agreed", recordedBy: userId("vparty1") },
    ]);

    const html = await page("villager1", topicId);
    expect(html).toContain("应到 9 人,实到 8 人");
    expect(html).toContain("原则同意,提出修改意见");
    expect(html).toContain("(协商环节)");
    expect(html).toContain('data-block="none"');
    expect(html).not.toContain('data-testid="four-two-form"');
    // The six-stage timeline places each deliberation in the stage it happened in.
    expect(html.match(/data-testid="timeline-note"/g)).toHaveLength(3);
    // …and the topic's history lists each under that stage, with its minutes.
    expect(html).toContain('data-kind="fourTwo.stepRecorded"');
    expect(html).toContain(`村两委联席会议,${today()},应到 9 人、实到 8 人,结论:原则同意,提出修改意见`);
    // The agreed proposal stands for the party organisation's review of this 重要事项.
    expect(html).toContain("视为党组织已研究讨论");

    const english = await (await http.fetch(`/c/shiliu/topics/${topicId}`, { cookie: `${person("villager1").cookie}; ${await http.english()}` })).text();
    expect(english).toContain("Two committees&#x27; deliberation");
    expect(english).toContain("8 of 9 attended");

    expect(verifyLedger({ communityId: SHILIU() }).ok).toBe(true);
    expect(firstDisagreeingRecord(getDb(), SHILIU())).toBeNull();
    const [row] = stepsOf(topicId);
    getDb().update(deliberationSteps).set({ attended: 9 }).where(eq(deliberationSteps.id, row.id)).run();
    expect(firstDisagreeingRecord(getDb(), SHILIU())).toMatchObject({ check: "deliberationStep", why: "differs", record: `deliberationStep:${row.id}` });
    getDb().update(deliberationSteps).set({ attended: 7 }).where(eq(deliberationSteps.id, row.id)).run();
    expect(firstDisagreeingRecord(getDb(), SHILIU())).toBeNull();
  });

  it("refuses a resident, a committee-only member and another community's party member, changing nothing", async () => {
    const topicId = fourTwoTopic();
    const [committeeOnly] = addMembers(1, { slug: "shiliu", roles: ["committee"] });
    for (const cookie of [person("villager1").cookie, committeeOnly.cookie, person("vcommittee1").cookie]) {
      const res = await http.fetch(`/c/shiliu/topics/${topicId}`, { cookie, form: form("partyProposal") });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("这一项审议须由党组织");
    }
    const res = await http.fetch(`/c/shiliu/topics/${topicId}`, { cookie: person("party1").cookie, form: form("partyProposal") });
    expect([403, 404]).toContain(res.status);
    // The model refuses another community's topic too.
    expect(recordFourTwoStep({ communityId: communityId("mingyue"), topicId, userId: userId("party1"), roles: ["party"], step: "partyProposal", heldOn: today(), body: "社区党委", attended: 3, expected: 3, outcome: "agreed", minutes: "x" })).toEqual({ ok: false, problem: "notFound" });
    expect(stepsOf(topicId)).toEqual([]);
  });

  it("refuses bad dates, bad counts and empty minutes, and a matter that is not 四议两公开", async () => {
    const topicId = fourTwoTopic();
    const created = getDb().select({ createdAt: topics.createdAt }).from(topics).where(eq(topics.id, topicId)).get()!.createdAt;
    const beforeTopic = new Date(created.getTime() + 8 * 3_600_000 - DAY_MS).toISOString().slice(0, 10);
    const future = await post("vparty1", topicId, "partyProposal", { heldOn: dayOffset(1) });
    expect(future.status).toBe(400);
    expect(await future.text()).toContain("会议日期不能晚于今天。");
    const early = await post("vparty1", topicId, "partyProposal", { heldOn: beforeTopic });
    expect(early.status).toBe(400);
    expect(await early.text()).toContain("会议日期不能早于议题提出之日。");
    for (const bad of ["2026-02-30", "soon", ""]) expect((await post("vparty1", topicId, "partyProposal", { heldOn: bad })).status, bad).toBe(400);
    const over = await post("vparty1", topicId, "partyProposal", { attended: "10", expected: "9" });
    expect(over.status).toBe(400);
    expect(await over.text()).toContain("实到人数不能多于应到人数。");
    for (const [attended, expected] of [["0", "9"], ["3", "0"], ["-1", "5"], ["x", "5"]]) expect((await post("vparty1", topicId, "partyProposal", { attended, expected })).status).toBe(400);
    expect((await post("vparty1", topicId, "partyProposal", { minutes: "  " })).status).toBe(400);
    expect((await post("vparty1", topicId, "partyProposal", { outcome: "maybe" })).status).toBe(400);
    expect(stepsOf(topicId)).toEqual([]);

    // Not before the step before it: a topic raised five days ago, its proposal held two days ago; the two committees cannot have met three days ago.
    getDb().update(topics).set({ createdAt: new Date(created.getTime() - 5 * DAY_MS) }).where(eq(topics.id, topicId)).run();
    expect((await post("vparty1", topicId, "partyProposal", { heldOn: dayOffset(-2) })).status).toBe(302);
    const beforePrevious = await post("vmember1", topicId, "twoCommittees", { heldOn: dayOffset(-3) });
    expect(beforePrevious.status).toBe(400);
    expect(await beforePrevious.text()).toContain("会议日期不能早于前一项审议的日期。");
    expect(stepsOf(topicId)).toHaveLength(1);

    const { id: ordinary } = consultingTopic({ slug: "shiliu", committee: "vcommittee1", category: "facilities" });
    const notFourTwo = await post("vparty1", ordinary, "partyProposal");
    expect(notFourTwo.status).toBe(409);
    expect(await notFourTwo.text()).toContain("不适用“四议两公开”");
    expect(stepsOf(ordinary)).toEqual([]);
  });
});

/** The village's meeting in session with this topic on its agenda: twelve representatives of 15 组成人员 checked in. */
function onTheVillageAgenda(topicId: number) {
  must(freezeDraft({ ...villageCommittee(), topicId }) as { ok: true });
  const { id: meetingId } = must(scheduleMeeting({ ...villageConvener(), title: "村民代表会议(四议两公开测试)", place: "村委会议室", scheduledAt: new Date(now().getTime() + 11 * DAY_MS), requestId: null, acceptShortNotice: false }));
  const { id: motionId } = must(tableMotion({ ...villageConvener(), meetingId, topicId, secret: false, onFail: "revise" }));
  must(startMeeting({ early: true, ...villageConvener(), meetingId }));
  const reps = Array.from({ length: 12 }, (_, i) => userId(`vrep${String(i + 1).padStart(2, "0")}`));
  for (const id of reps) must(checkIn({ communityId: SHILIU(), userId: id, roles: ["representative", "resident"], meetingId }));
  return { meetingId, motionId, reps };
}

const record = (topicId: number, step: FourTwoStep, outcome: "agreed" | "notAgreed" = "agreed") =>
  recordFourTwoStep({ communityId: SHILIU(), topicId, userId: userId("vparty1"), roles: ["party"], step, heldOn: today(), body: "村党支部", attended: 5, expected: 5, outcome, minutes: "纪要" });

describe("the vote's gate and 两公开", () => {
  it("keeps the vote closed until all three agreed (a step that did not agree is recorded again), then publishes 决议公开 and 实施结果公开 for 15 days", async () => {
    const topicId = fourTwoTopic();
    const { meetingId, motionId, reps } = onTheVillageAgenda(topicId);
    expect(openVote({ ...villageConvener(), meetingId, motionId })).toEqual({ ok: false, problem: "fourTwoMissing" });
    const refused = await http.fetch(`/c/shiliu/meetings/${meetingId}`, { cookie: person("vconvener1").cookie, form: { intent: "open", motionId: String(motionId) } });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("本事项须经“四议两公开”");
    const meetingPage = await (await http.fetch(`/c/shiliu/meetings/${meetingId}`, { cookie: person("vconvener1").cookie })).text();
    expect(meetingPage).toMatch(/<button[^>]*disabled=""[^>]*data-testid="open-disabled"/);

    expect(record(topicId, "partyProposal").ok).toBe(true);
    expect(record(topicId, "twoCommittees", "notAgreed").ok).toBe(true);
    expect(openVote({ ...villageConvener(), meetingId, motionId })).toEqual({ ok: false, problem: "fourTwoNotAgreed" });
    expect(record(topicId, "partyMembers")).toEqual({ ok: false, problem: "outOfOrder" });
    expect(await page("villager1", topicId)).toContain('data-next="twoCommittees"');
    expect(record(topicId, "twoCommittees").ok).toBe(true);
    expect(openVote({ ...villageConvener(), meetingId, motionId })).toEqual({ ok: false, problem: "fourTwoMissing" });
    expect(record(topicId, "partyMembers").ok).toBe(true);
    // All three agreed: the vote opens (the agreed 党组织提议 stands for the 重要事项's party review).
    expect(openVote({ ...villageConvener(), meetingId, motionId }).ok).toBe(true);
    // All three agreed: nothing is left to record.
    expect(record(topicId, "partyMembers")).toEqual({ ok: false, problem: "outOfOrder" });
    for (const id of reps) must(castBallot({ communityId: SHILIU(), userId: id, roles: ["representative"], meetingId, motionId, choice: "yes" }));
    const { resolutionId } = must(closeVote({ ...villageConvener(), meetingId, motionId }));
    expect(resolutionId).not.toBeNull();
    // After the vote, the steps are history.
    expect(record(topicId, "partyProposal")).toEqual({ ok: false, problem: "wrongState" });

    // 实施结果公开: through 公示, execution and completion, the committee publishes the result.
    shiftClock(15 * DAY_MS + 60_000);
    runDueDeadlines();
    const [builder] = addMembers(1, { slug: "shiliu", roles: ["executor"] });
    const unit = must(createUnit({ ...villageCommittee(), name: `施工队-${topicId}`, kind: "contractor", contact: "", memberIds: [builder.id] }) as { ok: true; id: number });
    const task = must(addTask({ ...villageCommittee(), topicId, task: { title: "硬化路面", unitId: unit.id, dueAt: new Date(now().getTime() + 5 * DAY_MS), budgetFen: null } }) as { ok: true; id: number });
    must(reportProgress({ communityId: SHILIU(), userId: builder.id, roles: ["executor"], taskId: task.id, body: "完工", percent: 100, spentFen: 0, photos: [] }) as { ok: true });
    must(reportCompletion({ ...villageCommittee(), topicId }) as { ok: true });
    must(publishResult({ ...villageCommittee(), topicId, summary: "道路已硬化 800 米。" }) as { ok: true });

    const rows = getDb().select().from(publications).where(eq(publications.topicId, topicId)).all();
    expect(rows.map((r) => r.kind).sort()).toEqual(["executionResult", "resolution"]);
    for (const r of rows) expect(r.endsAt.getTime() - r.publishedAt.getTime()).toBeGreaterThanOrEqual(15 * DAY_MS);
    const board = await (await http.fetch("/c/shiliu/board")).text();
    expect(board).toContain(">决议公开<");
    expect(board).toContain(">实施结果公开<");
    const html = await page("villager1", topicId);
    expect(html).toMatch(/data-testid="four-two-resolution" data-days="15"/);
    expect(html).toMatch(/data-testid="four-two-executionResult" data-days="15"/);
    expect(html.match(/data-testid="timeline-note"/g)).toHaveLength(7);
    expect(verifyLedger({ communityId: SHILIU() }).ok).toBe(true);
    expect(firstDisagreeingRecord(getDb(), SHILIU())).toBeNull();
  });
});

describe("the catalogue", () => {
  const entryOf = (slug: string, code: string) => getDb().select().from(catalogueEntries).where(eq(catalogueEntries.communityId, communityId(slug))).all().find((e) => e.code === code)!;
  const edit = (slug: string, id: number, over: Record<string, string> = {}) => ({ intent: "catalogueEdit", id: String(id), nameZh: "公共设施维修", nameEn: "Public facility repairs", needsVote: "on", needsPublicity: "on", ...over });

  it("lets a village mark a category 四议两公开 and refuses an urban community, with the reason", async () => {
    const street = person("street1").cookie;
    const village = entryOf("shiliu", "facilities");
    expect((await http.fetch("/c/shiliu/rules", { cookie: street, form: edit("shiliu", village.id, { fourTwo: "on" }) })).status).toBe(200);
    expect(entryOf("shiliu", "facilities").fourTwo).toBe(true);
    expect(await (await http.fetch("/c/shiliu/rules", { cookie: street })).text()).toContain('data-testid="catalogue-four-two"');
    // It ends in the village's vote: not for a category decided without one.
    const noVote = await http.fetch("/c/shiliu/rules", { cookie: street, form: edit("shiliu", village.id, { fourTwo: "on", needsVote: "" }) });
    expect(noVote.status).toBe(400);
    expect(await noVote.text()).toContain("须由村民会议或村民代表会议表决");
    expect(entryOf("shiliu", "facilities")).toMatchObject({ fourTwo: true, needsVote: true });
    expect((await http.fetch("/c/shiliu/rules", { cookie: street, form: edit("shiliu", village.id) })).status).toBe(200);
    expect(entryOf("shiliu", "facilities").fourTwo).toBe(false);

    const urban = entryOf("mingyue", "facilities");
    const refused = await http.fetch("/c/mingyue/rules", { cookie: street, form: edit("mingyue", urban.id, { fourTwo: "on" }) });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("“四议两公开”只适用于村,社区不能标记。");
    const added = await http.fetch("/c/mingyue/rules", { cookie: street, form: { intent: "catalogueAdd", nameZh: "集体资金", nameEn: "Funds", needsVote: "on", needsPublicity: "on", fourTwo: "on" } });
    expect(added.status).toBe(400);
    expect(entryOf("mingyue", "facilities")).toEqual(urban);
    expect(getDb().select().from(catalogueEntries).where(eq(catalogueEntries.nameZh, "集体资金")).all()).toEqual([]);
    // The urban form does not offer it.
    expect(await (await http.fetch("/c/mingyue/rules", { cookie: street })).text()).not.toContain("四议两公开(仅限村)");
  });
});
