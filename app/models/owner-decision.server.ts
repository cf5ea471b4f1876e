import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { catalogueEntries, ownerDecisions, topics, users } from "../../db/schema";
import { checkOwners, impossibleFigures, type OwnersFigures, type OwnersImpossible } from "../workflow/owners";
import type { Role } from "../workflow/roles";
import { localDate } from "../forms/consultation";
import { getTimeZone } from "./time-zone.server";
import { now } from "./clock.server";
import { attempt, refusals, type Result } from "./domain-error.server";
import { appendLedger } from "./ledger.server";
import { publish } from "./publication.server";
import { advanceInTx } from "./workflow.server";
import type { TopicPageTopic } from "./topic-page.server";
import { write } from "./write.server";

/** A refused record; `problem` is a key under `owners.problems` (or, for impossible figures, `owners.impossible`). */
export type OwnersProblem = "notFound" | "wrongRole" | "notOwnersMatter" | "wrongState" | "inFuture" | "beforeTopic" | "recorded" | OwnersImpossible;

const refused = refusals<OwnersProblem>("owners");

function topicOf(tx: Tx, communityId: number, topicId: number) {
  return tx
    .select({ id: topics.id, number: topics.number, title: topics.title, state: topics.state, createdAt: topics.createdAt, ownersDecide: catalogueEntries.ownersDecide })
    .from(topics)
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(and(eq(topics.id, topicId), eq(topics.communityId, communityId)))
    .get();
}

/** Whether a topic's category is decided by the building's owners (it never goes on a meeting's agenda). */
export function isOwnersMatter(tx: Tx, { communityId, topicId }: { communityId: number; topicId: number }): boolean {
  return topicOf(tx, communityId, topicId)?.ownersDecide === true;
}

export interface OwnersInput extends OwnersFigures {
  communityId: number;
  topicId: number;
  userId: number;
  roles: readonly Role[];
  heldOn: string;
}

/**
 * 业主共同决定: the committee records the building owners' result after consultation (民法典 Art. 278);
 * the hall checks the four shares itself. Passed: published on the board and on to execution, like a
 * matter the committee decides. Not passed: the topic ends with the result shown. One record per topic.
 */
export function recordOwnersDecision(input: OwnersInput): Result<OwnersProblem, { id: number; passed: boolean }> {
  // A refused move of the topic is said as the wrong role or the wrong state.
  const moveRefused = (error: { problem: string }) => ({ ok: false as const, problem: error.problem === "wrongRole" ? ("wrongRole" as const) : ("wrongState" as const) });
  return attempt(
    "owners",
    () =>
      write((tx, announce) => {
      const topic = topicOf(tx, input.communityId, input.topicId);
      if (!topic) throw refused("notFound");
      if (!input.roles.includes("committee")) throw refused("wrongRole");
      if (!topic.ownersDecide) throw refused("notOwnersMatter");
      if (tx.select({ id: ownerDecisions.id }).from(ownerDecisions).where(eq(ownerDecisions.topicId, topic.id)).get()) throw refused("recorded");
      if (topic.state !== "consulting") throw refused("wrongState");
      const at = now();
      const zone = getTimeZone(input.communityId);
      if (input.heldOn > localDate(at, zone)) throw refused("inFuture");
      if (input.heldOn < localDate(topic.createdAt, zone)) throw refused("beforeTopic");
      const figures: OwnersFigures = {
        ownersTotal: input.ownersTotal,
        areaTotal: input.areaTotal,
        participants: input.participants,
        participantsArea: input.participantsArea,
        consenting: input.consenting,
        consentingArea: input.consentingArea,
      };
      const impossible = impossibleFigures(figures);
      if (impossible) throw refused(impossible);
      const { passed } = checkOwners(figures);
      const row = tx
        .insert(ownerDecisions)
        .values({ communityId: input.communityId, topicId: topic.id, ...figures, heldOn: input.heldOn, passed, recordedBy: input.userId, createdAt: at })
        .returning({ id: ownerDecisions.id })
        .get();
      appendLedger(tx, { communityId: input.communityId, type: "owners.decided", actorId: input.userId, subject: `topic:${topic.id}`, payload: { decision: row.id, topic: topic.id, ...figures, heldOn: input.heldOn, passed }, at });
      advanceInTx(tx, { topicId: topic.id, communityId: input.communityId, action: passed ? "decideByOwners" : "ownersNotPassed", actor: { userId: input.userId, roles: input.roles } });
      // The publications' kinds have no "owners' decision": it is published as the decision that sends the
      // matter to execution without a meeting (refId: the topic, one decision each), see docs/decisions/024.
      if (passed) publish(tx, { communityId: input.communityId, topicId: topic.id, kind: "committeeDecision", refId: topic.id, title: `#${topic.number} ${topic.title}`, at });
      announce({ name: "topicMoved", payload: { topicId: input.topicId, communityId: input.communityId, from: "consulting", to: passed ? "executing" : "failed" } });
      return { id: row.id, passed };
    }, { durable: true }),
    moveRefused,
  );
}

/**
 * 业主共同决定 on a topic's page: null unless the topic's category is one the owners decide; else the
 * recorded result with the hall's four checks, and whether this person may record it now (only chooses
 * whether the form is shown: recordOwnersDecision decides again). Takes the topic the page has
 * already read: its category's `ownersDecide` flag comes with it.
 */
export function getOwnersSection({ communityId, topic, roles }: { communityId: number; topic: Pick<TopicPageTopic, "id" | "state" | "createdAt" | "ownersDecide">; roles: readonly Role[] }) {
  if (!topic.ownersDecide) return null;
  const topicId = topic.id;
  const db = getDb();
  const row = db
    .select({ decision: ownerDecisions, recordedBy: users.displayName })
    .from(ownerDecisions)
    .innerJoin(users, eq(users.id, ownerDecisions.recordedBy))
    .where(and(eq(ownerDecisions.topicId, topicId), eq(ownerDecisions.communityId, communityId)))
    .get();
  const decision = row
    ? {
        heldOn: row.decision.heldOn,
        recordedBy: row.recordedBy,
        figures: {
          ownersTotal: row.decision.ownersTotal,
          areaTotal: row.decision.areaTotal,
          participants: row.decision.participants,
          participantsArea: row.decision.participantsArea,
          consenting: row.decision.consenting,
          consentingArea: row.decision.consentingArea,
        },
        ...checkOwners(row.decision),
      }
    : null;
  return { decision, mayRecord: !decision && roles.includes("committee") && topic.state === "consulting", today: localDate(now(), getTimeZone(communityId)), earliest: localDate(topic.createdAt, getTimeZone(communityId)) };
}

export type OwnersSection = NonNullable<ReturnType<typeof getOwnersSection>>;
