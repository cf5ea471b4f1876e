import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { prepared } from "../../db/prepared";
import { executionResults, executionTasks, ledgerEntries, meetings, motions, progressReports, rectifications, units, users, verifications } from "../../db/schema";
import { STAGES, type Stage } from "../workflow/stages";
import { STATE_INFO } from "../workflow/states";
import type { listTopicEvents } from "./topic-page.server";
import type { StoredMessage } from "../i18n/stored-message";

/** The ledger entry types that belong on a topic's life line (moves come from topic_events). */
const LIFE_TYPES = [
  "consultation.waived",
  "draft.frozen",
  "task.planned",
  "task.reported",
  "task.overdue",
  "rectification.raised",
  "rectification.answered",
  "verification.recorded",
  "rating.windowOpened",
  "rating.windowSettled",
  "result.published",
  "party.reviewed",
  "owners.decided",
  // Issue 17, part fourtwo: 四议 (each deliberation under the stage it happened in).
  "fourTwo.stepRecorded",
] as const;

/**
 * One thing that happened to a topic: `kind` is a move's action (`move`), a ledger type or `vote`;
 * `text` is the document's words (a report, a demand, check notes, the result), `params` the figures.
 */
export interface LifeItem {
  key: string;
  at: Date;
  kind: "move" | "vote" | "lapsed" | (typeof LIFE_TYPES)[number];
  action?: string;
  actor: string | null;
  text: string;
  /** A system-made text as a message, said in the reader's language (`text` is its zh-CN rendering, or a person's words). */
  message?: StoredMessage | null;
  params: Record<string, string | number | boolean | null>;
  /** An anchor on the topic page that shows the whole document. */
  href?: "#frozen" | "#decision" | "#rating";
}

type Payload = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

// The queries every view of a topic page runs (the rest only when the topic has execution tasks): prepared.
const lifeEntries = prepared((db) =>
  db
    .select({ id: ledgerEntries.id, type: ledgerEntries.type, payload: ledgerEntries.payload, at: ledgerEntries.createdAt, actor: users.displayName })
    .from(ledgerEntries)
    .leftJoin(users, eq(users.id, ledgerEntries.actorId))
    .where(and(eq(ledgerEntries.communityId, sql.placeholder("communityId")), eq(ledgerEntries.subject, sql.placeholder("subject")), inArray(ledgerEntries.type, [...LIFE_TYPES])))
    .orderBy(asc(ledgerEntries.seq))
    .prepare(),
);

const tasksOf = prepared((db) =>
  db
    .select({ id: executionTasks.id, title: executionTasks.title, unit: units.name })
    .from(executionTasks)
    .innerJoin(units, eq(units.id, executionTasks.unitId))
    .where(eq(executionTasks.topicId, sql.placeholder("topicId")))
    .prepare(),
);

const resultsOf = prepared((db) =>
  db.select({ id: executionResults.id, summary: executionResults.summary }).from(executionResults).where(eq(executionResults.topicId, sql.placeholder("topicId"))).prepare(),
);

const closedVotesOf = prepared((db) =>
  db
    .select({ id: motions.id, at: motions.closedAt, yes: motions.yes, no: motions.no, abstain: motions.abstain, passed: motions.passed, meeting: meetings.number })
    .from(motions)
    .innerJoin(meetings, eq(meetings.id, motions.meetingId))
    .where(and(eq(motions.communityId, sql.placeholder("communityId")), eq(motions.topicId, sql.placeholder("topicId")), isNotNull(motions.closedAt)))
    .prepare(),
);

// Motions a meeting's end left unvoted (散会 before them, or 流会): the topic went back to wait for an agenda.
const lapsedOf = prepared((db) =>
  db
    .select({ id: motions.id, at: meetings.endedAt, meeting: meetings.number, status: meetings.status })
    .from(motions)
    .innerJoin(meetings, eq(meetings.id, motions.meetingId))
    .where(and(eq(motions.communityId, sql.placeholder("communityId")), eq(motions.topicId, sql.placeholder("topicId")), eq(motions.status, "lapsed")))
    .prepare(),
);

