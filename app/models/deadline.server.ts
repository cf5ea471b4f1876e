import { and, asc, eq, isNull, lte } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { deadlines, topics } from "../../db/schema";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { flagOverdueTasks } from "./execution.server";
import { flagOverdueCalls } from "./department-call-overdue.server";
import { settlePublicity } from "./resolution.server";
import { settleRatingWindow } from "./supervision.server";
import { advanceInTx } from "./workflow.server";
import { write } from "./write.server";

/**
 * Acts on every deadline that is due: an unfinished co-sign window expires its topic; a screening
 * deadline that passed flags the topic overdue. Each deadline is settled in its own transaction;
 * the rows are the schedule, so a restart picks up exactly where the last run stopped.
 */
export function runDueDeadlines(at: Date = now()): number {
  const db = getDb();
  const due = db
    .select()
    .from(deadlines)
    .where(and(isNull(deadlines.doneAt), lte(deadlines.dueAt, at)))
    .orderBy(asc(deadlines.dueAt))
    .limit(500)
    .all();
  for (const deadline of due) {
    write((tx, publish) => {
      const still = tx.select({ doneAt: deadlines.doneAt }).from(deadlines).where(eq(deadlines.id, deadline.id)).get();
      if (!still || still.doneAt) return;
      const topic = deadline.topicId ? tx.select().from(topics).where(eq(topics.id, deadline.topicId)).get() : undefined;
      if (topic && deadline.kind === "cosignWindow" && topic.state === "open") {
        advanceInTx(tx, { topicId: topic.id, communityId: topic.communityId, action: "expire", actor: "system" });
      }
      // The end of 公示 waits while an objection is unanswered: the deadline stays due until it is settled.
      if (topic && deadline.kind === "publicity" && topic.state === "publicity") {
        if (!settlePublicity(tx, { communityId: topic.communityId, topicId: topic.id, at })) return;
        publish({ name: "topicMoved", payload: { topicId: topic.id, communityId: topic.communityId, from: "publicity", to: "executing" } });
        return;
      }
      // The end of a rating window closes the topic or sends it back to execution.
      if (topic && deadline.kind === "ratingWindow" && topic.state === "verifying") {
        const settled = settleRatingWindow(tx, { communityId: topic.communityId, topicId: topic.id, at });
        if (settled) publish({ name: "topicMoved", payload: { topicId: topic.id, communityId: topic.communityId, from: "verifying", to: settled.to } });
      }
      if (topic && deadline.kind === "screening" && topic.state === "screening" && !topic.overdue) {
        tx.update(topics).set({ overdue: true }).where(eq(topics.id, topic.id)).run();
        appendLedger(tx, { communityId: topic.communityId, type: "topic.screeningOverdue", actorId: null, subject: `topic:${topic.id}`, payload: {}, at });
      }
      tx.update(deadlines).set({ doneAt: at }).where(and(eq(deadlines.id, deadline.id), isNull(deadlines.doneAt))).run();
    });
  }
  return due.length + flagOverdueTasks(at) + flagOverdueCalls(at);
}
