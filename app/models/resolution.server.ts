import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { catalogueEntries, deadlines, memberships, objections, resolutions, topics, users } from "../../db/schema";
import type { ResolutionStatus } from "../workflow/meetings";
import { nextResolutionStatus } from "../workflow/motion-lifecycle";
import type { Role } from "../workflow/roles";
import { DAY_MS, now } from "./clock.server";
import { attempt, refusals, type Result } from "./domain-error.server";
import { appendLedger } from "./ledger.server";
import { listConvenerIds } from "./meeting.server";
import { publicationDays, publish } from "./publication.server";
import { notifyUsers } from "./notification.server";
import { advanceInTx } from "./workflow.server";
import { applyUndo } from "./powers-undo.server";
import { write, type WriteFn } from "./write.server";
import { ratioText } from "../workflow/rule-packs";
import { DEFAULT_TIME_ZONE, localDate } from "../i18n/time-zone";
import { getTimeZone } from "./time-zone.server";

/** The year a resolution is numbered in: the calendar year in the community's zone (its rules). */
export function resolutionYear(at: Date, zone: string = DEFAULT_TIME_ZONE): number {
  return Number(localDate(at, zone).slice(0, 4));
}

export interface PassedMotion {
  id: number;
  topicId: number;
  sha256: string;
  yes: number;
  no: number;
  abstain: number;
  present: number;
  passNum: number;
  passDen: number;
  passInclusive: boolean;
}

/**
 * 决议: numbers a passed motion, moves its topic to 公示 and schedules the end of the period. A
 * category that needs no 公示 takes effect at once. Runs inside the closing transaction.
 */
export function publishResolution(tx: Tx, { communityId, motion, at }: { communityId: number; motion: PassedMotion; at: Date }): number {
  const year = resolutionYear(at, getTimeZone(communityId));
  const number = (tx.select({ n: sql<number>`coalesce(max(${resolutions.number}), 0)` }).from(resolutions).where(and(eq(resolutions.communityId, communityId), eq(resolutions.year, year))).get()?.n ?? 0) + 1;
  const publicityDays = publicationDays(tx, communityId);
  const category = tx
    .select({ needsPublicity: catalogueEntries.needsPublicity })
    .from(topics)
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(eq(topics.id, motion.topicId))
    .get();
  const needsPublicity = category?.needsPublicity !== false;
  const publicityEndsAt = new Date(at.getTime() + (needsPublicity ? publicityDays : 0) * DAY_MS);
  const id = insertResolution(tx, { communityId, motion, year, number, at, publicityEndsAt });
  // 撤销 / 变更 (村委会组织法 Art. 27; 居委会组织法 Art. 30 ¶3): the resolution the topic named no longer stands.
  applyUndo(tx, { communityId, topicId: motion.topicId, resolutionId: id, at });
  advanceInTx(tx, { topicId: motion.topicId, communityId, action: "pass", actor: "system" });
  // 公示 on the board (村委会组织法 Art. 35, 居委会组织法 Art. 34): every resolution, for the period's 15 days or more.
  publishOnBoard(tx, { communityId, topicId: motion.topicId, resolutionId: id, at });
  if (needsPublicity) tx.insert(deadlines).values({ communityId, topicId: motion.topicId, kind: "publicity", dueAt: publicityEndsAt }).run();
  else settlePublicity(tx, { communityId, topicId: motion.topicId, at });
  return id;
}

/**
 * What publishing a passed motion records: the numbered resolution (in 公示 until `publicityEndsAt`)
 * and its `resolution.published` ledger entry with the vote's figures. `publishResolution` runs it
 * when a vote closes; the demo seed runs it for the history it writes, with that history's dates.
 */
export function insertResolution(tx: Tx, { communityId, motion, year, number, at, publicityEndsAt }: { communityId: number; motion: PassedMotion; year: number; number: number; at: Date; publicityEndsAt: Date }): number {
  const row = tx
    .insert(resolutions)
    .values({ communityId, year, number, motionId: motion.id, topicId: motion.topicId, sha256: motion.sha256, publishedAt: at, publicityEndsAt })
    .returning({ id: resolutions.id })
    .get();
  appendLedger(tx, {
    communityId,
    type: "resolution.published",
    actorId: null,
    subject: `resolution:${row.id}`,
    payload: {
      year,
      number,
      motion: motion.id,
      topic: motion.topicId,
      sha256: motion.sha256,
      present: motion.present,
      yes: motion.yes,
      no: motion.no,
      abstain: motion.abstain,
      rule: ratioText({ num: motion.passNum, den: motion.passDen, inclusive: motion.passInclusive }),
      publicityEndsAt: publicityEndsAt.toISOString(),
    },
    at,
  });
  return row.id;
}