/** A topic's whole life in time order: moves, the frozen text, the vote, the plan, reports, checks, ratings and the result. */
export function listTopicLife({ communityId, topicId, events }: { communityId: number; topicId: number; events: ReturnType<typeof listTopicEvents> }): LifeItem[] {
  const db = getDb();
  const items: LifeItem[] = events.map((e) => ({ key: `move-${e.id}`, at: e.at, kind: "move", action: e.action, actor: e.actorName, text: e.reason, message: e.reasonMessage, params: {} }));
  const entries = lifeEntries().all({ communityId, subject: `topic:${topicId}` });
  const tasks = new Map(tasksOf().all({ topicId }).map((t) => [t.id, t]));
  const taskIds = [...tasks.keys()];
  const reports = new Map(taskIds.length ? db.select({ id: progressReports.id, body: progressReports.body }).from(progressReports).where(inArray(progressReports.taskId, taskIds)).all().map((r) => [r.id, r.body]) : []);
  const demands = new Map(taskIds.length ? db.select().from(rectifications).where(inArray(rectifications.taskId, taskIds)).all().map((r) => [r.id, r]) : []);
  const results = new Map(resultsOf().all({ topicId }).map((r) => [r.id, r.summary]));
  for (const e of entries) {
    const p = JSON.parse(e.payload) as Payload;
    const task = tasks.get(num(p.task) ?? 0);
    const base = { key: `ledger-${e.id}`, at: new Date(e.at), kind: e.type as LifeItem["kind"], actor: e.actor ?? null, text: "", params: { task: task?.title ?? null, unit: task?.unit ?? null } as LifeItem["params"] };
    if (e.type === "consultation.waived") items.push({ ...base, text: String(p.reason ?? "") });
    else if (e.type === "draft.frozen") items.push({ ...base, href: "#frozen", params: { sha256: String(p.sha256 ?? "").slice(0, 12) } });
    else if (e.type === "task.planned") items.push({ ...base, params: { ...base.params, task: task?.title ?? String(p.title ?? ""), dueAt: String(p.dueAt ?? ""), budgetFen: num(p.budgetFen) } });
    else if (e.type === "task.reported") items.push({ ...base, text: reports.get(num(p.report) ?? 0) ?? "", params: { ...base.params, percent: num(p.percent), spentFen: num(p.spentFen) } });
    else if (e.type === "rectification.raised") items.push({ ...base, text: demands.get(num(p.rectification) ?? 0)?.body ?? "" });
    else if (e.type === "rectification.answered") items.push({ ...base, text: demands.get(num(p.rectification) ?? 0)?.answer ?? "" });
    else if (e.type === "verification.recorded") items.push({ ...base, text: verificationNotes(num(p.verification)), params: { verified: p.verified === true } });
    else if (e.type === "rating.windowOpened") items.push({ ...base, href: "#rating", params: { closesAt: String(p.closesAt ?? "") } });
    else if (e.type === "rating.windowSettled")
      items.push({ ...base, href: "#rating", params: { outcome: String(p.outcome ?? ""), pct: num(p.satisfiedPct), satisfied: num(p.satisfied), fair: num(p.fair), unsatisfied: num(p.unsatisfied), threshold: num(p.thresholdPct) } });
    else if (e.type === "result.published") items.push({ ...base, text: results.get(num(p.result) ?? 0) ?? "" });
    else if (e.type === "party.reviewed") items.push({ ...base, text: String(p.note ?? ""), params: { date: String(p.reviewedOn ?? ""), body: String(p.body ?? ""), partyOutcome: String(p.outcome ?? "") } });
    else if (e.type === "fourTwo.stepRecorded")
      items.push({ ...base, text: String(p.minutes ?? ""), params: { step: String(p.step ?? ""), date: String(p.heldOn ?? ""), body: String(p.body ?? ""), partyOutcome: String(p.outcome ?? ""), attended: num(p.attended), expected: num(p.expected) } });
    else if (e.type === "owners.decided") items.push({ ...base, params: { date: String(p.heldOn ?? ""), passed: p.passed === true } });
    else items.push(base);
  }
  const votes = closedVotesOf().all({ communityId, topicId });
  for (const v of votes) items.push({ key: `vote-${v.id}`, at: v.at!, kind: "vote", actor: null, text: "", href: "#decision", params: { meeting: v.meeting, yes: v.yes, no: v.no, abstain: v.abstain, passed: v.passed === true } });
  for (const l of lapsedOf().all({ communityId, topicId })) {
    if (l.at) items.push({ key: `lapsed-${l.id}`, at: l.at, kind: "lapsed", actor: null, text: "", params: { meeting: l.meeting, inquorate: l.status === "inquorate" } });
  }
  return items.sort((a, b) => a.at.getTime() - b.at.getTime() || order(a) - order(b));
}

// At the same moment the move comes first (the frozen text belongs to 决策, the window to 监督), except
// what caused it: the vote before 表决通过, a window's settlement before the topic closes or goes back.
const order = (item: LifeItem) => (item.kind === "rating.windowSettled" || item.kind === "vote" ? -1 : item.kind === "move" ? 0 : 1);

function verificationNotes(id: number | null): string {
  if (id === null) return "";
  return getDb().select({ notes: verifications.notes }).from(verifications).where(eq(verifications.id, id)).get()?.notes ?? "";
}

/**
 * The items under the six stages of the timeline: each goes to the stage the topic was in when it
 * happened (a move, to the stage it entered); stages nothing happened in are left out.
 */
export function groupByStage(items: LifeItem[], events: ReturnType<typeof listTopicEvents>): Array<{ stage: Stage; items: LifeItem[] }> {
  const groups = new Map<Stage, LifeItem[]>();
  let stage: Stage = "collection";
  for (const item of items) {
    if (item.kind === "move") {
      const to = events.find((e) => `move-${e.id}` === item.key)?.toState;
      stage = (to && STATE_INFO[to].stage) || stage;
    }
    groups.set(stage, [...(groups.get(stage) ?? []), item]);
  }
  return STAGES.filter((s) => groups.has(s)).map((s) => ({ stage: s, items: groups.get(s)! }));
}
