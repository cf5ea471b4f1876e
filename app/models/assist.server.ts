import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { type Tx } from "../../db/client.server";
import { assistedActs, consultations, memberships, topics, users, type AssistChannel, type AssistKind } from "../../db/schema";
import type { Stance } from "../forms/consultation";
import type { Rating } from "../workflow/execution";
import type { Role } from "../workflow/roles";
import { now } from "./clock.server";
import { answerSolicitation } from "./consultation.server";
import { coSignTopic } from "./cosign.server";
import { attempt, refusals, type Result } from "./domain-error.server";
import { appendLedger } from "./ledger.server";
import { notifyUsers } from "./notification.server";
import { rateResult } from "./supervision.server";
import { createTopicInTx } from "./topic-create.server";
import { openWindow } from "./execution.server";
import { write } from "./write.server";
import type { Assisted } from "./assisted.server";

/**
 * 代录 (docs/decisions/040-assisted-acts.md): committee staff record a topic, a co-sign, a consultation
 * answer or a satisfaction rating for a resident who came in, phoned or was visited. The act is the
 * person's own, made by the same model function with the person as the actor (the same rules refuse
 * it), in the same write as the assisted_acts row, its `assist.recorded` entry and the person's notice.
 */
export type AssistProblem = "notFound" | "notCommittee" | "notPerson" | "self" | "notConfirmed" | "notOpen" | "ownTopic" | "already" | "notYours" | "withdrawn";
export type AssistResult<T extends object = object> = Result<AssistProblem, T>;
export const assistRefused = refusals<AssistProblem>("assist");

/** A refusal of the act itself (for the person), said in 代录's terms: the staff member is refused for the same reason. */
const AS_ASSIST: Record<string, AssistProblem> = {
  notFound: "notFound",
  notCollecting: "notOpen",
  wrongState: "notOpen",
  closed: "notOpen",
  windowClosed: "notOpen",
  notCosigned: "notOpen",
  ownTopic: "ownTopic",
  notResident: "notPerson",
  wrongRole: "notPerson",
  already: "already",
  alreadyRated: "already",
};
export const asAssist = (problem: string): AssistProblem => AS_ASSIST[problem] ?? "notOpen";

export type AssistAct =
  | { kind: "topic"; title: string; description: string; location: string }
  | { kind: "cosign"; topicId: number }
  | { kind: "answer"; topicId: number; stance: Stance; text: string }
  | { kind: "rating"; topicId: number; rating: Rating; comment: string };

export interface RecordAssist {
  communityId: number;
  recorderId: number;
  roles: readonly Role[];
  personId: number;
  channel: AssistChannel;
  /** The person asked for it: the form's tick, checked here too. */
  confirmed: boolean;
  act: AssistAct;
}

/** The person's roles in this community (none: not a member here, whoever they are elsewhere). */
export function rolesIn(tx: Tx, communityId: number, userId: number): Role[] {
  return tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId))).all().map((m) => m.role);
}

export function recordAssistedAct(input: RecordAssist): AssistResult<{ id: number; topicId: number }> {
  return attempt("assist", () =>
    write((tx) => {
      const { communityId, recorderId, personId, channel, act } = input;
      if (!input.roles.includes("committee")) throw assistRefused("notCommittee");
      const personRoles = rolesIn(tx, communityId, personId);
      if (!personRoles.includes("resident")) throw assistRefused("notPerson");
      if (personId === recorderId) throw assistRefused("self");
      if (!input.confirmed) throw assistRefused("notConfirmed");
      const assisted = { by: recorderId, channel };
      const { topicId, subjectId } = performAct(tx, { communityId, personId, personRoles, assisted, act });
      const at = now();
      const row = tx.insert(assistedActs).values({ communityId, personId, recordedBy: recorderId, channel, kind: act.kind, topicId, subjectId, createdAt: at }).returning({ id: assistedActs.id }).get();
      appendLedger(tx, { communityId, type: "assist.recorded", actorId: recorderId, subject: `topic:${topicId}`, payload: { act: row.id, kind: act.kind, channel, person: personId, subjectId }, at });
      const topic = tx.select({ number: topics.number, title: topics.title }).from(topics).where(eq(topics.id, topicId)).get();
      const by = tx.select({ name: users.displayName }).from(users).where(eq(users.id, recorderId)).get()?.name ?? "";
      notifyUsers(tx, { userIds: [personId], communityId, topicId, kind: "assist.recorded", payload: { act: row.id, kind: act.kind, channel, by, number: topic?.number ?? 0, title: topic?.title ?? "" } });
      return { id: row.id, topicId };
    }),
  );
}

/** Makes the act with the person as its actor; returns the topic and the act's row (assisted_acts.subjectId). */
function performAct(tx: Tx, { communityId, personId, personRoles, assisted, act }: { communityId: number; personId: number; personRoles: readonly Role[]; assisted: Assisted; act: AssistAct }): { topicId: number; subjectId: number } {
  if (act.kind === "topic") {
    const { id } = createTopicInTx(tx, { communityId, proposerId: personId, title: act.title, description: act.description, location: act.location, categoryId: null, source: "resident", assisted });
    return { topicId: id, subjectId: id };
  }
  const { topicId } = act;
  const topic = tx.select({ id: topics.id }).from(topics).where(and(eq(topics.id, topicId), eq(topics.communityId, communityId))).get();
  if (!topic) throw assistRefused("notFound");
  const actor = { communityId, topicId, userId: personId, roles: personRoles, assisted };
  if (act.kind === "cosign") {
    const r = coSignTopic(actor);
    if (!r.ok) throw assistRefused(asAssist(r.problem));
    return { topicId, subjectId: topicId };
  }
  if (act.kind === "answer") {
    const open = tx
      .select({ id: consultations.id })
      .from(consultations)
      .where(and(eq(consultations.topicId, topicId), isNull(consultations.closedAt), gt(consultations.deadline, now())))
      .orderBy(desc(consultations.id))
      .get();
    if (!open) throw assistRefused("notOpen");
    const r = answerSolicitation({ ...actor, consultationId: open.id, stance: act.stance, text: act.text });
    if (!r.ok) throw assistRefused(asAssist(r.problem));
    return { topicId, subjectId: r.id };
  }
  const r = rateResult({ ...actor, rating: act.rating, comment: act.comment });
  if (!r.ok) throw assistRefused(asAssist(r.problem));
  // The window the rating went into: the topic's open one, as rateResult found it.
  return { topicId, subjectId: openWindow(tx, topicId)!.id };
}

export type { AssistChannel, AssistKind };
