// Topics of our own, moved to consultation the way the committee would, with text in their drafts.
import { and, eq } from "drizzle-orm";
import { getDb } from "../../../db/client.server";
import { catalogueEntries } from "../../../db/schema";
import { appendDraftUpdate, ensureDraftDocument } from "~/models/draft-store.server";
import { templateUpdate } from "~/models/draft-text";
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
/** A committee-filed topic accepted and moved to consultation; `text` (if any) is written under 背景. */
export function consultingTopic({ slug = "mingyue", committee = "committee1", category = "facilities", text }: { slug?: string; committee?: string; category?: string | null; text?: string } = {}) {
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
  advanceTopic({ topicId: topic.id, communityId: cid, action: "startConsultation", actor });
  if (text !== undefined) {
    const current = ensureDraftDocument(topic.id, templateUpdate);
    appendDraftUpdate({ topicId: topic.id, update: paragraphUpdate(current, text), userId: actor.userId });
  }
  return { id: topic.id, communityId: cid };
}
