import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { deadlines, notifications, topicCosigns, topicEvents, topics } from "../../db/schema";
import { DAY_MS, now, resetClock, shiftClock } from "~/models/clock.server";
import { coSignTopic, withdrawCosign } from "~/models/cosign.server";
import { runDueDeadlines } from "~/models/deadline.server";
import { verifyLedger } from "~/models/ledger.server";
import { createTopic } from "~/models/topic-create.server";
import { DomainError } from "~/models/domain-error.server";
import { advanceTopic } from "~/models/workflow.server";
import { communityId, userId } from "./support/db";

const mingyue = () => communityId("mingyue");
const committee = () => ({ userId: userId("committee1"), roles: ["committee"] as const });
const resident = (name: string) => ({ userId: userId(name), roles: ["resident"] as const });

function topic(id: number) {
  return getDb().select().from(topics).where(eq(topics.id, id)).get()!;
}

function propose(title = "楼道灯坏了") {
  return createTopic({ communityId: mingyue(), proposerId: userId("resident1"), title, description: "三楼楼道灯不亮", location: "5号楼", categoryId: null, source: "resident" });
}

function cosignBy(topicId: number, names: string[]) {
  return names.map((name) => coSignTopic({ topicId, communityId: mingyue(), userId: userId(name), roles: ["resident"] }));
}

const REPS = Array.from({ length: 15 }, (_, i) => `rep${String(i + 1).padStart(2, "0")}`);

afterEach(() => resetClock());

describe("proposing and co-signing", () => {
  it("numbers topics per community, opens the co-sign window and records the creation", () => {
    const a = propose();
    const b = propose("第二个议题");
    expect(b.number).toBe(a.number + 1);
    expect(topic(a.id)).toMatchObject({ state: "open", stage: "collection", status: "active", cosignCount: 0 });
    const window = getDb().select().from(deadlines).where(eq(deadlines.topicId, a.id)).get()!;
    expect(window.kind).toBe("cosignWindow");
    expect(window.dueAt.getTime() - now().getTime()).toBeGreaterThan(13 * DAY_MS);
    expect(getDb().select().from(topicEvents).where(eq(topicEvents.topicId, a.id)).all()).toHaveLength(1);
  });

  it("counts each resident once, refuses the proposer and non-residents, and allows withdrawal before the threshold", () => {
    const { id } = propose();
    expect(coSignTopic({ topicId: id, communityId: mingyue(), userId: userId("resident2"), roles: ["resident"] })).toMatchObject({ ok: true, count: 1 });
    expect(coSignTopic({ topicId: id, communityId: mingyue(), userId: userId("resident2"), roles: ["resident"] })).toEqual({ ok: false, problem: "already" });
    expect(coSignTopic({ topicId: id, communityId: mingyue(), userId: userId("resident1"), roles: ["resident"] })).toEqual({ ok: false, problem: "ownTopic" });
    expect(coSignTopic({ topicId: id, communityId: mingyue(), userId: userId("committee2"), roles: ["committee"] })).toEqual({ ok: false, problem: "notResident" });
    expect(coSignTopic({ topicId: id, communityId: communityId("shiliu"), userId: userId("villager1"), roles: ["resident"] })).toEqual({ ok: false, problem: "notFound" });
    expect(withdrawCosign({ topicId: id, communityId: mingyue(), userId: userId("resident2"), roles: ["resident"] })).toMatchObject({ ok: true, count: 0 });
    expect(withdrawCosign({ topicId: id, communityId: mingyue(), userId: userId("resident2"), roles: ["resident"] })).toEqual({ ok: false, problem: "notCosigned" });
  });

  it("moves to screening by itself when the threshold is reached, and then co-signs stop", () => {
    const { id } = propose();
    const results = cosignBy(id, REPS.slice(0, 10));
    expect(results.at(-1)).toMatchObject({ ok: true, count: 10, threshold: 10, moved: true });
    expect(topic(id)).toMatchObject({ state: "screening", stage: "collection", cosignCount: 10 });
    expect(cosignBy(id, ["rep11"])[0]).toEqual({ ok: false, problem: "notCollecting" });
    expect(withdrawCosign({ topicId: id, communityId: mingyue(), userId: userId("rep01"), roles: ["resident"] })).toEqual({ ok: false, problem: "notCollecting" });
    // The window is settled, the screening deadline is running, and the followers were told.
    const open = getDb().select().from(deadlines).where(eq(deadlines.topicId, id)).all().filter((d) => !d.doneAt);
    expect(open.map((d) => d.kind)).toEqual(["screening"]);
    const told = getDb().select().from(notifications).where(eq(notifications.topicId, id)).all();
    expect(new Set(told.map((n) => n.userId))).toEqual(new Set([userId("resident1"), ...REPS.slice(0, 10).map(userId)]));
  });
});

