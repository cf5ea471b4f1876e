import { eq } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { communities, topics } from "../../db/schema";
import { can } from "../workflow/capabilities";
import type { Role } from "../workflow/roles";
import type { TopicState } from "../workflow/states";
import { getMemberRoles, isStreetAdmin } from "./community.server";

/** What a person may do with a topic's live draft: edit it, read it, or nothing at all. */
export type DraftAccess = "edit" | "read" | "none";

/** The pure decision: committee edits while drafting/consulting; members and the street admin read. */
export function decideDraftAccess({ state, roles, streetAdmin }: { state: TopicState; roles: readonly Role[]; streetAdmin: boolean }): DraftAccess {
  if (can("editDraft", state, roles)) return "edit";
  return roles.length > 0 || streetAdmin ? "read" : "none";
}

/**
 * A person's access to a topic's draft, scoped by the topic's own community; null when the topic does
 * not exist. `communityId`, when given, must match the topic's (a mismatch reads as unknown).
 */
export function getDraftAccess({ topicId, userId, communityId }: { topicId: number; userId: number; communityId?: number }) {
  const topic = getDb()
    .select({ id: topics.id, communityId: topics.communityId, state: topics.state, streetId: communities.streetId, archivedAt: communities.archivedAt })
    .from(topics)
    .innerJoin(communities, eq(communities.id, topics.communityId))
    .where(eq(topics.id, topicId))
    .get();
  if (!topic || (communityId !== undefined && topic.communityId !== communityId)) return null;
  const roles = getMemberRoles({ userId, communityId: topic.communityId });
  const streetAdmin = roles.length === 0 && isStreetAdmin({ userId, streetId: topic.streetId });
  const access = decideDraftAccess({ state: topic.state, roles, streetAdmin });
  // An archived community is read-only (issue 18): its drafts too, on every socket.
  return { topicId: topic.id, communityId: topic.communityId, state: topic.state, access: topic.archivedAt && access === "edit" ? ("read" as const) : access };
}
