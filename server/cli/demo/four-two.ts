// 石榴村's 四议两公开 demo (issue 17): a catalogue category the flow applies to (村集体资金使用), the
// village party branch's secretary, and a matter with 党组织提议 and 两委商议 recorded, 党员大会审议 next.
import { sql } from "drizzle-orm";
import { localDate } from "../../../app/forms/consultation";
import { DAY_MS } from "../../../app/models/clock.server";
import { fourTwoStepPayload } from "../../../app/models/four-two.server";
import { appendLedger } from "../../../app/models/ledger.server";
import type { FourTwoStep } from "../../../app/workflow/assembly";
import { catalogueEntries, deliberationSteps, topicEvents, topics } from "../../../db/schema";
import type { Tx } from "../../../db/client.server";

const ZONE = "Asia/Shanghai";

/** 村党支部书记: records the party organisation's steps (FOUR_TWO_ROLES). */

export const DEMO_FOUR_TWO_CATEGORY = { code: "collective-funds", nameZh: "村集体资金使用", nameEn: "Use of village collective funds" };

const TOPIC = {
  title: "村集体资金修建村南机耕路",
  description: "村南机耕路坑洼严重,雨天农机无法通行。拟使用村集体资金约 12 万元硬化路面 800 米。",
  location: "村南机耕路",
};

const STEPS: Array<{ step: FourTwoStep; daysAgo: number; body: string; attended: number; expected: number; outcome: "agreed" | "agreedWithChanges"; minutes: string; by: "party" | "committee" }> = [
  {
    step: "partyProposal",
    daysAgo: 6,
    body: "村党支部委员会",
    attended: 5,
    expected: 5,
    outcome: "agreed",
    minutes: "支部委员会研究认为机耕路硬化是群众急盼的实事,提议使用村集体资金实施,提交村两委会议商议。",
    by: "party",
  },
  {
    step: "twoCommittees",
    daysAgo: 3,
    body: "村两委联席会议",
    attended: 8,
    expected: 9,
    outcome: "agreedWithChanges",
    minutes: "两委成员同意实施,建议公开招标并由村务监督委员会全程监督;预算控制在 12 万元以内。",
    by: "committee",
  },
];

/**
 * Seeds the flow into 石榴村 (called once from seed.ts, inside its transaction), its steps recorded by
 * the party branch's demo account (vparty1). The steps' ledger entries are what
 * recordFourTwoStep would write, so ledger:verify checks them like any other.
 */
export function seedFourTwo(tx: Tx, { communityId, adminId, committeeId, partyId, now }: { communityId: number; adminId: number; committeeId: number; partyId: number; now: number }) {
  const sortOrder = (tx.select({ n: sql<number | null>`max(${catalogueEntries.sortOrder})` }).from(catalogueEntries).where(sql`${catalogueEntries.communityId} = ${communityId}`).get()?.n ?? -1) + 1;
  const entry = { ...DEMO_FOUR_TWO_CATEGORY, needsVote: true, needsPublicity: true, important: true, fourTwo: true, sortOrder };
  const categoryId = tx.insert(catalogueEntries).values({ communityId, ...entry }).returning({ id: catalogueEntries.id }).get().id;
  appendLedger(tx, { communityId, type: "catalogue.added", actorId: adminId, subject: `catalogue:${entry.code}`, payload: { id: categoryId, ...entry } });

  const number = (tx.select({ n: sql<number | null>`max(${topics.number})` }).from(topics).where(sql`${topics.communityId} = ${communityId}`).get()?.n ?? 0) + 1;
  const createdAt = new Date(now - 14 * DAY_MS);
  const acceptedAt = new Date(now - 8 * DAY_MS);
  const topicId = tx
    .insert(topics)
    .values({ communityId, number, ...TOPIC, categoryId, stage: "deliberation", status: "active", state: "drafting", cosignCount: 0, proposerId: committeeId, createdAt, stageEnteredAt: acceptedAt })
    .returning({ id: topics.id })
    .get().id;
  tx.insert(topicEvents).values({ topicId, action: "create", fromState: null, toState: "open", actorId: committeeId, at: createdAt }).run();
  tx.insert(topicEvents).values({ topicId, action: "reachThreshold", fromState: "open", toState: "screening", actorId: null, at: new Date(now - 11 * DAY_MS) }).run();
  tx.insert(topicEvents).values({ topicId, action: "accept", fromState: "screening", toState: "drafting", actorId: committeeId, at: acceptedAt }).run();
  appendLedger(tx, { communityId, type: "topic.seeded", actorId: committeeId, subject: `topic:${topicId}`, payload: { title: TOPIC.title, stage: "deliberation", state: "drafting", cosigners: 0, cosignerIds: [] } });

  for (const s of STEPS) {
    const at = new Date(now - s.daysAgo * DAY_MS);
    const recordedBy = s.by === "party" ? partyId : committeeId;
    const values = { communityId, topicId, step: s.step, heldOn: localDate(at, ZONE), body: s.body, attended: s.attended, expected: s.expected, outcome: s.outcome, minutes: s.minutes, recordedBy, createdAt: at };
    const id = tx.insert(deliberationSteps).values(values).returning({ id: deliberationSteps.id }).get().id;
    appendLedger(tx, { communityId, type: "fourTwo.stepRecorded", actorId: recordedBy, subject: `topic:${topicId}`, payload: { record: id, ...fourTwoStepPayload(values) }, at });
  }
  return { topicId, categoryId, partyId };
}