describe("advanceTopic", () => {
  it("carries a topic from screening into deliberation for the committee, with history and ledger", () => {
    const { id } = propose();
    cosignBy(id, REPS.slice(0, 10));
    const ledgerBefore = verifyLedger({ communityId: mingyue() });
    expect(advanceTopic({ topicId: id, communityId: mingyue(), action: "accept", actor: committee() })).toEqual({ from: "screening", to: "drafting" });
    expect(topic(id)).toMatchObject({ state: "drafting", stage: "deliberation", status: "active" });
    const history = getDb().select().from(topicEvents).where(eq(topicEvents.topicId, id)).all();
    expect(history.map((e) => e.action)).toEqual(["create", "reachThreshold", "accept"]);
    expect(history.at(-1)).toMatchObject({ actorId: userId("committee1"), fromState: "screening", toState: "drafting" });
    const after = verifyLedger({ communityId: mingyue() });
    expect(after.ok && ledgerBefore.ok && after.count).toBe(ledgerBefore.ok ? ledgerBefore.count + 1 : -1);
  });

  it("refuses the wrong role and the wrong state, and changes nothing", () => {
    const { id } = propose();
    const snapshot = JSON.stringify(topic(id));
    const ledger = verifyLedger({ communityId: mingyue() });
    expect(() => advanceTopic({ topicId: id, communityId: mingyue(), action: "accept", actor: committee() })).toThrow(new DomainError("topic", "wrongState"));
    expect(() => advanceTopic({ topicId: id, communityId: mingyue(), action: "reject", actor: resident("resident2"), reason: "不要" })).toThrow(new DomainError("topic", "wrongRole"));
    expect(() => advanceTopic({ topicId: id, communityId: mingyue(), action: "reject", actor: committee(), reason: "" })).toThrow(new DomainError("topic", "reasonRequired"));
    expect(() => advanceTopic({ topicId: id, communityId: communityId("shiliu"), action: "reject", actor: committee(), reason: "x" })).toThrow(new DomainError("topic", "notFound"));
    expect(JSON.stringify(topic(id))).toBe(snapshot);
    expect(verifyLedger({ communityId: mingyue() })).toEqual(ledger);
  });

  it("rejects with a public reason", () => {
    const { id } = propose();
    advanceTopic({ topicId: id, communityId: mingyue(), action: "reject", actor: committee(), reason: "属于物业日常维修,已转物业处理" });
    expect(topic(id)).toMatchObject({ state: "rejected", status: "rejected", stage: "collection", publicReason: "属于物业日常维修,已转物业处理" });
  });

  it("merges into another topic: co-signers and the proposer carry over and are told", () => {
    const target = propose("东门照明");
    const dup = createTopic({ communityId: mingyue(), proposerId: userId("resident3"), title: "东门路灯太暗", description: "", location: "", categoryId: null, source: "resident" });
    cosignBy(dup.id, ["rep01", "rep02"]);
    advanceTopic({ topicId: dup.id, communityId: mingyue(), action: "merge", actor: committee(), reason: "与东门照明议题重复", mergeIntoId: target.id });
    expect(topic(dup.id)).toMatchObject({ state: "merged", mergedIntoId: target.id });
    const carried = getDb().select().from(topicCosigns).where(eq(topicCosigns.topicId, target.id)).all().map((c) => c.userId);
    expect(new Set(carried)).toEqual(new Set([userId("resident3"), userId("rep01"), userId("rep02")]));
    expect(topic(target.id).cosignCount).toBe(3);
    const told = getDb().select().from(notifications).where(eq(notifications.kind, "topic.mergedIn")).all().map((n) => n.userId);
    expect(told).toEqual(expect.arrayContaining([userId("resident3"), userId("rep01")]));
    expect(() => advanceTopic({ topicId: target.id, communityId: mingyue(), action: "merge", actor: committee(), reason: "x", mergeIntoId: target.id })).toThrow(new DomainError("topic", "mergeTarget"));
  });
});

describe("deadlines", () => {
  it("expire a topic whose co-sign window ended, once, even when run again after a restart", () => {
    const { id } = propose();
    cosignBy(id, ["rep01"]);
    expect(runDueDeadlines()).toBe(0);
    shiftClock(15 * DAY_MS);
    expect(runDueDeadlines()).toBeGreaterThanOrEqual(1);
    expect(topic(id)).toMatchObject({ state: "expired", status: "expired" });
    expect(runDueDeadlines()).toBe(0);
  });

  it("flag screening that runs past the rules' deadline as overdue, until the committee acts", () => {
    const { id } = createTopic({ communityId: mingyue(), proposerId: userId("committee1"), title: "议事会直接提出", description: "", location: "", categoryId: null, source: "committee" });
    expect(topic(id).state).toBe("screening");
    shiftClock(8 * DAY_MS);
    runDueDeadlines();
    expect(topic(id).overdue).toBe(true);
    advanceTopic({ topicId: id, communityId: mingyue(), action: "accept", actor: committee() });
    expect(topic(id)).toMatchObject({ overdue: false, state: "drafting" });
    expect(verifyLedger({ communityId: mingyue() }).ok).toBe(true);
  });
});
