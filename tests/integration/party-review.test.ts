// 党组织研究讨论 (居委会组织法第三十条第四款): an important matter's vote cannot open until the party
// organisation's review is recorded, and not while the latest review did not agree. The review is
// recorded over HTTP by the party role only, checked against the ledger, shown on the topic page, its
// timeline, the meeting page's disabled open-vote button and the public board.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { partyReviews, topics } from "../../db/schema";
import { castBallot, closeVote, openVote } from "~/models/ballot.server";
import { DAY_MS, now, resetClock } from "~/models/clock.server";
import { freezeDraft } from "~/models/freeze.server";
import { firstDisagreeingRecord } from "~/models/ledger-records.server";
import { verifyLedger } from "~/models/ledger.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { checkIn } from "~/models/meeting-attendance.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { startMeeting } from "~/models/meeting-session.server";
import { recordPartyReview } from "~/models/party-review.server";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { signedIn, useServer } from "./support/http";
import { addMembers, convener, must, representative } from "./support/meeting";

const http = useServer();
const as = signedIn(http);
afterEach(() => resetClock());

const MINGYUE = () => communityId("mingyue");
const today = () => new Date(now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** An important matter (环境卫生 is marked 重要事项 in the demo catalogue) in session: 14 of the 20 组成人员 (14 representatives) checked in. */
function importantInSession(category = "environment") {
  const { id: topicId } = consultingTopic({ category, text: "北区投放点增加清运频次,加装除臭设备。" });
  const frozen = freezeDraft({ communityId: MINGYUE(), topicId, userId: userId("committee1"), roles: ["committee"] });
  if (!frozen.ok) throw new Error(`freeze: ${frozen.problem}`);
  const { id: meetingId } = must(scheduleMeeting({ ...convener(), title: "重要事项测试会议", place: "活动室", scheduledAt: new Date(now().getTime() + 6 * DAY_MS), requestId: null, acceptShortNotice: false }));
  const { id: motionId } = must(tableMotion({ ...convener(), meetingId, topicId, secret: false, onFail: "revise" }));
  must(startMeeting({ early: true, ...convener(), meetingId }));
  for (let n = 1; n <= 14; n++) must(checkIn({ ...representative(n), meetingId }));
  return { topicId, meetingId, motionId };
}

const review = (topicId: number, form: Partial<Record<string, string>> = {}) => ({
  intent: "partyReview",
  reviewedOn: today(),
  body: "社区党委会议",
  outcome: "agreed",
  note: "同意提交居民代表会议表决。",
  ...form,
});
const postReview = async (username: string, topicId: number, form: Partial<Record<string, string>> = {}) =>
  http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as(username), form: review(topicId, form) as Record<string, string> });
const reviewsOf = (topicId: number) => getDb().select().from(partyReviews).where(eq(partyReviews.topicId, topicId)).all();

describe("the vote's gate", () => {
  it("refuses to open the vote until the review is recorded, citing the article; then opens it", async () => {
    const { topicId, meetingId, motionId } = importantInSession();
    expect(openVote({ ...convener(), meetingId, motionId })).toEqual({ ok: false, problem: "partyReviewMissing" });

    // Over HTTP: a translated refusal that cites the pack's article, never a 500.
    const refused = await http.fetch(`/c/mingyue/meetings/${meetingId}`, { cookie: await as("convener1"), form: { intent: "open", motionId: String(motionId) } });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("须先经党组织研究讨论(居委会组织法第三十条第四款)");
    // The meeting page shows the open-vote button disabled, with why.
    const page = await (await http.fetch(`/c/mingyue/meetings/${meetingId}`, { cookie: await as("convener1") })).text();
    expect(page).toContain('data-testid="open-blocked"');
    expect(page).toMatch(/<button[^>]*disabled=""[^>]*data-testid="open-disabled"/);

    expect((await postReview("party1", topicId)).status).toBe(302);
    expect(openVote({ ...convener(), meetingId, motionId }).ok).toBe(true);
    for (let n = 1; n <= 9; n++) must(castBallot({ ...representative(n), meetingId, motionId, choice: "yes" }));
    const closed = must(closeVote({ ...convener(), meetingId, motionId }));
    expect(closed.resolutionId).not.toBeNull();

    // The board says the review's date and outcome beside the resolution.
    const board = await (await http.fetch("/c/mingyue/board")).text();
    expect(board).toContain(`党组织研究讨论:${today()},社区党委会议,结论:同意`);
    expect(verifyLedger({ communityId: MINGYUE() }).ok).toBe(true);
  });

  it("a review that did not agree keeps the vote closed; a later one that agrees opens it", async () => {
    const { topicId, meetingId, motionId } = importantInSession();
    expect((await postReview("party1", topicId, { outcome: "notAgreed", note: "方案未征求北区住户意见。" })).status).toBe(302);
    expect(openVote({ ...convener(), meetingId, motionId })).toEqual({ ok: false, problem: "partyReviewNotAgreed" });
    const refused = await http.fetch(`/c/mingyue/meetings/${meetingId}`, { cookie: await as("convener1"), form: { intent: "open", motionId: String(motionId) } });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("党组织研究讨论的结论为不同意");
    expect((await postReview("party1", topicId, { outcome: "agreedWithChanges", note: "补充征求意见后同意。" })).status).toBe(302);
    expect(openVote({ ...convener(), meetingId, motionId }).ok).toBe(true);
  });

  it("does not apply to a matter that is not important", () => {
    const { id: topicId } = consultingTopic({ text: "更换东门路灯。" });
    must(freezeDraft({ communityId: MINGYUE(), topicId, userId: userId("committee1"), roles: ["committee"] }) as { ok: true });
    const { id: meetingId } = must(scheduleMeeting({ ...convener(), title: "普通事项", place: "活动室", scheduledAt: new Date(now().getTime() + 6 * DAY_MS), requestId: null, acceptShortNotice: false }));
    const { id: motionId } = must(tableMotion({ ...convener(), meetingId, topicId, secret: false, onFail: "revise" }));
    must(startMeeting({ early: true, ...convener(), meetingId }));
    for (let n = 1; n <= 14; n++) must(checkIn({ ...representative(n), meetingId }));
    expect(openVote({ ...convener(), meetingId, motionId }).ok).toBe(true);
  });
});

