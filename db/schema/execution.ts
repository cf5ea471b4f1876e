import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Rating, TaskStatus, UnitKind, WindowOutcome } from "../../app/workflow/execution";
import { communities } from "./communities";
import { topics } from "./topics";
import { users } from "./users";

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/** 责任单位: a department, the property company, a contractor or a volunteer team of the community. */
export const units = sqliteTable(
  "units",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    name: text("name").notNull(),
    kind: text("kind").$type<UnitKind>().notNull(),
    /** How the public reaches the unit (a phone number, an office). */
    contact: text("contact").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("units_name_unique").on(t.communityId, t.name)],
);

/** The unit's contact people: they sign in with the executor role and report for the unit. */
export const unitMembers = sqliteTable(
  "unit_members",
  {
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.userId] }), index("unit_members_user_idx").on(t.userId)],
);

/** 执行方案的任务: one piece of the resolution's execution, with its unit, due date and budget line. */
export const executionTasks = sqliteTable(
  "execution_tasks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    title: text("title").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    dueAt: timestamp("due_at").notNull(),
    /** Planned money in fen (1/100 yuan); null when the task has no budget line. */
    budgetFen: integer("budget_fen"),
    status: text("status").$type<TaskStatus>().notNull().default("open"),
    /** From the latest report. */
    percent: integer("percent").notNull().default(0),
    /** Sum of the reports' money spent, in fen. */
    spentFen: integer("spent_fen").notNull().default(0),
    lastReportAt: timestamp("last_report_at"),
    overdue: integer("overdue", { mode: "boolean" }).notNull().default(false),
    doneAt: timestamp("done_at"),
    /** Taken out of the plan before completion (a wrong plan corrected); kept for the record, never shown as work. */
    removedAt: timestamp("removed_at"),
    removedBy: integer("removed_by").references(() => users.id),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("execution_tasks_topic_idx").on(t.topicId), index("execution_tasks_due_idx").on(t.communityId, t.status, t.dueAt)],
);

/** 进度报告: an executor's report on a task — text, percentage, money spent, photos as evidence. */
export const progressReports = sqliteTable(
  "progress_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    taskId: integer("task_id")
      .notNull()
      .references(() => executionTasks.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    percent: integer("percent").notNull(),
    spentFen: integer("spent_fen").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("progress_reports_task_idx").on(t.taskId)],
);

/** 整改要求: a supervisor's demand on a task; the unit must answer. */
export const rectifications = sqliteTable(
  "rectifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    taskId: integer("task_id")
      .notNull()
      .references(() => executionTasks.id),
    raisedBy: integer("raised_by")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
    answer: text("answer"),
    answeredBy: integer("answered_by").references(() => users.id),
    answeredAt: timestamp("answered_at"),
  },
  (t) => [index("rectifications_task_idx").on(t.taskId)],
);

/**
 * 核实与评价: one supervision round of a topic, opened when completion is reported: the rating window
 * of the rules, the supervisors' on-site check, and how it ended.
 */
export const ratingWindows = sqliteTable(
  "rating_windows",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    opensAt: timestamp("opens_at").notNull(),
    closesAt: timestamp("closes_at").notNull(),
    settledAt: timestamp("settled_at"),
    outcome: text("outcome").$type<WindowOutcome>(),
    satisfiedPct: integer("satisfied_pct"),
  },
  (t) => [index("rating_windows_topic_idx").on(t.topicId)],
);

/** 核实结项: a supervisor's on-site check during a round (notes, photos, verified or not). */
export const verifications = sqliteTable(
  "verifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    windowId: integer("window_id")
      .notNull()
      .references(() => ratingWindows.id),
    supervisorId: integer("supervisor_id")
      .notNull()
      .references(() => users.id),
    notes: text("notes").notNull(),
    verified: integer("verified", { mode: "boolean" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("verifications_window_idx").on(t.windowId)],
);

/** 满意度评价: one rating per resident per round. */
export const ratings = sqliteTable(
  "ratings",
  {
    windowId: integer("window_id")
      .notNull()
      .references(() => ratingWindows.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    rating: text("rating").$type<Rating>().notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.windowId, t.userId] })],
);

/** 实施结果公开: the committee's published account of how a resolution was carried out. */
export const executionResults = sqliteTable(
  "execution_results",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    summary: text("summary").notNull(),
    publishedBy: integer("published_by")
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp("published_at").notNull(),
  },
  (t) => [index("execution_results_topic_idx").on(t.topicId)],
);
