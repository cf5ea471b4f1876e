// 加装电梯 is decided by the building's owners (民法典第二百七十八条), not by the representatives'
// meeting: the topic never goes on an agenda; the committee records the owners' result over HTTP, the
// hall checks the four shares and shows each; passed, it is published and goes to execution; not, it ends.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { ownerDecisions, publications, topics } from "../../db/schema";
import { DAY_MS, now } from "~/models/clock.server";
import { freezeDraft } from "~/models/freeze.server";
import { firstDisagreeingRecord } from "~/models/ledger-records.server";
import { verifyLedger } from "~/models/ledger.server";
import { tableMotion } from "~/models/meeting-agenda.server";
import { scheduleMeeting } from "~/models/meeting.server";
import { advanceTopic } from "~/models/workflow.server";
import { consultingTopic } from "./support/consultation";
import { communityId, userId } from "./support/db";
import { signedIn, useServer } from "./support/http";
import { convener, must } from "./support/meeting";

const http = useServer();
const as = signedIn(http);

const MINGYUE = () => communityId("mingyue");
const today = () => new Date(now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const liftTopic = () => consultingTopic({ category: "lift", text: "5号楼加装电梯,费用按楼层分摊。" }).id;
const topicState = (id: number) => getDb().select({ state: topics.state }).from(topics).where(eq(topics.id, id)).get()!.state;
const decisionOf = (topicId: number) => getDb().select().from(ownerDecisions).where(eq(ownerDecisions.topicId, topicId)).get();

// 30 owners with 3000 m²; exactly 2/3 take part (20 owners, 2000 m²) and exactly 3/4 of those consent.
const EXACT = { ownersTotal: "30", areaTotal: "3000", participants: "20", participantsArea: "2000", consenting: "15", consentingArea: "1500" };
const post = async (username: string, topicId: number, figures: Record<string, string>) =>
  http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as(username), form: { intent: "ownersDecision", heldOn: today(), ...figures } });

