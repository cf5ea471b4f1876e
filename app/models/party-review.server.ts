import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { catalogueEntries, partyReviews, topics, users } from "../../db/schema";
import type { PartyReviewOutcome } from "../workflow/meetings";
import { partyReviewArticleOf, partyReviewBlock, type PartyReviewBlock } from "../workflow/party-review";
import type { Role } from "../workflow/roles";
import type { TopicState } from "../workflow/states";
import { localDate } from "../forms/consultation";
import { getTimeZone } from "./time-zone.server";
import { now } from "./clock.server";
import { attempt, refusals, type Result } from "./domain-error.server";
import { appendLedger } from "./ledger.server";
import { write } from "./write.server";
import type { TopicPageTopic } from "./topic-page.server";
import { getRules } from "./rules.server";
import { proposalStandsForReview } from "./four-two.server";

/** A refused review record; `problem` is a key under `party.problems` in the translations. */
export type PartyReviewProblem = "notFound" | "wrongRole" | "notImportant" | "wrongState" | "inFuture" | "beforeTopic";

const refused = refusals<PartyReviewProblem>("party");

/** The states in which the matter is still before its vote: the party organisation studies it then. */
const REVIEWABLE: readonly TopicState[] = ["screening", "drafting", "consulting", "onAgenda"];

function topicOf(tx: Tx, communityId: number, topicId: number) {
  return tx
    .select({ id: topics.id, state: topics.state, createdAt: topics.createdAt, important: catalogueEntries.important })
    .from(topics)
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(and(eq(topics.id, topicId), eq(topics.communityId, communityId)))
    .get();
}

function latestOutcome(tx: Tx, topicId: number): PartyReviewOutcome | null {
  return (
    tx
      .select({ outcome: partyReviews.outcome })
      .from(partyReviews)
      .where(eq(partyReviews.topicId, topicId))
      .orderBy(desc(partyReviews.reviewedOn), desc(partyReviews.id))
      .get()?.outcome ?? null
  );
}

/**
 * The gate the vote's opening asks (ballot.server.ts openVote): null when the vote may open, or why
 * not — the topic's category is 重要事项 and the party organisation's review is not recorded, or did
 * not agree (居委会组织法第三十条第四款, 村委会组织法第二十八条第三款).
 */
export function partyReviewGate(tx: Tx, { communityId, topicId }: { communityId: number; topicId: number }): PartyReviewBlock | null {
  const topic = topicOf(tx, communityId, topicId);
  if (!topic) return null;
  if (topic.important !== true) return null;
  return partyReviewBlock(true, latestOutcome(tx, topicId), proposalStandsForReview(tx, communityId, topicId));
}

/** The gate for each topic of a meeting's agenda at once (the open-vote buttons say why they are disabled). */
export function partyReviewGates({ communityId, topicIds }: { communityId: number; topicIds: readonly number[] }): Map<number, PartyReviewBlock | null> {
  const db = getDb();
  const gates = new Map<number, PartyReviewBlock | null>();
  if (topicIds.length === 0) return gates;
  const important = db
    .select({ id: topics.id, important: catalogueEntries.important })
    .from(topics)
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(and(eq(topics.communityId, communityId), inArray(topics.id, [...topicIds])))
    .all();
  for (const t of important) gates.set(t.id, t.important ? partyReviewBlock(true, latestOutcome(db, t.id), proposalStandsForReview(db, communityId, t.id)) : null);
  return gates;
}

export interface PartyReviewInput {
  communityId: number;
  topicId: number;
  userId: number;
  roles: readonly Role[];
  reviewedOn: string;
  body: string;
  outcome: PartyReviewOutcome;
  note: string;
}

/** The ledger payload of a review; the record checks rebuild it from the row and compare. */
export function partyReviewPayload(r: { topicId: number; reviewedOn: string; body: string; outcome: string; note: string }) {
  return { topic: r.topicId, reviewedOn: r.reviewedOn, body: r.body, outcome: r.outcome, note: r.note };
}

/**
 * 党组织研究讨论: a member holding the party organisation's role records the review of an important
 * matter — the day it met (not in the future, not before the topic existed), the body, the outcome and
 * a note or minutes. A ledger entry on the topic; the latest review is the one the vote's gate reads.
 */
