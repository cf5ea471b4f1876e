// The committee never revokes a representatives' resolution (居委会组织法第三十条): an upheld objection
// suspends it (暂缓执行) and puts the topic back before the meeting, which votes again; the street admin
// orders a correction (责令改正) with a public reason, published on the board. Over real HTTP.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { ledgerEntries, notifications, objections, publications, resolutions, streetAdmins, streets, topics, users } from "../../db/schema";
import { castBallot, closeVote, openVote } from "~/models/ballot.server";
import { DAY_MS, now, resetClock, shiftClock } from "~/models/clock.server";
import { runDueDeadlines } from "~/models/deadline.server";
import { freezeDraft } from "~/models/freeze.server";
import { firstDisagreeingRecord } from "~/models/ledger-records.server";
import { verifyLedger } from "~/models/ledger.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { checkIn } from "~/models/meeting-attendance.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { startMeeting } from "~/models/meeting-session.server";
import { orderCorrection } from "~/models/resolution-correction.server";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { signedIn, useServer } from "./support/http";
import { convener, must, person, representative, sessionCookie } from "./support/meeting";

const http = useServer();
const as = signedIn(http);
afterEach(() => resetClock());

const MINGYUE = () => communityId("mingyue");

/** Puts an onAgenda topic on a new meeting and passes it: 14 present, 9 for. Returns the new resolution. */
function voteThrough(topicId: number): number {
  const { id: meetingId } = must(scheduleMeeting({ ...convener(), title: "复议会议", place: "活动室", scheduledAt: new Date(now().getTime() + 6 * DAY_MS), requestId: null, acceptShortNotice: false }));
  const { id: motionId } = must(tableMotion({ ...convener(), meetingId, topicId, secret: false, onFail: "revise" }));
  must(startMeeting({ early: true, ...convener(), meetingId }));
  for (let n = 1; n <= 14; n++) must(checkIn({ ...representative(n), meetingId }));
  must(openVote({ ...convener(), meetingId, motionId }));
  for (let n = 1; n <= 9; n++) must(castBallot({ ...representative(n), meetingId, motionId, choice: "yes" }));
  const { resolutionId } = must(closeVote({ ...convener(), meetingId, motionId }));
  if (resolutionId === null) throw new Error("did not pass");
  return resolutionId;
}

function passedTopic() {
  const { id: topicId } = consultingTopic({ text: "中心花园增设两张休息长椅。" });
  must(freezeDraft({ communityId: MINGYUE(), topicId, userId: userId("committee1"), roles: ["committee"] }) as { ok: true });
  return { topicId, resolutionId: voteThrough(topicId) };
}

const post = async (username: string, topicId: number, form: Record<string, string>) => http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as(username), form });
const resolutionRow = (id: number) => getDb().select().from(resolutions).where(eq(resolutions.id, id)).get()!;
const topicState = (id: number) => getDb().select({ state: topics.state }).from(topics).where(eq(topics.id, id)).get()!.state;
const page = async (topicId: number, username = "resident1") => (await http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as(username) })).text();
const told = (username: string, kind: string, topicId: number) =>
  getDb().select().from(notifications).where(and(eq(notifications.userId, userId(username)), eq(notifications.kind, kind), eq(notifications.topicId, topicId))).all().length;
const entries = (type: string, subject: string) => getDb().select().from(ledgerEntries).where(and(eq(ledgerEntries.type, type), eq(ledgerEntries.subject, subject))).all();

describe("an upheld objection", () => {
  it("suspends the resolution, puts the topic back before the meeting, and a new vote makes a new resolution", async () => {
    const { topicId, resolutionId } = passedTopic();
    expect((await post("resident3", topicId, { intent: "object", body: "表决前没有征求三楼住户意见。" })).status).toBe(302);
    const [objection] = getDb().select().from(objections).where(eq(objections.resolutionId, resolutionId)).all();
    const form = await page(topicId, "committee2");
    expect(form).toContain("异议成立:决议暂缓执行");
    expect(form).toContain("居委会不能撤销居民代表会议的决议");

    const res = await post("committee2", topicId, { intent: "answerObjection", objectionId: String(objection.id), answer: "情况属实,提交代表会议复议。", upheld: "yes" });
    expect(res.status).toBe(302);
    expect(resolutionRow(resolutionId)).toMatchObject({ status: "suspended", statusReason: "情况属实,提交代表会议复议。" });
    expect(resolutionRow(resolutionId).statusAt).not.toBeNull();
    expect(topicState(topicId)).toBe("onAgenda");
    expect(entries("resolution.suspended", `resolution:${resolutionId}`)).toHaveLength(1);
    expect(entries("resolution.revoked", `resolution:${resolutionId}`)).toHaveLength(0);
    expect(told("convener1", "resolution.suspended", topicId)).toBe(1);

    const html = await page(topicId);
    expect(html).toContain("暂缓执行(提交居民代表会议复议)");
    expect(html).toContain("理由:情况属实,提交代表会议复议。");
    expect(html).toContain("异议成立,决议暂缓执行");
    expect(html).not.toContain('data-testid="object-form"');
    const board = await (await http.fetch("/c/mingyue/board")).text();
    expect(board).toContain('data-status="suspended"');

    // The end of the old 公示 period never makes a suspended resolution effective.
    shiftClock(16 * DAY_MS);
    runDueDeadlines();
    expect(resolutionRow(resolutionId).status).toBe("suspended");
    expect(topicState(topicId)).toBe("onAgenda");

    // The convener puts it on the next agenda; the meeting votes again.
    const again = voteThrough(topicId);
    expect(again).not.toBe(resolutionId);
    expect(resolutionRow(again).status).toBe("publicity");
    expect(resolutionRow(resolutionId).status).toBe("suspended");
    expect(topicState(topicId)).toBe("publicity");
    const after = await page(topicId);
    expect(after.match(/data-testid="resolution-status"/g)).toHaveLength(2);
    expect(verifyLedger({ communityId: MINGYUE() }).ok).toBe(true);
    expect(firstDisagreeingRecord(getDb(), MINGYUE())).toBeNull();
  });
});

