// Topics of our own, moved to consultation the way the committee would, with text in their drafts.
import { and, eq } from "drizzle-orm";
import { getDb } from "../../../db/client.server";
import { catalogueEntries } from "../../../db/schema";
import { appendDraftUpdate, ensureDraftDocument } from "~/models/draft-store.server";
import { templateUpdate } from "~/models/draft-text";
import { recordMeeting } from "~/models/consultation.server";
import { createTopic } from "~/models/topic-create.server";
import { advanceTopic } from "~/models/workflow.server";
import { paragraphUpdate } from "../../fixtures/consultation";
import { communityId, userId } from "./db";

export function categoryId(slug: string, code: string): number {
  return getDb()
    .select({ id: catalogueEntries.id })
    .from(catalogueEntries)
    .where(and(eq(catalogueEntries.communityId, communityId(slug)), eq(catalogueEntries.code, code)))
    .get()!.id;
}

let made = 0;
/**
 * A committee-filed topic accepted and moved to consultation the way the committee would: `text` (a
 * default sentence if not given) is written under 背景 first, since consultation needs a draft; and
 * unless `consulted` is false, a consultation meeting with its minutes is recorded, since freezing
 * needs a consultation outcome on record (app/workflow/step-gates.ts).
 */
export function consultingTopic({
  slug = "mingyue",
  committee = "committee1",
  category = "facilities",
  text = "议题正文:协商测试。",
  consulted = true,
}: { slug?: string; committee?: string; category?: string | null; text?: string; consulted?: boolean } = {}) {
  const cid = communityId(slug);
  const actor = { userId: userId(committee), roles: ["committee"] as const };
  const topic = createTopic({
    communityId: cid,
    proposerId: actor.userId,
    title: `协商测试议题 ${++made}`,
    description: "",
    location: "",
    categoryId: category ? categoryId(slug, category) : null,
    source: "committee",
  });
  advanceTopic({ topicId: topic.id, communityId: cid, action: "accept", actor });
  const current = ensureDraftDocument(topic.id, templateUpdate);
  appendDraftUpdate({ topicId: topic.id, update: paragraphUpdate(current, text), userId: actor.userId });
  advanceTopic({ topicId: topic.id, communityId: cid, action: "startConsultation", actor });
  if (consulted) recordConsultationMeeting(cid, topic.id, actor.userId);
  return { id: topic.id, communityId: cid };
}

/** 议事协商会 with minutes: the consultation outcome the step gates ask for before 定稿. */
export function recordConsultationMeeting(communityId: number, topicId: number, committeeId: number) {
  const recorded = recordMeeting({
    communityId,
    topicId,
    userId: committeeId,
    roles: ["committee"],
    meeting: { heldAt: new Date(Date.now() - 3_600_000), place: "社区议事厅", participants: "居民代表、物业", opinions: "同意方案。", minutes: "会议同意按草案推进。" },
  });
  if (!recorded.ok) throw new Error(`consultation meeting refused: ${recorded.problem}`);
  return recorded.id;
}
