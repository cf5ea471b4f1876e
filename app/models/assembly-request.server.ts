// 提议召开村(居)民会议 (村委会组织法 Art. 25; 居委会组织法 Art. 26): a third of the representatives sign
// online (the meeting request flow, body 'assembly'), or a tenth of adults — in a city also a tenth of
// the households' representatives — sign on paper and the committee records them from the register.
// Shares are reckoned on today's register; the ledger records member ids and counts, never names.
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { meetingRequestPetitioners, meetingRequests, meetingRequestSignatures } from "../../db/schema";
import { localDate } from "../i18n/time-zone";
import { ASSEMBLY_RULES } from "../workflow/assembly";
import { requestMay } from "../workflow/meeting-lifecycle";
import { minimumFor } from "../workflow/tally";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { representativeIds } from "./meeting.server";
import { turnPending } from "./meeting-request.server";
import { powersRefused, powersWrite, requireCommittee, type PowersActor, type PowersResult } from "./powers.server";
import { communityKind } from "./assembly-roll.server";
import { registerAdults } from "./register.server";
import { getTimeZone } from "./time-zone.server";

/** A third of the community's representatives (the online route). */
export function assemblyRepresentativesThreshold(tx: Tx, communityId: number) {
  const members = representativeIds(tx, communityId).length;
  return { members, needed: minimumFor(members, ASSEMBLY_RULES[communityKind(tx, communityId)].requestByRepresentatives) };
}

/** The shares an assembly request is measured against today, each with the article that sets it. */
export function assemblyRequestShares(tx: Tx, communityId: number) {
  const kind = communityKind(tx, communityId);
  const rules = ASSEMBLY_RULES[kind];
  const adults = registerAdults(tx, communityId, localDate(now(), getTimeZone(communityId)));
  const householdReps = new Set(adults.filter((a) => a.representative).map((a) => a.householdId)).size;
  return {
    kind,
    article: rules.articles.convene,
    representatives: assemblyRepresentativesThreshold(tx, communityId),
    persons: { members: adults.length, needed: minimumFor(adults.length, rules.request.persons!) },
    households: rules.request.households ? { members: householdReps, needed: minimumFor(householdReps, rules.request.households) } : null,
  };
}

/** Who signed a request on paper and still counts today: adults on the register, and of them households' representatives. */
function petitionCounts(tx: Tx, communityId: number, requestId: number) {
  const signed = new Set(tx.select({ memberId: meetingRequestPetitioners.memberId }).from(meetingRequestPetitioners).where(eq(meetingRequestPetitioners.requestId, requestId)).all().map((r) => r.memberId));
  const adults = registerAdults(tx, communityId, localDate(now(), getTimeZone(communityId))).filter((a) => signed.has(a.id));
  return { persons: adults.length, households: new Set(adults.filter((a) => a.representative).map((a) => a.householdId)).size };
}

/** Reached when the paper signatures make a tenth of adults (or, in a city, of households' representatives). */
function paperReached(shares: ReturnType<typeof assemblyRequestShares>, counts: { persons: number; households: number }) {
  return (shares.persons.members > 0 && counts.persons >= shares.persons.needed) || (shares.households !== null && shares.households.members > 0 && counts.households >= shares.households.needed);
}

/** "户号 姓名" per line → the register's members (adults today); the lines that match nobody are answered back. */
function membersOfLines(tx: Tx, communityId: number, lines: readonly string[]) {
  const adults = registerAdults(tx, communityId, localDate(now(), getTimeZone(communityId)));
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const line of lines) {
    const [code, ...rest] = line.trim().split(/[\s,，、]+/);
    const name = rest.join("");
    const match = adults.find((a) => a.code === code && a.name.replace(/\s+/g, "") === name);
    if (match) ids.push(match.id);
    else unknown.push(line.trim());
  }
  return { ids: [...new Set(ids)], unknown };
}

/** The lines that match no adult on today's register (checked before recording, to say which). */
export function unmatchedLines({ communityId, lines }: { communityId: number; lines: readonly string[] }): string[] {
  return membersOfLines(getDb(), communityId, lines.map((l) => l.trim()).filter(Boolean)).unknown;
}

/**
 * 书面提议: the committee records register members who signed a request on paper — a new request for
 * an assembly (`requestId` null, with its reason) or more signers on one still collecting. At a tenth
 * the request turns pending and obliges the convener.
 */
export function recordPetition(input: PowersActor & { requestId: number | null; reason: string; lines: readonly string[] }): PowersResult<{ id: number; persons: number; pending: boolean }> {
  return powersWrite((tx) => {
    requireCommittee(input);
    const lines = input.lines.map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) throw powersRefused("noPetitioners");
    const { ids, unknown } = membersOfLines(tx, input.communityId, lines);
    if (unknown.length > 0) throw powersRefused("notOnRegister");
    const at = now();
    let request;
    if (input.requestId === null) {
      request = tx.insert(meetingRequests).values({ communityId: input.communityId, reason: input.reason, body: "assembly", createdBy: input.userId, createdAt: at }).returning().get();
      appendLedger(tx, { communityId: input.communityId, type: "meetingRequest.created", actorId: input.userId, subject: `meetingRequest:${request.id}`, payload: { reason: input.reason, body: "assembly", onPaper: true }, at });
    } else {
      request = tx.select().from(meetingRequests).where(and(eq(meetingRequests.id, input.requestId), eq(meetingRequests.communityId, input.communityId))).get();
      if (!request || request.body !== "assembly") throw powersRefused("notFound");
      if (!requestMay(request.status, "petition")) throw powersRefused("wrongState");
    }
    const added = ids.filter((memberId) => tx.insert(meetingRequestPetitioners).values({ requestId: request.id, memberId, recordedBy: input.userId, createdAt: at }).onConflictDoNothing().run().changes > 0);
    const shares = assemblyRequestShares(tx, input.communityId);
    const counts = petitionCounts(tx, input.communityId, request.id);
    const figures = { persons: counts.persons, personsNeeded: shares.persons.needed, adults: shares.persons.members, ...(shares.households ? { households: counts.households, householdsNeeded: shares.households.needed } : {}) };
    appendLedger(tx, { communityId: input.communityId, type: "meetingRequest.petitioned", actorId: input.userId, subject: `meetingRequest:${request.id}`, payload: { members: added, ...figures }, at });
    const pending = paperReached(shares, counts);
    if (pending) turnPending(tx, input.communityId, request, figures);
    return { id: request.id, persons: counts.persons, pending };
  });
}

/** For the meetings page: the shares today, and per assembly request its online and paper counts. */
export function assemblyRequestView({ communityId, requestIds }: { communityId: number; requestIds: readonly number[] }) {
  const db = getDb();
  const shares = assemblyRequestShares(db, communityId);
  const counts = new Map<number, { signatures: number; persons: number; households: number }>();
  if (requestIds.length) {
    const online = db
      .select({ requestId: meetingRequestSignatures.requestId, n: sql<number>`count(*)` })
      .from(meetingRequestSignatures)
      .where(inArray(meetingRequestSignatures.requestId, [...requestIds]))
      .groupBy(meetingRequestSignatures.requestId)
      .all();
    for (const id of requestIds) counts.set(id, { signatures: online.find((o) => o.requestId === id)?.n ?? 0, ...petitionCounts(db, communityId, id) });
  }
  return { shares, counts: Object.fromEntries(counts) };
}
