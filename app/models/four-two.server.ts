import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { catalogueEntries, communities, deliberationSteps, topics } from "../../db/schema";
import type { FourTwoStep, StepOutcome } from "../workflow/assembly";
import { FOUR_TWO_STATES, fourTwoBlock, latestSteps, mayRecordStep, nextFourTwoStep, proposalCountsAsReview, type FourTwoBlock, type LatestSteps } from "../workflow/four-two";
import type { Role } from "../workflow/roles";
import { localDate } from "../forms/consultation";
import { getTimeZone } from "./time-zone.server";
import { now } from "./clock.server";
import { attempt, refusals, type Result } from "./domain-error.server";
import { appendLedger } from "./ledger.server";
import { write } from "./write.server";

/** A refused step; `problem` is a key under `fourTwo.problems` in the translations. */
export type FourTwoStepProblem = "notFound" | "wrongRole" | "notFourTwo" | "wrongState" | "outOfOrder" | "inFuture" | "beforeTopic" | "beforePrevious" | "attendance";

const refused = refusals<FourTwoStepProblem>("fourTwo");

type Reader = Pick<Tx, "select">;

/** The topic, whether its category is 四议两公开 in a village (the flow is the village's: 村委会组织法 and provincial rules). */
export function fourTwoTopicOf(tx: Reader, communityId: number, topicId: number) {
  const row = tx
    .select({ id: topics.id, state: topics.state, createdAt: topics.createdAt, fourTwo: catalogueEntries.fourTwo, kind: communities.kind })
    .from(topics)
    .innerJoin(communities, eq(communities.id, topics.communityId))
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(and(eq(topics.id, topicId), eq(topics.communityId, communityId)))
    .get();
  return row ? { ...row, fourTwo: row.fourTwo === true && row.kind === "village" } : undefined;
}

/** Every step recorded on these topics, oldest first (by the day the body met, then the order recorded): the latest of each counts. */
function stepsOf(tx: Reader, communityId: number, topicIds: readonly number[]) {
  if (topicIds.length === 0) return [];
  return tx
    .select()
    .from(deliberationSteps)
    .where(and(eq(deliberationSteps.communityId, communityId), inArray(deliberationSteps.topicId, [...topicIds])))
    .orderBy(asc(deliberationSteps.heldOn), asc(deliberationSteps.id))
    .all();
}

/** The latest outcome of each step of one topic (the party review's gate asks whether 党组织提议 agreed). */
export function latestStepsOf(tx: Reader, communityId: number, topicId: number): LatestSteps {
  return latestSteps(stepsOf(tx, communityId, [topicId]));
}

/** Is the topic a 四议两公开 matter of a village? */
export function isFourTwoTopic(tx: Reader, communityId: number, topicId: number): boolean {
  return fourTwoTopicOf(tx, communityId, topicId)?.fourTwo ?? false;
}

/** Does this topic's agreed 党组织提议 stand for the party organisation's review (party-review.server.ts)? */
export function proposalStandsForReview(tx: Reader, communityId: number, topicId: number): boolean {
  return isFourTwoTopic(tx, communityId, topicId) && proposalCountsAsReview(true, latestStepsOf(tx, communityId, topicId));
}

/**
 * The gate the vote's opening asks (ballot.server.ts openVote), beside the party review's: null when
 * the vote may open, or the first of the three steps not recorded or whose latest record did not agree.
 */
export function fourTwoGate(tx: Tx, { communityId, topicId }: { communityId: number; topicId: number }): FourTwoBlock | null {
  const topic = fourTwoTopicOf(tx, communityId, topicId);
  if (!topic?.fourTwo) return null;
  return fourTwoBlock(true, latestStepsOf(tx, communityId, topicId));
}

/** The gate for each topic of a meeting's agenda at once (the open-vote buttons say why they are disabled). */
export function fourTwoGates({ communityId, topicIds }: { communityId: number; topicIds: readonly number[] }): Map<number, FourTwoBlock | null> {
  const db = getDb();
  const gates = new Map<number, FourTwoBlock | null>();
  const marked = topicIds.filter((id) => isFourTwoTopic(db, communityId, id));
  const steps = stepsOf(db, communityId, marked);
  for (const id of topicIds) gates.set(id, marked.includes(id) ? fourTwoBlock(true, latestSteps(steps.filter((s) => s.topicId === id))) : null);
  return gates;
}

export interface FourTwoStepInput {
  communityId: number;
  topicId: number;
  userId: number;
  roles: readonly Role[];
  step: FourTwoStep;
  heldOn: string;
  body: string;
  attended: number;
  expected: number;
  outcome: StepOutcome;
  minutes: string;
}

/** The ledger payload of a step; the record checks rebuild it from the row and compare. */
export function fourTwoStepPayload(s: { topicId: number; step: string; heldOn: string; body: string; attended: number; expected: number; outcome: string; minutes: string }) {
  return { topic: s.topicId, step: s.step, heldOn: s.heldOn, body: s.body, attended: s.attended, expected: s.expected, outcome: s.outcome, minutes: s.minutes };
}

/**
 * 四议: records one of the three deliberations of a village's 四议两公开 matter — only the next in
 * order (a step that did not agree may be recorded again: the latest counts), by a role that holds it
 * (FOUR_TWO_ROLES), while the matter is before its vote; the day not in the future, not before the
 * topic, not before the step before it; attended ≤ expected. A `fourTwo.stepRecorded` ledger entry.
 */
export function recordFourTwoStep(input: FourTwoStepInput): Result<FourTwoStepProblem, { id: number }> {
  return attempt("fourTwo", () =>
    write((tx) => {
      const topic = fourTwoTopicOf(tx, input.communityId, input.topicId);
      if (!topic) throw refused("notFound");
      if (!mayRecordStep(input.step, input.roles)) throw refused("wrongRole");
      if (!topic.fourTwo) throw refused("notFourTwo");
      if (!FOUR_TWO_STATES.includes(topic.state)) throw refused("wrongState");
      const steps = stepsOf(tx, input.communityId, [topic.id]);
      if (nextFourTwoStep(latestSteps(steps)) !== input.step) throw refused("outOfOrder");
      const at = now();
      const zone = getTimeZone(input.communityId);
      if (input.heldOn > localDate(at, zone)) throw refused("inFuture");
      if (input.heldOn < localDate(topic.createdAt, zone)) throw refused("beforeTopic");
      if (steps.some((s) => s.heldOn > input.heldOn)) throw refused("beforePrevious");
      if (input.attended < 1 || input.expected < 1 || input.attended > input.expected) throw refused("attendance");
      const values = { communityId: input.communityId, topicId: topic.id, step: input.step, heldOn: input.heldOn, body: input.body, attended: input.attended, expected: input.expected, outcome: input.outcome, minutes: input.minutes, recordedBy: input.userId, createdAt: at };
      const row = tx.insert(deliberationSteps).values(values).returning({ id: deliberationSteps.id }).get();
      appendLedger(tx, { communityId: input.communityId, type: "fourTwo.stepRecorded", actorId: input.userId, subject: `topic:${topic.id}`, payload: { record: row.id, ...fourTwoStepPayload(values) }, at });
      return { id: row.id };
    }, { durable: true }),
  );
}

/** Every step of a topic as the topic page shows them, oldest first. */
export function listFourTwoSteps(communityId: number, topicId: number) {
  return stepsOf(getDb(), communityId, [topicId]);
}
