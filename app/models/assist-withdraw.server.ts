import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, type Tx } from "../../db/client.server";
import { assistedActs, communities, topics, users } from "../../db/schema";
import type { Role } from "../workflow/roles";
import { now } from "./clock.server";
import { asAssist, assistRefused, rolesIn, type AssistResult } from "./assist.server";
import { withdrawAnswer } from "./consultation.server";
import { withdrawCosign } from "./cosign.server";
import { attempt } from "./domain-error.server";
import { appendLedger } from "./ledger.server";
import { withdrawRatingInTx } from "./supervision.server";
import { advanceInTx } from "./workflow.server";
import { write } from "./write.server";

type Act = typeof assistedActs.$inferSelect;

/**
 * The person takes back what staff recorded for them, while its step is open: the co-sign while the
 * topic collects, the answer while its solicitation is open, the rating while its window is open, the
 * topic while it still collects. Only the person may; the act's effect is undone (counts go down).
 */
export function withdrawAssistedAct({ communityId, actId, userId }: { communityId: number; actId: number; userId: number }): AssistResult {
  return attempt(
    "assist",
    () =>
      write((tx, publish) => {
        const act = tx.select().from(assistedActs).where(and(eq(assistedActs.id, actId), eq(assistedActs.communityId, communityId))).get();
        if (!act) throw assistRefused("notFound");
        if (act.personId !== userId) throw assistRefused("notYours");
        if (act.withdrawnAt) throw assistRefused("withdrawn");
        const roles = rolesIn(tx, communityId, userId);
        undoAct(tx, act, roles, (from) => publish({ name: "topicMoved", payload: { topicId: act.topicId, communityId, from, to: "withdrawn" } }));
        const at = now();
        tx.update(assistedActs).set({ withdrawnAt: at }).where(eq(assistedActs.id, act.id)).run();
        appendLedger(tx, { communityId, type: "assist.withdrawn", actorId: userId, subject: `topic:${act.topicId}`, payload: { act: act.id, kind: act.kind }, at });
        return {};
      }),
    // A refused step (the topic moved on, the window closed) is "not open any more".
    (error) => ({ ok: false, problem: error.problem === "notFound" ? "notFound" : "notOpen" }),
  );
}

function undoAct(tx: Tx, act: Act, roles: readonly Role[], moved: (from: "open") => void) {
  const { communityId, topicId, personId: userId } = act;
  if (act.kind === "cosign") {
    const r = withdrawCosign({ communityId, topicId, userId, roles });
    if (!r.ok) throw assistRefused(asAssist(r.problem));
  } else if (act.kind === "answer") {
    const r = withdrawAnswer({ communityId, topicId, userId, answerId: act.subjectId });
    if (!r.ok) throw assistRefused(asAssist(r.problem));
  } else if (act.kind === "rating") {
    withdrawRatingInTx(tx, { communityId, topicId, userId, windowId: act.subjectId });
  } else {
    const topic = tx.select({ proposerId: topics.proposerId }).from(topics).where(eq(topics.id, topicId)).get();
    if (topic?.proposerId !== userId) throw assistRefused("notYours");
    advanceInTx(tx, { topicId, communityId, action: "withdrawnByProposer", actor: { userId, roles } });
    moved("open");
  }
}

const recorder = alias(users, "recorder");

/** The acts staff recorded for this person in this community, newest first, with the recorder's name and the topic. */
export function listMyAssistedActs({ communityId, userId }: { communityId: number; userId: number }) {
  return getDb()
    .select({
      id: assistedActs.id,
      kind: assistedActs.kind,
      channel: assistedActs.channel,
      topicId: assistedActs.topicId,
      number: topics.number,
      title: topics.title,
      by: recorder.displayName,
      createdAt: assistedActs.createdAt,
      seenAt: assistedActs.seenAt,
      withdrawnAt: assistedActs.withdrawnAt,
    })
    .from(assistedActs)
    .innerJoin(topics, eq(topics.id, assistedActs.topicId))
    .innerJoin(recorder, eq(recorder.id, assistedActs.recordedBy))
    .where(and(eq(assistedActs.communityId, communityId), eq(assistedActs.personId, userId)))
    .orderBy(desc(assistedActs.id))
    .limit(100)
    .all();
}

/**
 * What the hall and the notifications page tell the person when they next sign in: the acts recorded
 * for them they have not seen yet (in every community they belong to), marked seen as they are shown.
 */
export function takeUnseenAssistedActs({ userId, communityId }: { userId: number; communityId?: number }) {
  const where = and(eq(assistedActs.personId, userId), isNull(assistedActs.seenAt), communityId === undefined ? undefined : eq(assistedActs.communityId, communityId));
  const rows = getDb()
    .select({ id: assistedActs.id, slug: communities.slug, kind: assistedActs.kind, channel: assistedActs.channel, number: topics.number, title: topics.title, by: recorder.displayName })
    .from(assistedActs)
    .innerJoin(topics, eq(topics.id, assistedActs.topicId))
    .innerJoin(recorder, eq(recorder.id, assistedActs.recordedBy))
    .innerJoin(communities, eq(communities.id, assistedActs.communityId))
    .where(where)
    .orderBy(desc(assistedActs.id))
    .all();
  const ids = rows.map((r) => r.id);
  if (ids.length > 0) write((tx) => tx.update(assistedActs).set({ seenAt: now() }).where(inArray(assistedActs.id, ids)).run());
  return rows;
}
