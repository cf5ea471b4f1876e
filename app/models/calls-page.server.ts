import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { communities, departmentCalls, executionTasks, topics } from "../../db/schema";
import type { Role } from "../workflow/roles";
import { listCallsForTopic } from "./department-call-read.server";
import { listDepartments } from "./department.server";

/**
 * The topic page's 部门响应 card (issue 19): the topic's calls with their history for every member,
 * and for the committee while the topic is active what a new call may name — the street's departments
 * that take calls (with their response limit) and the topic's open tasks.
 */

/** The departments a call may go to: the street's, not archived, with how soon each must answer. */
export function callableDepartments(streetId: number) {
  return listDepartments({ streetId, includeArchived: false }).map(({ id, nameZh, nameEn, responseHours }) => ({ id, nameZh, nameEn, responseHours }));
}
export type CallableDepartment = ReturnType<typeof callableDepartments>[number];

/** The ids of a topic's calls (a post naming another topic's call is not found here). */
export function topicCallIds({ communityId, topicId }: { communityId: number; topicId: number }): number[] {
  return getDb()
    .select({ id: departmentCalls.id })
    .from(departmentCalls)
    .where(and(eq(departmentCalls.communityId, communityId), eq(departmentCalls.topicId, topicId)))
    .all()
    .map((r) => r.id);
}

/** The open tasks of a topic (a call may name one of them). */
export function openTasksOf(topicId: number) {
  return getDb()
    .select({ id: executionTasks.id, title: executionTasks.title })
    .from(executionTasks)
    .where(and(eq(executionTasks.topicId, topicId), eq(executionTasks.status, "open"), isNull(executionTasks.removedAt)))
    .orderBy(asc(executionTasks.id))
    .all();
}

export function getTopicCallsSection({ communityId, topicId, roles }: { communityId: number; topicId: number; roles: readonly Role[] }) {
  const calls = listCallsForTopic({ communityId, topicId });
  const topic = getDb()
    .select({ status: topics.status, streetId: communities.streetId })
    .from(topics)
    .innerJoin(communities, eq(communities.id, topics.communityId))
    .where(and(eq(topics.id, topicId), eq(topics.communityId, communityId)))
    .get();
  const committee = roles.includes("committee");
  const mayCall = committee && topic?.status === "active";
  const departments = mayCall && topic ? callableDepartments(topic.streetId) : [];
  return {
    calls,
    /** The committee may call, answer, withdraw and re-dispatch (the model checks each again). */
    mayAct: mayCall,
    departments,
    tasks: mayCall ? openTasksOf(topicId) : [],
  };
}
export type TopicCallsSection = ReturnType<typeof getTopicCallsSection>;
