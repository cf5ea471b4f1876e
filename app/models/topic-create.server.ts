import { eq, sql } from "drizzle-orm";
import { type Tx } from "../../db/client.server";
import { topicEvents, topics } from "../../db/schema";
import type { TopicState } from "../workflow/states";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { scheduleCosignWindow, scheduleScreeningDeadline } from "./workflow.server";
import { write } from "./write.server";
import { assistedPayload, type Assisted } from "./assisted.server";

export interface NewTopic {
  communityId: number;
  proposerId: number;
  title: string;
  description: string;
  location: string;
  categoryId: number | null;
  /** Residents' topics collect co-signs first; the committee's and imported hotline tickets go straight to screening. */
  source: "resident" | "committee" | "hotline";
  showProposerName?: boolean;
  externalRef?: string | null;
  /** 代录: staff recorded it for the proposer (the entry says who and how). */
  assisted?: Assisted;
}

export function createTopicInTx(tx: Tx, input: NewTopic): { id: number; number: number } {
  const at = now();
  const state: TopicState = input.source === "resident" ? "open" : "screening";
  const number =
    (tx
      .select({ n: sql<number | null>`max(${topics.number})` })
      .from(topics)
      .where(eq(topics.communityId, input.communityId))
      .get()?.n ?? 0) + 1;
  const { id } = tx
    .insert(topics)
    .values({
      communityId: input.communityId,
      number,
      title: input.title,
      description: input.description,
      location: input.location,
      categoryId: input.categoryId,
      stage: "collection",
      status: "active",
      state,
      proposerId: input.proposerId,
      createdAt: at,
      stageEnteredAt: at,
      source: input.source,
      showProposerName: input.showProposerName ?? false,
      externalRef: input.externalRef ?? null,
    })
    .returning({ id: topics.id })
    .get();
  tx.insert(topicEvents).values({ topicId: id, action: "create", fromState: null, toState: state, actorId: input.proposerId, at }).run();
  appendLedger(tx, {
    communityId: input.communityId,
    type: "topic.created",
    actorId: input.proposerId,
    subject: `topic:${id}`,
    payload: { number, title: input.title, source: input.source, state, ...(input.externalRef ? { externalRef: input.externalRef } : {}), ...assistedPayload(input.assisted) },
    at,
  });
  if (state === "open") scheduleCosignWindow(tx, input.communityId, id, at);
  else scheduleScreeningDeadline(tx, input.communityId, id, at);
  return { id, number };
}

export function createTopic(input: NewTopic) {
  return write((tx) => createTopicInTx(tx, input));
}
