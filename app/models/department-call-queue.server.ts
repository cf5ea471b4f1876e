// The department's queue (issue 19): a contact person sees the calls to their department(s) only; the
// street admin sees every call of the street. One call in full for the street's page of it.
import { and, asc, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { communities, departmentCalls, departments, executionTasks, topics } from "../../db/schema";
import { callActionsFor, OPEN_CALL_STATES, type CallAction, type CallActor, type CallOrigin, type CallState } from "../workflow/department-call";
import type { Stage, TopicStatus } from "../workflow/stages";
import type { TopicState } from "../workflow/states";
import { departmentIdsOf } from "./department.server";
import { callsWithEvents, type CallEventView } from "./department-call-read.server";

export type QueueFilter = { state?: CallState | "open" | "overdue"; departmentId?: number };

export interface QueueRow {
  id: number;
  topicId: number;
  topicNumber: number;
  topicTitle: string;
  communityId: number;
  communitySlug: string;
  communityNameZh: string;
  communityNameEn: string;
  departmentId: number;
  departmentNameZh: string;
  departmentNameEn: string;
  taskId: number | null;
  taskTitle: string | null;
  origin: CallOrigin;
  ask: string;
  wantedBy: Date;
  state: CallState;
  sentAt: Date;
  responseDueAt: Date;
  firstRespondedAt: Date | null;
  promisedBy: Date | null;
  percent: number;
  responseOverdue: boolean;
  workOverdue: boolean;
  previousCallId: number | null;
  declineReason: string | null;
  resolvedAt: Date | null;
}

const queueColumns = {
  id: departmentCalls.id,
  topicId: departmentCalls.topicId,
  topicNumber: topics.number,
  topicTitle: topics.title,
  communityId: departmentCalls.communityId,
  communitySlug: communities.slug,
  communityNameZh: communities.nameZh,
  communityNameEn: communities.nameEn,
  departmentId: departmentCalls.departmentId,
  departmentNameZh: departments.nameZh,
  departmentNameEn: departments.nameEn,
  taskId: departmentCalls.taskId,
  taskTitle: executionTasks.title,
  origin: departmentCalls.origin,
  ask: departmentCalls.ask,
  wantedBy: departmentCalls.wantedBy,
  state: departmentCalls.state,
  sentAt: departmentCalls.createdAt,
  responseDueAt: departmentCalls.responseDueAt,
  firstRespondedAt: departmentCalls.firstRespondedAt,
  promisedBy: departmentCalls.promisedBy,
  percent: departmentCalls.percent,
  responseOverdue: departmentCalls.responseOverdue,
  workOverdue: departmentCalls.workOverdue,
  previousCallId: departmentCalls.previousCallId,
  declineReason: departmentCalls.declineReason,
  resolvedAt: departmentCalls.resolvedAt,
};

function queueQuery(where: SQL | undefined) {
  return getDb()
    .select(queueColumns)
    .from(departmentCalls)
    .innerJoin(topics, eq(topics.id, departmentCalls.topicId))
    .innerJoin(communities, eq(communities.id, departmentCalls.communityId))
    .innerJoin(departments, eq(departments.id, departmentCalls.departmentId))
    .leftJoin(executionTasks, eq(executionTasks.id, departmentCalls.taskId))
    .where(where);
}

/** The calls a person of the street may see: a contact's departments' calls, or (the admin) all; open ones first, then the newest. */
export function listDepartmentQueue({ streetId, userId, isAdmin, filter = {} }: { streetId: number; userId: number; isAdmin: boolean; filter?: QueueFilter }): QueueRow[] {
  const mine = isAdmin ? null : departmentIdsOf({ userId, streetId });
  if (mine && mine.length === 0) return [];
  const conditions: (SQL | undefined)[] = [eq(departmentCalls.streetId, streetId)];
  if (mine) conditions.push(inArray(departmentCalls.departmentId, mine));
  if (filter.departmentId !== undefined) conditions.push(eq(departmentCalls.departmentId, filter.departmentId));
  if (filter.state === "open") conditions.push(inArray(departmentCalls.state, [...OPEN_CALL_STATES]));
  else if (filter.state === "overdue")
    conditions.push(or(and(eq(departmentCalls.state, "sent"), eq(departmentCalls.responseOverdue, true)), and(eq(departmentCalls.state, "accepted"), eq(departmentCalls.workOverdue, true))));
  else if (filter.state) conditions.push(eq(departmentCalls.state, filter.state));
  const rows = queueQuery(and(...conditions)).orderBy(desc(departmentCalls.id)).limit(500).all();
  const open = (r: QueueRow) => ((OPEN_CALL_STATES as readonly CallState[]).includes(r.state) ? 0 : 1);
  return rows.sort((a, b) => open(a) - open(b) || (open(a) === 0 ? a.responseDueAt.getTime() - b.responseDueAt.getTime() : 0) || b.id - a.id);
}

export interface CallDetail extends QueueRow {
  topic: { description: string; location: string; stage: Stage; state: TopicState; status: TopicStatus; externalRef: string | null };
  events: CallEventView[];
  /** Who the person is to the call, and what they may do to it now. */
  as: CallActor[];
  actions: CallAction[];
}

/** One call of the street for its admin or a contact of its department; null (a 404) for anyone else or another street's call. */
export function getCallForStreet({ streetId, callId, userId, isAdmin }: { streetId: number; callId: number; userId: number; isAdmin: boolean }): CallDetail | null {
  const row = queueQuery(and(eq(departmentCalls.id, callId), eq(departmentCalls.streetId, streetId))).get();
  if (!row) return null;
  const contact = departmentIdsOf({ userId, streetId }).includes(row.departmentId);
  if (!contact && !isAdmin) return null;
  const topic = getDb()
    .select({ description: topics.description, location: topics.location, stage: topics.stage, state: topics.state, status: topics.status, externalRef: topics.externalRef })
    .from(topics)
    .where(eq(topics.id, row.topicId))
    .get()!;
  const [withEvents] = callsWithEvents([row]);
  const as: CallActor[] = [...(contact ? (["contact"] as const) : []), ...(isAdmin ? (["streetAdmin"] as const) : [])];
  return { ...withEvents, topic, as, actions: callActionsFor(row, as) };
}

/** The departments a person of the street may filter the queue by (all of them for the admin). */
export function queueDepartments({ streetId, userId, isAdmin }: { streetId: number; userId: number; isAdmin: boolean }) {
  const mine = isAdmin ? null : departmentIdsOf({ userId, streetId });
  return getDb()
    .select({ id: departments.id, nameZh: departments.nameZh, nameEn: departments.nameEn, archivedAt: departments.archivedAt })
    .from(departments)
    .where(mine ? and(eq(departments.streetId, streetId), inArray(departments.id, mine.length ? mine : [-1])) : eq(departments.streetId, streetId))
    .orderBy(asc(departments.id))
    .all();
}
