import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { meetingRequests, meetingRequestSignatures, users } from "../../db/schema";
import type { MeetingBody } from "../workflow/assembly";
import { nextRequestStatus, requestMay } from "../workflow/meeting-lifecycle";
import type { MeetingRequestStatus } from "../workflow/meetings";
import { assemblyRepresentativesThreshold } from "./assembly-request.server";
import { minimumFor } from "../workflow/tally";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { listConvenerIds, meetingRefused, meetingWrite, REPRESENTATIVE, representativeIds, requireRoleIn, type MeetingActor, type MeetingResult } from "./meeting.server";
import { notifyUsers } from "./notification.server";
import { requireRules } from "./rules.server";

/** How many representatives must sign a request: the rules' share (1/5 by law) of all representatives. */
export function requestThreshold(tx: Tx, communityId: number) {
  const r = requireRules(communityId, tx);
  const members = representativeIds(tx, communityId).length;
  return { members, needed: minimumFor(members, { num: r.meetingRequestNum, den: r.meetingRequestDen, inclusive: true }), num: r.meetingRequestNum, den: r.meetingRequestDen };
}

function signatures(tx: Tx, requestId: number): number {
  return tx.select({ n: sql<number>`count(*)` }).from(meetingRequestSignatures).where(eq(meetingRequestSignatures.requestId, requestId)).get()?.n ?? 0;
}

/** Signs (or starts, with its first signature) a request; at the threshold it turns pending and the conveners are told. */
function sign(tx: Tx, actor: MeetingActor, requestId: number) {
  const request = tx.select().from(meetingRequests).where(and(eq(meetingRequests.id, requestId), eq(meetingRequests.communityId, actor.communityId))).get();
  if (!request) throw meetingRefused("notFound");
  if (!requestMay(request.status, "sign")) throw meetingRefused("wrongStatus");
  const added = tx.insert(meetingRequestSignatures).values({ requestId, userId: actor.userId, createdAt: now() }).onConflictDoNothing().run();
  if (added.changes === 0) throw meetingRefused("alreadySigned");
  const count = signatures(tx, requestId);
  // An assembly is asked for by a third of the representatives (assembly-request.server.ts), a meeting of them by the rules' share.
  const { needed, members } = request.body === "assembly" ? assemblyRepresentativesThreshold(tx, actor.communityId) : requestThreshold(tx, actor.communityId);
  appendLedger(tx, { communityId: actor.communityId, type: "meetingRequest.signed", actorId: actor.userId, subject: `meetingRequest:${requestId}`, payload: { signatures: count, needed, members }, at: now() });
  if (count >= needed) turnPending(tx, actor.communityId, request, { signatures: count, needed, members });
  return { signatures: count, needed };
}

/** At the share the law asks: the request turns pending and the conveners are told (they must answer it). */
export function turnPending(tx: Tx, communityId: number, request: { id: number; status: MeetingRequestStatus; reason: string }, payload: Record<string, number>) {
  tx.update(meetingRequests).set({ status: nextRequestStatus(request.status, "reachThreshold"), pendingAt: now() }).where(eq(meetingRequests.id, request.id)).run();
  appendLedger(tx, { communityId, type: "meetingRequest.pending", actorId: null, subject: `meetingRequest:${request.id}`, payload, at: now() });
  notifyUsers(tx, { userIds: listConvenerIds(tx, communityId), communityId, kind: "meeting.requested", payload: { requestId: request.id, signatures: payload.signatures ?? payload.persons ?? 0, reason: request.reason } });
}

/** 提议召开: a representative asks for a meeting (or an assembly), with a reason; their signature is the first. */
export function createMeetingRequest(input: MeetingActor & { reason: string; body?: MeetingBody }): MeetingResult<{ id: number; signatures: number; needed: number }> {
  return meetingWrite({ communityId: input.communityId, meetingId: null }, (tx) => {
    requireRoleIn(input, REPRESENTATIVE);
    const body = input.body ?? "representatives";
    const row = tx.insert(meetingRequests).values({ communityId: input.communityId, reason: input.reason, body, createdBy: input.userId, createdAt: now() }).returning({ id: meetingRequests.id }).get();
    appendLedger(tx, { communityId: input.communityId, type: "meetingRequest.created", actorId: input.userId, subject: `meetingRequest:${row.id}`, payload: { reason: input.reason, ...(body === "assembly" ? { body } : {}) }, at: now() });
    return { id: row.id, ...sign(tx, input, row.id) };
  });
}

export function signMeetingRequest(input: MeetingActor & { requestId: number }): MeetingResult<{ signatures: number; needed: number }> {
  return meetingWrite({ communityId: input.communityId, meetingId: null }, (tx) => {
    requireRoleIn(input, REPRESENTATIVE);
    return sign(tx, input, input.requestId);
  });
}

/** Open and pending requests first, then the last answered ones, each with who signed. */
export function listMeetingRequests({ communityId, userId }: { communityId: number; userId: number }) {
  const db = getDb();
  const threshold = requestThreshold(db, communityId);
  const rows = db
    .select({ id: meetingRequests.id, reason: meetingRequests.reason, status: meetingRequests.status, body: meetingRequests.body, createdAt: meetingRequests.createdAt, pendingAt: meetingRequests.pendingAt, meetingId: meetingRequests.meetingId, author: users.displayName })
    .from(meetingRequests)
    .innerJoin(users, eq(users.id, meetingRequests.createdBy))
    .where(eq(meetingRequests.communityId, communityId))
    .orderBy(sql`case ${meetingRequests.status} when 'pending' then 0 when 'collecting' then 1 else 2 end`, desc(meetingRequests.createdAt))
    .limit(30)
    .all();
  return {
    threshold,
    requests: rows.map((r) => {
      const signers = db
        .select({ userId: meetingRequestSignatures.userId, name: users.displayName })
        .from(meetingRequestSignatures)
        .innerJoin(users, eq(users.id, meetingRequestSignatures.userId))
        .where(eq(meetingRequestSignatures.requestId, r.id))
        .all();
      return { ...r, signatures: signers.length, signers: signers.map((s) => s.name), signed: signers.some((s) => s.userId === userId) };
    }),
  };
}