/** A second street with its own admin, who must not reach 明月 (of 花城街道). */
function otherStreetAdmin() {
  const db = getDb();
  const street = db.insert(streets).values({ slug: `other${process.pid}`, nameZh: "别的街道", nameEn: "Another street" }).returning({ id: streets.id }).get();
  const user = db.insert(users).values({ username: `oadmin${process.pid}`, displayName: "别的街道管理员", passwordHash: "!" }).returning({ id: users.id }).get();
  db.insert(streetAdmins).values({ streetId: street.id, userId: user.id }).run();
  return { id: user.id, cookie: sessionCookie(user.id) };
}

describe("the street's correction order", () => {
  it("is for the street admin of the community's street: a confirmed, public order that stops the resolution and is published", async () => {
    const { topicId, resolutionId } = passedTopic();
    expect(await page(topicId, "resident1")).not.toContain('data-testid="correction-form"');
    expect(await page(topicId, "committee1")).not.toContain('data-testid="correction-form"');
    const admin = await page(topicId, "street1");
    expect(admin).toContain('data-testid="correction-form"');
    expect(admin).toContain("此操作不能撤回");

    const order = { intent: "orderCorrection", resolutionId: String(resolutionId), reason: "长椅位置占用消防通道,违反消防规定。", confirm: "on" };
    // Not confirmed, or without a reason: refused, nothing changes.
    const unconfirmed = await post("street1", topicId, { ...order, confirm: "" });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("请勾选确认:责令改正不能撤回。");
    expect((await post("street1", topicId, { ...order, reason: "  " })).status).toBe(400);
    // A committee member is no street admin.
    const committee = await post("committee1", topicId, order);
    expect(committee.status).toBe(403);
    expect(await committee.text()).toContain("只有本社区所属街道的管理员可以责令改正。");
    // Another street's admin is not let in, and the model refuses them too.
    const other = otherStreetAdmin();
    const foreign = await http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: other.cookie, form: order });
    expect([403, 404]).toContain(foreign.status);
    expect(orderCorrection({ communityId: MINGYUE(), topicId, resolutionId, userId: other.id, reason: "越权" })).toEqual({ ok: false, problem: "wrongRole" });
    expect(resolutionRow(resolutionId).status).toBe("publicity");

    const res = await post("street1", topicId, order);
    expect(res.status).toBe(302);
    expect(resolutionRow(resolutionId)).toMatchObject({ status: "correctionOrdered", statusReason: order.reason });
    expect(topicState(topicId)).toBe("onAgenda");
    const published = getDb().select().from(publications).where(and(eq(publications.kind, "correction"), eq(publications.refId, resolutionId))).get()!;
    expect(published.endsAt.getTime() - published.publishedAt.getTime()).toBe(15 * DAY_MS);
    expect(entries("resolution.correctionOrdered", `resolution:${resolutionId}`)).toMatchObject([{ actorId: userId("street1") }]);
    expect(told("committee1", "resolution.correctionOrdered", topicId)).toBe(1);
    expect(told("convener1", "resolution.correctionOrdered", topicId)).toBe(1);
    const html = await page(topicId);
    expect(html).toContain("街道责令改正");
    expect(html).toContain(`理由:${order.reason}`);
    // Once ordered, it cannot be ordered again.
    expect(orderCorrection({ communityId: MINGYUE(), topicId, resolutionId, userId: userId("street1"), reason: "再次" })).toEqual({ ok: false, problem: "wrongState" });
    expect(verifyLedger({ communityId: MINGYUE() }).ok).toBe(true);
    expect(firstDisagreeingRecord(getDb(), MINGYUE())).toBeNull();
  });

  it("reaches a resolution in force: execution stops and the topic goes back before the meeting", () => {
    const { topicId, resolutionId } = passedTopic();
    shiftClock(15 * DAY_MS + 60_000);
    runDueDeadlines();
    expect(topicState(topicId)).toBe("executing");
    expect(orderCorrection({ communityId: MINGYUE(), topicId, resolutionId, userId: person("street1").id, reason: "实施方案超出预算审批权限。" })).toEqual({ ok: true });
    expect(resolutionRow(resolutionId).status).toBe("correctionOrdered");
    expect(topicState(topicId)).toBe("onAgenda");
    expect(verifyLedger({ communityId: MINGYUE() }).ok).toBe(true);
  });
});
