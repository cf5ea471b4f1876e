import { sql } from "drizzle-orm";
import { blob, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { topics } from "./topics";
import { users } from "./users";

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** 议案草案: one collaborative (Yjs) document per topic; `state` is the compacted document. */
export const draftDocuments = sqliteTable("draft_documents", {
  topicId: integer("topic_id")
    .primaryKey()
    .references(() => topics.id),
  state: blob("state", { mode: "buffer" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/** Every accepted Yjs update since the last compaction, in order. Written before it is relayed. */
export const draftUpdates = sqliteTable(
  "draft_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    update: blob("update", { mode: "buffer" }).notNull(),
    userId: integer("user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("draft_updates_topic_idx").on(t.topicId, t.id)],
);

/** Named versions: a snapshot of the document with a note, and its plain text for reading and diffs. */
export const draftVersions = sqliteTable(
  "draft_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    number: integer("number").notNull(),
    note: text("note").notNull().default(""),
    state: blob("state", { mode: "buffer" }).notNull(),
    text: text("text").notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("draft_versions_number_unique").on(t.topicId, t.number)],
);

/** Residents' comments on the draft (threaded, optionally quoting a passage); the committee answers. */
export const draftComments = sqliteTable(
  "draft_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    parentId: integer("parent_id"),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    quote: text("quote").notNull().default(""),
    body: text("body").notNull(),
    status: text("status", { enum: ["open", "adopted", "notAdopted"] }).notNull().default("open"),
    reply: text("reply").notNull().default(""),
    repliedBy: integer("replied_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("draft_comments_topic_idx").on(t.topicId)],
);

/** 征求意见: an online opinion solicitation on the draft, with a deadline and a question. */
export const consultations = sqliteTable(
  "consultations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    question: text("question").notNull(),
    deadline: integer("deadline", { mode: "timestamp_ms" }).notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("consultations_topic_idx").on(t.topicId)],
);

export const consultationAnswers = sqliteTable(
  "consultation_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    stance: text("stance", { enum: ["support", "supportWithChanges", "oppose"] }).notNull(),
    text: text("text").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("consultation_answers_unique").on(t.consultationId, t.userId)],
);

/** 议事协商会: a consultation meeting with its participants, opinions and minutes. */
export const consultationMeetings = sqliteTable(
  "consultation_meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    heldAt: integer("held_at", { mode: "timestamp_ms" }).notNull(),
    place: text("place").notNull(),
    participants: text("participants").notNull(),
    opinions: text("opinions").notNull().default(""),
    minutes: text("minutes").notNull().default(""),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("consultation_meetings_topic_idx").on(t.topicId)],
);

/** The frozen text that the representatives vote on: its canonical text and SHA-256. */
export const draftFreezes = sqliteTable("draft_freezes", {
  topicId: integer("topic_id")
    .primaryKey()
    .references(() => topics.id),
  versionId: integer("version_id").references(() => draftVersions.id),
  text: text("text").notNull(),
  sha256: text("sha256").notNull(),
  frozenBy: integer("frozen_by")
    .notNull()
    .references(() => users.id),
  frozenAt: integer("frozen_at", { mode: "timestamp_ms" }).notNull(),
});
