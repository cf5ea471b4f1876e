import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { communities, memberships, resolutions, streetAdmins, topics } from "../../db/schema";
import { CORRECTABLE_STATUSES, nextResolutionStatus, resolutionMay } from "../workflow/motion-lifecycle";
import type { TopicState } from "../workflow/states";
import { now } from "./clock.server";
import { attempt, refusals, type Result } from "./domain-error.server";
import { notifyUsers } from "./notification.server";
import { publish } from "./publication.server";
import { setResolutionStatus } from "./resolution.server";
import { advanceInTx } from "./workflow.server";
import { write } from "./write.server";

export type CorrectionProblem = "notFound" | "wrongRole" | "wrongState";

const refused = refusals<CorrectionProblem>("correction");

/**
 * 责令改正: an admin of the street the community belongs to orders a resolution in 公示 or in force
 * corrected, with a public reason. The resolution stops (status correctionOrdered), the order is
 * published on the board (kind "correction"), the topic goes back before the representatives' meeting
 * and the committee and conveners are told. Anyone else is refused, whatever the page showed.
 */
export function orderCorrection(input: { communityId: number; topicId: number; resolutionId: number; userId: number; reason: string }): Result<CorrectionProblem> {
  return attempt("correction", () =>
    write((tx, announce) => {
      const community = tx.select({ streetId: communities.streetId }).from(communities).where(eq(communities.id, input.communityId)).get();
      if (!community) throw refused("notFound");
      const admin = tx.select({ userId: streetAdmins.userId }).from(streetAdmins).where(and(eq(streetAdmins.streetId, community.streetId), eq(streetAdmins.userId, input.userId))).get();
      if (!admin) throw refused("wrongRole");
      const resolution = tx
        .select()
        .from(resolutions)
        .where(and(eq(resolutions.id, input.resolutionId), eq(resolutions.communityId, input.communityId), eq(resolutions.topicId, input.topicId)))
        .get();
      if (!resolution) throw refused("notFound");
      const topic = tx.select({ state: topics.state, number: topics.number, title: topics.title }).from(topics).where(eq(topics.id, input.topicId)).get()!;
      if (!resolutionMay(resolution.status, "orderCorrection") || !["publicity", "executing"].includes(topic.state)) throw refused("wrongState");
      const from = topic.state as TopicState;
      const at = now();
      setResolutionStatus(tx, { communityId: input.communityId, resolutionId: resolution.id, topicId: input.topicId, status: nextResolutionStatus(resolution.status, "orderCorrection"), reason: input.reason, actorId: input.userId, at, payload: {} });
      publish(tx, { communityId: input.communityId, topicId: input.topicId, kind: "correction", refId: resolution.id, title: `#${topic.number} ${topic.title}`, at });
      advanceInTx(tx, { topicId: input.topicId, communityId: input.communityId, action: "orderCorrection", actor: "system", reason: input.reason });
      const told = tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.communityId, input.communityId), inArray(memberships.role, ["committee", "convener"])))
        .all()
        .map((r) => r.userId);
      notifyUsers(tx, { userIds: told, communityId: input.communityId, topicId: input.topicId, kind: "resolution.correctionOrdered", payload: { reason: input.reason, number: topic.number, title: topic.title }, exceptUserId: input.userId });
      announce({ name: "topicMoved", payload: { topicId: input.topicId, communityId: input.communityId, from, to: "onAgenda" } });
      return {};
    }, { durable: true }),
  );
}

/**
 * The resolution of a topic the street may order corrected now (published or in force, its topic in
 * 公示 or execution), or null. Only chooses whether the street admin's form is shown: orderCorrection decides again.
 */
export function getCorrectableResolution({ communityId, topicId }: { communityId: number; topicId: number }) {
  const row = getDb()
    .select({ id: resolutions.id, year: resolutions.year, number: resolutions.number, status: resolutions.status, topicState: topics.state })
    .from(resolutions)
    .innerJoin(topics, eq(topics.id, resolutions.topicId))
    .where(and(eq(resolutions.communityId, communityId), eq(resolutions.topicId, topicId), inArray(resolutions.status, [...CORRECTABLE_STATUSES])))
    .orderBy(desc(resolutions.publishedAt))
    .get();
  return row && ["publicity", "executing"].includes(row.topicState) ? { id: row.id, year: row.year, number: row.number } : null;
}
