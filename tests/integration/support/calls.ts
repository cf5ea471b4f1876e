// Calls on street departments for the tests: the demo street's departments and people, fresh topics to call on.
import { and, eq } from "drizzle-orm";
import { getDb } from "../../../db/client.server";
import { departments, executionTasks, streets, topics } from "../../../db/schema";
import { DAY_MS, now } from "~/models/clock.server";
import { createTopic } from "~/models/topic-create.server";
import type { Role } from "~/workflow/roles";
import { communityId, userId } from "./db";

export const streetId = () => getDb().select({ id: streets.id }).from(streets).where(eq(streets.slug, "huacheng")).get()!.id;
export const departmentId = (nameZh: string) => getDb().select({ id: departments.id }).from(departments).where(and(eq(departments.streetId, streetId()), eq(departments.nameZh, nameZh))).get()!.id;
export const chengguan = () => departmentId("城管中队");
export const zhujian = () => departmentId("住建办");
export const committee = (slug = "mingyue") => ({ communityId: communityId(slug), userId: userId("committee1"), roles: ["committee"] as Role[] });
export const streetPerson = (username: string) => ({ streetId: streetId(), userId: userId(username) });
export const inDays = (days: number) => new Date(now().getTime() + days * DAY_MS);

let made = 0;
/** A fresh active topic of the community (filed by its committee), to call departments on. */
export function freshTopic(slug = "mingyue"): number {
  return createTopic({ communityId: communityId(slug), proposerId: userId("committee1"), title: `占道经营 ${process.pid}-${++made}`, description: "小区门口夜间摆摊,噪音扰民。", location: "北门", categoryId: null, source: "committee" }).id;
}

/** The demo's topic #6 (in execution) and one of its open tasks. */
export function executingTopicWithTask(slug = "mingyue") {
  const topic = getDb().select({ id: topics.id }).from(topics).where(and(eq(topics.communityId, communityId(slug)), eq(topics.title, "儿童游乐设施更新"))).get()!;
  const task = getDb().select({ id: executionTasks.id }).from(executionTasks).where(and(eq(executionTasks.topicId, topic.id), eq(executionTasks.status, "open"))).get()!;
  return { topicId: topic.id, taskId: task.id };
}
