import { integer, index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { STAGES, TOPIC_STATUSES } from "../../app/workflow/stages";
import { communities } from "./communities";
import { catalogueEntries } from "./rules";
import { users } from "./users";

/** 议题: one matter moving through the six stages. */
export const topics = sqliteTable(
  "topics",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    /** Per-community running number, shown as 议题 #12. */
    number: integer("number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    location: text("location").notNull().default(""),
    categoryId: integer("category_id").references(() => catalogueEntries.id),
    stage: text("stage", { enum: STAGES }).notNull(),
    status: text("status", { enum: TOPIC_STATUSES }).notNull().default("active"),
    proposerId: integer("proposer_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    stageEnteredAt: integer("stage_entered_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("topics_number_unique").on(t.communityId, t.number),
    index("topics_stage_idx").on(t.communityId, t.status, t.stage),
  ],
);