/** 公示 on the board (村委会组织法 Art. 35, 居委会组织法 Art. 34): a resolution under its topic's title. */
export function publishOnBoard(tx: Tx, { communityId, topicId, resolutionId, at }: { communityId: number; topicId: number; resolutionId: number; at: Date }) {
  const title = tx.select({ title: topics.title }).from(topics).where(eq(topics.id, topicId)).get()?.title ?? "";
  publish(tx, { communityId, topicId, kind: "resolution", refId: resolutionId, title, at });
}

function openObjections(tx: Tx, resolutionId: number): number {
  return tx.select({ n: sql<number>`count(*)` }).from(objections).where(and(eq(objections.resolutionId, resolutionId), isNull(objections.answeredAt))).get()?.n ?? 0;
}

function currentResolution(tx: Tx, communityId: number, topicId: number) {
  return tx
    .select()
    .from(resolutions)
    .where(and(eq(resolutions.communityId, communityId), eq(resolutions.topicId, topicId), eq(resolutions.status, "publicity")))
    .get();
}

/**
 * The end of 公示: the resolution takes effect and the topic moves to execution — unless an objection
 * is still unanswered, in which case it waits (returns false) until the committee answers the last one.
 */
export function settlePublicity(tx: Tx, { communityId, topicId, at }: { communityId: number; topicId: number; at: Date }): boolean {
  const resolution = currentResolution(tx, communityId, topicId);
  if (!resolution) return false;
  if (resolution.publicityEndsAt.getTime() > at.getTime()) return false;
  if (openObjections(tx, resolution.id) > 0) return false;
  tx.update(resolutions).set({ status: nextResolutionStatus(resolution.status, "takeEffect"), effectiveAt: at }).where(eq(resolutions.id, resolution.id)).run();
  appendLedger(tx, { communityId, type: "resolution.effective", actorId: null, subject: `resolution:${resolution.id}`, payload: { topic: topicId }, at });
  advanceInTx(tx, { topicId, communityId, action: "endPublicity", actor: "system" });
  return true;
}

export type ObjectionProblem = "notFound" | "wrongRole" | "periodOver" | "answered";
type ObjectionResult<T extends object = object> = Result<ObjectionProblem, T>;

const refused = refusals<ObjectionProblem>("objection");

/** A durable write; a refused move of the topic is said as the wrong role or an objection already answered. */
function objectionWrite<T extends object>(fn: WriteFn<T>): ObjectionResult<T> {
  return attempt("objection", () => write(fn, { durable: true }), (error) => ({ ok: false, problem: error.problem === "wrongRole" ? "wrongRole" : "answered" }));
}

const MAY_OBJECT: readonly Role[] = ["resident", "representative"];

/** 公示异议: a resident objects to a resolution while it is published; the committee is told. */
export function lodgeObjection(input: { communityId: number; topicId: number; userId: number; roles: readonly Role[]; body: string }): ObjectionResult<{ id: number }> {
  return objectionWrite((tx) => {
    if (!input.roles.some((r) => MAY_OBJECT.includes(r))) throw refused("wrongRole");
    const resolution = currentResolution(tx, input.communityId, input.topicId);
    if (!resolution) throw refused("periodOver");
    const at = now();
    if (resolution.publicityEndsAt.getTime() <= at.getTime()) throw refused("periodOver");
    const row = tx.insert(objections).values({ resolutionId: resolution.id, userId: input.userId, body: input.body, createdAt: at }).returning({ id: objections.id }).get();
    appendLedger(tx, { communityId: input.communityId, type: "objection.lodged", actorId: input.userId, subject: `resolution:${resolution.id}`, payload: { objection: row.id, topic: input.topicId }, at });
    const committee = tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.communityId, input.communityId), eq(memberships.role, "committee")))
      .all()
      .map((r) => r.userId);
    const topic = tx.select({ number: topics.number, title: topics.title }).from(topics).where(eq(topics.id, input.topicId)).get()!;
    notifyUsers(tx, { userIds: committee, communityId: input.communityId, topicId: input.topicId, kind: "objection.lodged", payload: { number: topic.number, title: topic.title }, exceptUserId: input.userId });
    return { id: row.id };
  });
}