export function recordPartyReview(input: PartyReviewInput): Result<PartyReviewProblem, { id: number }> {
  return attempt("party", () =>
      write((tx) => {
        const topic = topicOf(tx, input.communityId, input.topicId);
        if (!topic) throw refused("notFound");
        if (!input.roles.includes("party")) throw refused("wrongRole");
        if (!topic.important) throw refused("notImportant");
        if (!REVIEWABLE.includes(topic.state)) throw refused("wrongState");
        const at = now();
        const zone = getTimeZone(input.communityId);
        if (input.reviewedOn > localDate(at, zone)) throw refused("inFuture");
        if (input.reviewedOn < localDate(topic.createdAt, zone)) throw refused("beforeTopic");
        const values = { communityId: input.communityId, topicId: topic.id, reviewedOn: input.reviewedOn, body: input.body, outcome: input.outcome, note: input.note, recordedBy: input.userId, createdAt: at };
        const row = tx.insert(partyReviews).values(values).returning({ id: partyReviews.id }).get();
        appendLedger(tx, { communityId: input.communityId, type: "party.reviewed", actorId: input.userId, subject: `topic:${topic.id}`, payload: { review: row.id, ...partyReviewPayload(values) }, at });
        return { id: row.id };
      }, { durable: true }),
  );
}

/**
 * 党组织研究讨论 on a topic's page: null unless the topic's category is 重要事项; else the article that
 * asks for it, every review recorded (newest first), what the gate says now and whether this person
 * may record one (only chooses whether the form is shown: recordPartyReview decides again). Takes
 * the topic the page has already read: its category's `important` flag comes with it.
 */
export function getPartyReviewSection({ communityId, topic, roles }: { communityId: number; topic: Pick<TopicPageTopic, "id" | "state" | "createdAt" | "important">; roles: readonly Role[] }) {
  if (!topic.important) return null;
  const topicId = topic.id;
  const db = getDb();
  const pack = getRules({ communityId })?.pack ?? "";
  const reviews = db
    .select({ id: partyReviews.id, reviewedOn: partyReviews.reviewedOn, body: partyReviews.body, outcome: partyReviews.outcome, note: partyReviews.note, recordedBy: users.displayName })
    .from(partyReviews)
    .innerJoin(users, eq(users.id, partyReviews.recordedBy))
    .where(eq(partyReviews.topicId, topicId))
    .orderBy(desc(partyReviews.reviewedOn), desc(partyReviews.id))
    .all();
  // A village's 四议两公开 matter whose 党组织提议 agreed: that proposal stands for a review not recorded separately.
  const coveredByProposal = proposalStandsForReview(db, communityId, topicId);
  return {
    article: partyReviewArticleOf(pack),
    reviews,
    coveredByProposal,
    // What the gate would say, only while the matter is still before its vote (an old vote stands).
    block: REVIEWABLE.includes(topic.state) ? partyReviewBlock(true, reviews[0]?.outcome ?? null, coveredByProposal) : null,
    beforeVote: REVIEWABLE.includes(topic.state),
    mayRecord: roles.includes("party") && REVIEWABLE.includes(topic.state),
    today: localDate(now(), getTimeZone(communityId)),
    earliest: localDate(topic.createdAt, getTimeZone(communityId)),
  };
}

export type PartyReviewSection = NonNullable<ReturnType<typeof getPartyReviewSection>>;

/** The latest review of each of these topics (the board says its date and outcome beside the resolution). */
export function latestPartyReviews({ communityId, topicIds }: { communityId: number; topicIds: readonly number[] }) {
  const latest = new Map<number, { reviewedOn: string; body: string; outcome: PartyReviewOutcome }>();
  if (topicIds.length === 0) return latest;
  const rows = getDb()
    .select({ topicId: partyReviews.topicId, reviewedOn: partyReviews.reviewedOn, body: partyReviews.body, outcome: partyReviews.outcome })
    .from(partyReviews)
    .where(and(eq(partyReviews.communityId, communityId), inArray(partyReviews.topicId, [...topicIds])))
    .orderBy(desc(partyReviews.reviewedOn), desc(partyReviews.id))
    .all();
  for (const { topicId, ...r } of rows) if (!latest.has(topicId)) latest.set(topicId, r);
  return latest;
}
