import { sql } from "drizzle-orm";
import { integer, index, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { PhotoPurpose } from "../../app/workflow/execution";
import type { Stage, TopicStatus } from "../../app/workflow/stages";
import type { TopicState } from "../../app/workflow/states";
import type { TopicAction } from "../../app/workflow/transitions";
import type { UndoKind } from "../../app/workflow/assembly";
import { communities } from "./communities";
import { catalogueEntries } from "./rules";
import type { StoredMessage } from "../../app/i18n/stored-message";
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
    stage: text("stage").$type<Stage>().notNull(),
    status: text("status").$type<TopicStatus>().notNull().default("active"),
    /** Where the topic is inside its stage; stage and status follow from it (app/workflow/states.ts). */
    state: text("state").$type<TopicState>().notNull().default("open"),
    cosignCount: integer("cosign_count").notNull().default(0),
    /** Screening is past the rules' deadline (set by the scheduler, cleared when the topic moves). */
    overdue: integer("overdue", { mode: "boolean" }).notNull().default(false),
    mergedIntoId: integer("merged_into_id"),
    /** The public reason of the last move that needed one (rejection, withdrawal, sending back). */
    publicReason: text("public_reason").notNull().default(""),
    /** A system-made public reason as a message key and its values (JSON), rendered in the reader's language. */
    publicReasonMessage: text("public_reason_message", { mode: "json" }).$type<StoredMessage>(),
    /** Why the committee skipped consultation, for a category whose catalogue entry makes it optional. */
    consultationWaiver: text("consultation_waiver"),
    showProposerName: integer("show_proposer_name", { mode: "boolean" }).notNull().default(false),
    source: text("source", { enum: ["resident", "committee", "hotline"] }).notNull().default("resident"),
    /** The hotline (12345) ticket number for imported topics. */
    externalRef: text("external_ref"),
    /** The topic proposes to revoke or change this resolution (only an assembly may decide it: 村委会组织法 Art. 27, 居委会组织法 Art. 30). */
    undoesResolutionId: integer("undoes_resolution_id"),
    undoKind: text("undo_kind").$type<UndoKind>(),
    proposerId: integer("proposer_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    stageEnteredAt: integer("stage_entered_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("topics_number_unique").on(t.communityId, t.number),
    // The hall: a stage's newest movement first, read from the index in order (no sort of the stage).
    index("topics_stage_idx").on(t.communityId, t.status, t.stage, t.stageEnteredAt, t.id),
    // "What needs me": one state's topics, overdue first, then the longest waiting.
    index("topics_state_idx").on(t.communityId, t.status, t.state, sql`${t.overdue} desc`, t.stageEnteredAt, t.id),
  ],
);

/** 附议: one row per resident per topic; the primary key makes a second co-sign impossible. */
export const topicCosigns = sqliteTable(
  "topic_cosigns",
  {
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.userId] }), index("topic_cosigns_user_idx").on(t.userId)],
);

/** The stage history: every move, who made it, when and why. */
export const topicEvents = sqliteTable(
  "topic_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    action: text("action").$type<TopicAction | "create">().notNull(),
    fromState: text("from_state").$type<TopicState>(),
    toState: text("to_state").$type<TopicState>().notNull(),
    actorId: integer("actor_id").references(() => users.id),
    reason: text("reason").notNull().default(""),
    /** A system-made reason as a message key and values (JSON); `reason` keeps its zh-CN rendering for the record. */
    reasonMessage: text("reason_message", { mode: "json" }).$type<StoredMessage>(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("topic_events_topic_idx").on(t.topicId)],
);

export const topicComments = sqliteTable(
  "topic_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    /** A system-made comment (a solicitation's summary) as a message key and values (JSON), rendered in the reader's language; `body` holds the committee's own note. */
    message: text("message", { mode: "json" }).$type<StoredMessage>(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("topic_comments_topic_idx").on(t.topicId)],
);

/** Photos of a topic, stored outside public/ under their content hash. */
export const topicPhotos = sqliteTable(
  "topic_photos",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    sha256: text("sha256").notNull(),
    mime: text("mime", { enum: ["image/jpeg", "image/png", "image/webp"] }).notNull(),
    /** What the photo shows: the resident's proposal, a progress report's evidence, an on-site check. */
    purpose: text("purpose").$type<PhotoPurpose>().notNull().default("proposal"),
    reportId: integer("report_id"),
    verificationId: integer("verification_id"),
    bytes: integer("bytes").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("topic_photos_topic_idx").on(t.topicId)],
);

/**
 * Deadlines the scheduler acts on. They live here, not in timers: on start-up the scheduler reads
 * the due rows, so a restart loses nothing.
 */
export const deadlines = sqliteTable(
  "deadlines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    topicId: integer("topic_id").references(() => topics.id),
    kind: text("kind", { enum: ["cosignWindow", "screening", "publicity", "ratingWindow"] }).notNull(),
    dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
    doneAt: integer("done_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("deadlines_due_idx").on(t.doneAt, t.dueAt), index("deadlines_topic_idx").on(t.topicId)],
);

/** In-app notifications: the proposer and co-signers hear of every move of their topic. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    topicId: integer("topic_id").references(() => topics.id),
    kind: text("kind").notNull(),
    payload: text("payload").notNull().default("{}"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    /** When off-site delivery dealt with it (queued for e-mail, put in a digest, or skipped by preference). */
    mailedAt: integer("mailed_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt), index("notifications_mail_idx").on(t.mailedAt)],
);