describe("recording the review", () => {
  it("shows the section to everyone, the form to the party role only; the review is on the page, the timeline and the ledger", async () => {
    const { id: topicId } = consultingTopic({ category: "environment", text: "增加清运频次。" });
    const asResident = await (await http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as("resident1") })).text();
    expect(asResident).toContain("党组织研究讨论:待记录");
    expect(asResident).toContain("居委会组织法第三十条第四款");
    expect(asResident).not.toContain('data-testid="party-review-form"');
    const asParty = await (await http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as("party1") })).text();
    expect(asParty).toContain('data-testid="party-review-form"');

    const res = await postReview("party1", topicId, { body: "社区党委会议", outcome: "agreedWithChanges", note: "建议增设夜间清运。" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/c/mingyue/topics/${topicId}#party-review`);
    expect(reviewsOf(topicId)).toMatchObject([{ reviewedOn: today(), body: "社区党委会议", outcome: "agreedWithChanges", note: "建议增设夜间清运。", recordedBy: userId("party1") }]);
    const html = await (await http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as("resident1") })).text();
    expect(html).toContain(`已于 ${today()} 由社区党委会议研究讨论,结论:原则同意,提出修改意见`);
    // The timeline.
    expect(html).toContain('data-kind="party.reviewed"');
    expect(html).toContain("党组织研究讨论(社区党委会议,");
    expect(verifyLedger({ communityId: MINGYUE() }).ok).toBe(true);
    expect(firstDisagreeingRecord(getDb(), MINGYUE())).toBeNull();

    // A review edited behind the ledger's back is found.
    const [row] = reviewsOf(topicId);
    getDb().update(partyReviews).set({ outcome: "agreed" }).where(eq(partyReviews.id, row.id)).run();
    expect(firstDisagreeingRecord(getDb(), MINGYUE())).toMatchObject({ check: "partyReview", why: "differs", record: `partyReview:${row.id}` });
    getDb().update(partyReviews).set({ outcome: "agreedWithChanges" }).where(eq(partyReviews.id, row.id)).run();
  });

  it("refuses the wrong role, another community's party member, a matter that is not important and bad dates, storing nothing", async () => {
    const { id: topicId } = consultingTopic({ category: "environment" });
    const topic = getDb().select({ createdAt: topics.createdAt }).from(topics).where(eq(topics.id, topicId)).get()!;
    const before = new Date(topic.createdAt.getTime() + 8 * 3_600_000 - DAY_MS).toISOString().slice(0, 10);
    const tomorrow = new Date(now().getTime() + 8 * 3_600_000 + DAY_MS).toISOString().slice(0, 10);

    for (const username of ["resident1", "committee1", "convener1"]) {
      const res = await postReview(username, topicId);
      expect(res.status, username).toBe(403);
      expect(await res.text()).toContain("只有党组织身份的成员可以记录研究讨论结果。");
    }
    // A party member of 石榴村 is not a member of 明月: refused before any form is read.
    const [shiliuParty] = addMembers(1, { slug: "shiliu", roles: ["party"] });
    const foreign = await http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: shiliuParty.cookie, form: review(topicId) as Record<string, string> });
    expect([403, 404]).toContain(foreign.status);
    // …and the model refuses another community's topic too.
    expect(recordPartyReview({ communityId: communityId("shiliu"), topicId, userId: shiliuParty.id, roles: ["party"], reviewedOn: today(), body: "村党支部", outcome: "agreed", note: "x" })).toEqual({ ok: false, problem: "notFound" });

    const future = await postReview("party1", topicId, { reviewedOn: tomorrow });
    expect(future.status).toBe(400);
    expect(await future.text()).toContain("研究讨论日期不能晚于今天。");
    const early = await postReview("party1", topicId, { reviewedOn: before });
    expect(early.status).toBe(400);
    expect(await early.text()).toContain("研究讨论日期不能早于议题提出之日。");
    for (const bad of ["2026-02-30", "yesterday", ""]) expect((await postReview("party1", topicId, { reviewedOn: bad })).status, bad).toBe(400);
    expect((await postReview("party1", topicId, { outcome: "maybe" })).status).toBe(400);
    expect((await postReview("party1", topicId, { note: "   " })).status).toBe(400);

    const { id: ordinary } = consultingTopic({ text: "普通事项" });
    const notImportant = await postReview("party1", ordinary);
    expect(notImportant.status).toBe(409);
    expect(await notImportant.text()).toContain("无需党组织研究讨论记录");
    expect(reviewsOf(topicId)).toEqual([]);
    expect(reviewsOf(ordinary)).toEqual([]);
  });

  it("in English too", async () => {
    const { id: topicId } = consultingTopic({ category: "environment" });
    const cookie = `${await as("resident1")}; ${await http.english()}`;
    const html = await (await http.fetch(`/c/mingyue/topics/${topicId}`, { cookie })).text();
    expect(html).toContain("Party organisation&#x27;s review: not yet recorded");
    expect(html).toContain("Organic Law of Urban Residents&#x27; Committees, Art. 30 ¶4");
  });
});
