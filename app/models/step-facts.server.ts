import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { catalogueEntries, consultationMeetings, executionTasks, publications, rectifications, topics } from "../../db/schema";
import { isEmptyDraft } from "../forms/consultation";
import { isGated, stepBlockers, type StepBlocker, type StepFacts } from "../workflow/step-gates";
import type { TopicAction } from "../workflow/transitions";
import { getDraftText } from "./draft-store.server";

/**
 * The facts the step gates (app/workflow/step-gates.ts) read, gathered for one topic. Every count is
 * a small indexed read; the draft text is decoded only when the move asks about it.
 */
export function stepFacts(tx: Tx, topicId: number, action: TopicAction): StepFacts {
  const needsDraft = action === "startConsultation" || action === "freeze" || action === "decideByCommittee";
  const topic = tx
    .select({ waiver: topics.consultationWaiver, optional: catalogueEntries.consultationOptional })
    .from(topics)
    .leftJoin(catalogueEntries, eq(catalogueEntries.id, topics.categoryId))
    .where(eq(topics.id, topicId))
    .get();
  const count = (n: { n: number } | undefined) => n?.n ?? 0;
  const summarised = count(
    tx.select({ n: sql<number>`count(*)` }).from(publications).where(and(eq(publications.topicId, topicId), eq(publications.kind, "consultationOutcome"))).get(),
  );
  const minuted = count(
    tx.select({ n: sql<number>`count(*)` }).from(consultationMeetings).where(and(eq(consultationMeetings.topicId, topicId), ne(sql`trim(${consultationMeetings.minutes})`, ""))).get(),
  );
  const tasks = tx
    .select({ total: sql<number>`count(*)`, unfinished: sql<number>`coalesce(sum(${executionTasks.percent} < 100), 0)` })
    .from(executionTasks)
    .where(and(eq(executionTasks.topicId, topicId), isNull(executionTasks.removedAt)))
    .get();
  const open = count(
    tx
      .select({ n: sql<number>`count(*)` })
      .from(rectifications)
      .innerJoin(executionTasks, eq(executionTasks.id, rectifications.taskId))
      .where(and(eq(executionTasks.topicId, topicId), isNull(executionTasks.removedAt), isNull(rectifications.answeredAt)))
      .get(),
  );
  return {
    draftEmpty: needsDraft ? isEmptyDraft(getDraftText(topicId)) : false,
    consultationOutcomes: summarised + minuted,
    consultationOptional: topic?.optional === true,
    consultationWaived: Boolean(topic?.waiver?.trim()),
    tasks: tasks?.total ?? 0,
    unfinishedTasks: tasks?.unfinished ?? 0,
    openRectifications: open,
  };
}

/** What is missing before `action` can be made on the topic (empty: nothing). Pages and advanceInTx both ask this. */
export function blockersOf(tx: Tx, topicId: number, action: string): StepBlocker[] {
  return isGated(action) ? stepBlockers(action, stepFacts(tx, topicId, action)) : [];
}

/** What still blocks the move as the database stands now (for a page deciding which buttons to offer). */
export function topicBlockers(topicId: number, action: string): StepBlocker[] {
  return blockersOf(getDb(), topicId, action);
}