/**
 * The committee answers an objection. Upheld: the resolution is suspended (暂缓执行), never revoked — the
 * committee may not undo the representatives' decision (居委会组织法 Art. 30) — and the topic goes back
 * to wait for the next meeting's agenda, where the meeting votes again; the conveners are told. Not
 * upheld: when the period is over and nothing else is open, the resolution takes effect now.
 */
export function answerObjection(input: { communityId: number; topicId: number; objectionId: number; userId: number; roles: readonly Role[]; answer: string; upheld: boolean }): ObjectionResult<{ settled: boolean }> {
  return objectionWrite((tx, announce) => {
    const moved = (to: "onAgenda" | "executing") => announce({ name: "topicMoved", payload: { topicId: input.topicId, communityId: input.communityId, from: "publicity", to } });
    if (!input.roles.includes("committee")) throw refused("wrongRole");
    const resolution = currentResolution(tx, input.communityId, input.topicId);
    const objection = resolution
      ? tx.select().from(objections).where(and(eq(objections.id, input.objectionId), eq(objections.resolutionId, resolution.id))).get()
      : undefined;
    if (!resolution || !objection) throw refused("notFound");
    if (objection.answeredAt) throw refused("answered");
    const at = now();
    tx.update(objections).set({ answer: input.answer, upheld: input.upheld, answeredBy: input.userId, answeredAt: at }).where(eq(objections.id, objection.id)).run();
    appendLedger(tx, { communityId: input.communityId, type: "objection.answered", actorId: input.userId, subject: `resolution:${resolution.id}`, payload: { objection: objection.id, upheld: input.upheld }, at });
    notifyUsers(tx, { userIds: [objection.userId], communityId: input.communityId, topicId: input.topicId, kind: "objection.answered", payload: { upheld: input.upheld, ...topicRef(tx, input.topicId) }, exceptUserId: input.userId });
    if (input.upheld) {
      setResolutionStatus(tx, { communityId: input.communityId, resolutionId: resolution.id, topicId: input.topicId, status: nextResolutionStatus(resolution.status, "suspend"), reason: input.answer, actorId: input.userId, at, payload: { objection: objection.id } });
      advanceInTx(tx, { topicId: input.topicId, communityId: input.communityId, action: "upholdObjection", actor: { userId: input.userId, roles: input.roles }, reason: input.answer });
      notifyUsers(tx, { userIds: listConvenerIds(tx, input.communityId), communityId: input.communityId, topicId: input.topicId, kind: "resolution.suspended", payload: { reason: input.answer, ...topicRef(tx, input.topicId) }, exceptUserId: input.userId });
      moved("onAgenda");
      return { settled: true };
    }
    const settled = settlePublicity(tx, { communityId: input.communityId, topicId: input.topicId, at });
    if (settled) moved("executing");
    return { settled };
  });
}

/** 暂缓执行 / 责令改正: the resolution's new status with when and the public reason, and its ledger entry. */
export function setResolutionStatus(
  tx: Tx,
  input: { communityId: number; resolutionId: number; topicId: number; status: ResolutionStatus; reason: string; actorId: number; at: Date; payload: Record<string, number> },
) {
  tx.update(resolutions).set({ status: input.status, statusAt: input.at, statusReason: input.reason }).where(eq(resolutions.id, input.resolutionId)).run();
  appendLedger(tx, {
    communityId: input.communityId,
    type: `resolution.${input.status}`,
    actorId: input.actorId,
    subject: `resolution:${input.resolutionId}`,
    payload: { ...input.payload, topic: input.topicId, reason: input.reason },
    at: input.at,
  });
}


function topicRef(tx: Tx, topicId: number) {
  const t = tx.select({ number: topics.number, title: topics.title }).from(topics).where(eq(topics.id, topicId)).get()!;
  return { number: t.number, title: t.title };
}

/** Every resolution of a topic (a suspended, corrected or revoked one stays on record), with its objections and their answers. */
export function listTopicResolutions({ communityId, topicId }: { communityId: number; topicId: number }) {
  const db = getDb();
  const rows = db
    .select()
    .from(resolutions)
    .where(and(eq(resolutions.communityId, communityId), eq(resolutions.topicId, topicId)))
    .orderBy(desc(resolutions.publishedAt))
    .all();
  return rows.map((r) => ({
    ...r,
    objections: db
      .select({ id: objections.id, body: objections.body, createdAt: objections.createdAt, answer: objections.answer, upheld: objections.upheld, answeredAt: objections.answeredAt, author: users.displayName })
      .from(objections)
      .innerJoin(users, eq(users.id, objections.userId))
      .where(eq(objections.resolutionId, r.id))
      .orderBy(asc(objections.createdAt))
      .all(),
  }));
}