describe("a matter the owners decide", () => {
  it("is never frozen for, nor tabled on, a meeting's agenda, with the reason", async () => {
    const topicId = liftTopic();
    expect(freezeDraft({ communityId: MINGYUE(), topicId, userId: userId("committee1"), roles: ["committee"] })).toEqual({ ok: false, problem: "ownersDecide" });
    const res = await http.fetch(`/c/mingyue/topics/${topicId}/consultation`, { cookie: await as("committee1"), form: { intent: "freeze", confirm: "on" } });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("由业主共同决定(民法典第二百七十八条)");
    expect(topicState(topicId)).toBe("consulting");

    // A topic frozen before its category was marked is still refused at the agenda.
    const { id: earlier } = consultingTopic({ text: "4号楼加装电梯。" });
    must(freezeDraft({ communityId: MINGYUE(), topicId: earlier, userId: userId("committee1"), roles: ["committee"] }) as { ok: true });
    getDb().update(topics).set({ categoryId: getDb().select({ c: topics.categoryId }).from(topics).where(eq(topics.id, topicId)).get()!.c }).where(eq(topics.id, earlier)).run();
    const { id: meetingId } = must(scheduleMeeting({ ...convener(), title: "例会", place: "活动室", scheduledAt: new Date(now().getTime() + 6 * DAY_MS), requestId: null, acceptShortNotice: false }));
    expect(tableMotion({ ...convener(), meetingId, topicId: earlier, secret: false, onFail: "revise" })).toEqual({ ok: false, problem: "ownersDecide" });
  });

  it("passes at exactly 2/3 taking part and 3/4 consenting: each check shown with the article, published, on to execution", async () => {
    const topicId = liftTopic();
    const before = await (await http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as("committee1") })).text();
    expect(before).toContain('data-testid="owners-form"');
    expect(before).toContain("民法典第二百七十八条");
    const asResident = await (await http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as("resident1") })).text();
    expect(asResident).toContain("待记录业主表决结果。");
    expect(asResident).not.toContain('data-testid="owners-form"');

    const res = await post("committee1", topicId, EXACT);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/c/mingyue/topics/${topicId}#owners`);
    expect(decisionOf(topicId)).toMatchObject({ ownersTotal: 30, areaTotal: 300_000, participants: 20, participantsArea: 200_000, consenting: 15, consentingArea: 150_000, passed: true, heldOn: today() });
    expect(topicState(topicId)).toBe("executing");
    const published = getDb().select().from(publications).where(and(eq(publications.topicId, topicId))).all();
    expect(published).toHaveLength(1);
    expect(published[0].endsAt.getTime() - published[0].publishedAt.getTime()).toBe(15 * DAY_MS);

    const html = await (await http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as("resident1") })).text();
    expect(html).toContain("业主共同决定:通过,进入实施。");
    expect(html.match(/data-testid="owners-check" data-check="\w+" data-met="true"/g)).toHaveLength(4);
    expect(html).toContain("参与表决业主 20 人 / 业主总数 30 人:须达 2/3 以上");
    expect(html).toContain("同意业主专有面积 1500 ㎡ / 参与表决面积 2000 ㎡:须达 3/4 以上");
    expect(html).toContain('data-kind="owners.decided"');
    expect(verifyLedger({ communityId: MINGYUE() }).ok).toBe(true);
    expect(firstDisagreeingRecord(getDb(), MINGYUE())).toBeNull();

    // Recorded once.
    const again = await post("committee1", topicId, EXACT);
    expect(again.status).toBe(409);
  });

  it.each([
    ["one owner short of taking part", { participants: "19", consenting: "15" }, "participantsByHead"],
    ["0.01 m² short of the area taking part", { participantsArea: "1999.99", consentingArea: "1500" }, "participantsByArea"],
    ["one owner short of consenting", { consenting: "14" }, "consentingByHead"],
    ["0.01 m² short of the consenting area", { consentingArea: "1499.99" }, "consentingByArea"],
  ])("does not pass %s: the topic ends with the failed check shown", async (_, change, failed) => {
    const topicId = liftTopic();
    expect((await post("committee1", topicId, { ...EXACT, ...change })).status).toBe(302);
    expect(decisionOf(topicId)?.passed).toBe(false);
    expect(topicState(topicId)).toBe("failed");
    expect(getDb().select().from(publications).where(eq(publications.topicId, topicId)).all()).toHaveLength(0);
    const html = await (await http.fetch(`/c/mingyue/topics/${topicId}`, { cookie: await as("resident1") })).text();
    expect(html).toContain("业主共同决定:未通过。");
    expect(html).toContain(`data-check="${failed}" data-met="false"`);
  });

  it("refuses impossible figures, bad input, the wrong role and other matters, storing nothing", async () => {
    const topicId = liftTopic();
    for (const [change, text] of [
      [{ participants: "31" }, "参与表决的人数不能超过业主总人数。"],
      [{ consenting: "21" }, "同意的人数不能超过参与表决的人数。"],
      [{ consentingArea: "2000.01" }, "同意的面积不能超过参与表决的面积。"],
      [{ participantsArea: "3000.01" }, "参与表决的面积不能超过总面积。"],
      [{ ownersTotal: "0" }, "业主总人数和总面积都必须大于零。"],
    ] as const) {
      const res = await post("committee1", topicId, { ...EXACT, ...change });
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(await res.text()).toContain(text);
    }
    for (const change of [{ areaTotal: "12.345" }, { participants: "2.5" }, { consenting: "-1" }, { ownersTotal: "" }, { heldOn: "2026-13-01" }] as Array<Record<string, string>>) {
      expect((await post("committee1", topicId, { ...EXACT, ...change })).status, JSON.stringify(change)).toBe(400);
    }
    const tomorrow = new Date(now().getTime() + 8 * 3_600_000 + DAY_MS).toISOString().slice(0, 10);
    expect((await post("committee1", topicId, { ...EXACT, heldOn: tomorrow })).status).toBe(400);
    for (const username of ["resident1", "rep01", "party1", "supervisor1"]) {
      const res = await post(username, topicId, EXACT);
      expect(res.status, username).toBe(403);
    }
    const ordinary = consultingTopic({ text: "普通事项" }).id;
    expect((await post("committee1", ordinary, EXACT)).status).toBe(409);
    // Not yet in consultation: refused.
    const { id: drafting } = consultingTopic({ category: "lift" });
    advanceTopic({ topicId: drafting, communityId: MINGYUE(), action: "sendBack", actor: { userId: userId("committee1"), roles: ["committee"] }, reason: "补充方案" });
    expect((await post("committee1", drafting, EXACT)).status).toBe(409);
    expect(decisionOf(topicId)).toBeUndefined();
    expect(decisionOf(ordinary)).toBeUndefined();
    expect(topicState(topicId)).toBe("consulting");
  });
});
