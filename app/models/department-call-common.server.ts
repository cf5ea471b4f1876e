// What the call writes share (issue 19, 吹哨 / 街道派单): the refusals, the actors, loading a call and who
// may act on it, and recording one step (its event row and its ledger entry, in the same transaction).
import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.server";
import { departmentCallEvents, departmentCalls, memberships, streetAdmins, streets, topics } from "../../db/schema";
import { CALL_TEXT_MAX, CALL_TRANSITIONS, callActionOpen, type CallAction, type CallActor, type CallEventKind, type CallState } from "../workflow/department-call";
import type { Role } from "../workflow/roles";
import { attempt, refusals, type Result } from "./domain-error.server";
import { departmentIdsOf } from "./department.server";
import { appendLedger } from "./ledger.server";
import type { JsonValue } from "./canonical-json";
import { write } from "./write.server";

/** A refused call action; `problem` is a key under `call.problems`. `badText` / `badPercent` guard the model behind the forms. */
export type CallProblem =
  | "notFound"
  | "wrongRole"
  | "wrongState"
  | "notContact"
  | "unknownDepartment"
  | "departmentArchived"
  | "unknownTask"
  | "topicNotActive"
  | "dateInPast"
  | "alreadyCalled"
  | "needsEvidence"
  | "badText"
  | "badPercent";

export const callRefused = refusals<CallProblem>("call");
export type CallResult<T extends object = object> = Result<CallProblem, T>;

/** The committee of a community acts. */
export interface CommunityActor {
  communityId: number;
  userId: number;
  roles: readonly Role[];
}

/** Someone of the street acts: its admin or a contact person of a department (the model checks which). */
export interface StreetActor {
  streetId: number;
  userId: number;
}

export const isCommunityActor = (a: CommunityActor | StreetActor): a is CommunityActor => "communityId" in a;

/** One write of the call domain: a refusal is answered as `{ ok: false, problem }`, nothing stored. */
export function callWrite<T extends object>(fn: (tx: Tx) => T): CallResult<T> {
  return attempt("call", () => write((tx) => fn(tx)));
}

export type CallRow = typeof departmentCalls.$inferSelect;

/** 1..2000 characters after trimming (the forms trim; the model still refuses what they would). */
export function checkText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length < 1 || trimmed.length > CALL_TEXT_MAX) throw callRefused("badText");
  return trimmed;
}

export function isAdminOf(tx: Tx, userId: number, streetId: number): boolean {
  return tx.select({ userId: streetAdmins.userId }).from(streetAdmins).where(and(eq(streetAdmins.userId, userId), eq(streetAdmins.streetId, streetId))).get() !== undefined;
}

/**
 * The call and who the actor is to it. A call of another community or street is not found; a committee
 * acts only on the calls its community made (the street's own dispatches are the street's to handle).
 */
export function callFor(tx: Tx, actor: CommunityActor | StreetActor, callId: number, action: CallAction): { call: CallRow; as: CallActor } {
  const call = tx.select().from(departmentCalls).where(eq(departmentCalls.id, callId)).get();
  if (!call) throw callRefused("notFound");
  const allowed = CALL_TRANSITIONS[action].by;
  let as: CallActor | null = null;
  if (isCommunityActor(actor)) {
    if (call.communityId !== actor.communityId) throw callRefused("notFound");
    if (!actor.roles.includes("committee") || !allowed.includes("committee") || call.origin !== "community") throw callRefused("wrongRole");
    as = "committee";
  } else {
    if (call.streetId !== actor.streetId) throw callRefused("notFound");
    const contact = departmentIdsOf({ userId: actor.userId, streetId: actor.streetId }, tx);
    const admin = isAdminOf(tx, actor.userId, actor.streetId);
    if (allowed.includes("contact") && contact.includes(call.departmentId)) as = "contact";
    else if (allowed.includes("streetAdmin") && admin) as = "streetAdmin";
    else if (allowed.includes("contact") && (admin || contact.length > 0)) throw callRefused("notContact");
    else throw callRefused(contact.length > 0 || admin ? "wrongRole" : "notFound");
  }
  if (!callActionOpen(action, call)) throw callRefused("wrongState");
  return { call, as };
}

/** The committee of a community (told when a department answers or reports). */
export function committeeIds(tx: Tx, communityId: number): number[] {
  return tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.role, "committee")))
    .all()
    .map((r) => r.userId);
}

export function streetAdminIds(tx: Tx, streetId: number): number[] {
  return tx.select({ userId: streetAdmins.userId }).from(streetAdmins).where(eq(streetAdmins.streetId, streetId)).all().map((r) => r.userId);
}

/** What a notification of a call says about it (numbers and titles, never names). */
export function callRef(tx: Tx, call: Pick<CallRow, "id" | "topicId" | "streetId">): { [k: string]: JsonValue } {
  const topic = tx.select({ number: topics.number, title: topics.title }).from(topics).where(eq(topics.id, call.topicId)).get()!;
  const street = tx.select({ slug: streets.slug }).from(streets).where(eq(streets.id, call.streetId)).get()!;
  return { number: topic.number, title: topic.title, callId: call.id, street: street.slug };
}

export interface Step {
  kind: CallEventKind;
  actorId: number | null;
  body?: string;
  percent?: number | null;
  dueAt?: Date | null;
  at: Date;
  /** The call's state and percentage after the step (what the record check replays). */
  state: CallState;
  percentAfter: number;
  /** More of the entry's payload: dates, photo hashes, the next call (ids and dates only). */
  extra?: { [k: string]: JsonValue };
}

/** One step of a call: its event row and its ledger entry (type `call.<kind>`, subject `topic:<id>`). Returns the event's id. */
export function recordStep(tx: Tx, call: Pick<CallRow, "id" | "communityId" | "topicId" | "departmentId" | "origin" | "taskId">, step: Step): number {
  const event = tx
    .insert(departmentCallEvents)
    .values({ callId: call.id, kind: step.kind, body: step.body ?? "", percent: step.percent ?? null, dueAt: step.dueAt ?? null, actorId: step.actorId, at: step.at })
    .returning({ id: departmentCallEvents.id })
    .get();
  appendLedger(tx, {
    communityId: call.communityId,
    type: `call.${step.kind}`,
    actorId: step.actorId,
    subject: `topic:${call.topicId}`,
    payload: { call: call.id, event: event.id, department: call.departmentId, origin: call.origin, task: call.taskId, state: step.state, percent: step.percentAfter, ...step.extra },
    at: step.at,
  });
  return event.id;
}
