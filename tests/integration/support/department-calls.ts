// Calls on departments as rows in the real tables (issue 19, part reports): the calls model is another
// part's, so these tests write what it would write. After the merge this may switch to the model.
import { and, eq } from "drizzle-orm";
import { getDb } from "../../../db/client.server";
import { departmentCallEvents, departmentCalls, departments, streets, topics } from "../../../db/schema";
import type { CallOrigin, CallState } from "~/workflow/department-call";
import { userId } from "./db";

export const HOUR_MS = 3_600_000;

export function streetIdOf(slug = "huacheng"): number {
  return getDb().select({ id: streets.id }).from(streets).where(eq(streets.slug, slug)).get()!.id;
}

export function departmentId(nameZh: string, streetSlug = "huacheng"): number {
  return getDb().select({ id: departments.id }).from(departments).where(and(eq(departments.nameZh, nameZh), eq(departments.streetId, streetIdOf(streetSlug)))).get()!.id;
}

export interface CallRow {
  topicId: number;
  department: string;
  sentAt: Date;
  /** Hours after sending of the first answer (accept/question/decline); none: never answered. */
  respondedAfterHours?: number;
  state?: CallState;
  promisedBy?: Date;
  resolvedAt?: Date;
  result?: string;
  declineReason?: string;
  origin?: CallOrigin;
  /** The department's street (default huacheng). */
  street?: string;
}

/** A call as the calls model leaves it, with its history (sent, first answer, result). */
export function insertCall(c: CallRow): number {
  const db = getDb();
  const topic = db.select({ communityId: topics.communityId }).from(topics).where(eq(topics.id, c.topicId)).get()!;
  const dept = db.select().from(departments).where(eq(departments.id, departmentId(c.department, c.street))).get()!;
  const firstAt = c.respondedAfterHours === undefined ? null : new Date(c.sentAt.getTime() + c.respondedAfterHours * HOUR_MS);
  const state = c.state ?? (c.resolvedAt ? "resolved" : firstAt ? "accepted" : "sent");
  const responseDueAt = new Date(c.sentAt.getTime() + dept.responseHours * HOUR_MS);
  const committee = userId("committee1");
  const call = db
    .insert(departmentCalls)
    .values({
      streetId: dept.streetId,
      communityId: topic.communityId,
      topicId: c.topicId,
      departmentId: dept.id,
      origin: c.origin ?? "community",
      ask: "请协助处理",
      wantedBy: new Date(c.sentAt.getTime() + 7 * 24 * HOUR_MS),
      state,
      responseDueAt,
      firstRespondedAt: firstAt,
      promisedBy: c.promisedBy ?? null,
      percent: c.resolvedAt ? 100 : 0,
      declineReason: c.declineReason ?? null,
      resolvedAt: c.resolvedAt ?? null,
      responseOverdue: firstAt === null ? false : firstAt.getTime() > responseDueAt.getTime(),
      createdBy: committee,
      createdAt: c.sentAt,
    })
    .returning({ id: departmentCalls.id })
    .get();
  const events: Array<typeof departmentCallEvents.$inferInsert> = [{ callId: call.id, kind: "sent", body: "请协助处理", actorId: committee, at: c.sentAt }];
  if (firstAt) events.push({ callId: call.id, kind: state === "declined" ? "declined" : "accepted", body: c.declineReason ?? "", dueAt: c.promisedBy ?? null, actorId: null, at: firstAt });
  if (c.resolvedAt) events.push({ callId: call.id, kind: "resolved", body: c.result ?? "已处理", percent: 100, actorId: null, at: c.resolvedAt });
  db.insert(departmentCallEvents).values(events).run();
  return call.id;
}
