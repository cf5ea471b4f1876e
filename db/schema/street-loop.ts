import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { CallEventKind, CallOrigin, CallState, HotlineExportFormat } from "../../app/workflow/department-call";
import { communities, streets } from "./communities";
import { executionTasks } from "./execution";
import { topics } from "./topics";
import { users } from "./users";

// The street's loop (issue 19): 街道号召、部门响应、处理反馈 — the street's departments, the calls a
// community (or the street) makes on them, and the 12345 hotline pulling each ticket's handling back.

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/** A department of the street (城管、住建、民政…): its public contact and how soon it must answer a call. */
export const departments = sqliteTable(
  "departments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    streetId: integer("street_id")
      .notNull()
      .references(() => streets.id),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    /** How the public reaches it (an office, a phone line): shown on the board. */
    contact: text("contact").notNull().default(""),
    /** The response limit: a call must be answered (accepted, asked about or declined) within this many hours. */
    responseHours: integer("response_hours").notNull(),
    /** Retired by the street admin: no new calls; its record stays. */
    archivedAt: timestamp("archived_at"),
    createdAt: createdAt(),
  },
  (t) => [index("departments_street_idx").on(t.streetId)],
);

/** The department's contact people: they answer calls and report for it (the executor role, at street level). */
export const departmentContacts = sqliteTable(
  "department_contacts",
  {
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedBy: integer("added_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.userId] }), index("department_contacts_user_idx").on(t.userId)],
);

/** An invitation to become a contact of a department. Only the SHA-256 of the code is stored. */
export const departmentInvites = sqliteTable(
  "department_invites",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id),
    codeHash: text("code_hash").notNull().unique(),
    codeHint: text("code_hint").notNull(),
    note: text("note").notNull().default(""),
    expiresAt: timestamp("expires_at").notNull(),
    usedAt: timestamp("used_at"),
    usedBy: integer("used_by").references(() => users.id),
    revokedAt: timestamp("revoked_at"),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("department_invites_department_idx").on(t.departmentId)],
);

/**
 * 吹哨 / 街道派单: a call on a department about a community's topic (or one of its execution tasks).
 * The row holds the call's present state; `department_call_events` is its history.
 */
export const departmentCalls = sqliteTable(
  "department_calls",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    streetId: integer("street_id")
      .notNull()
      .references(() => streets.id),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    taskId: integer("task_id").references(() => executionTasks.id),
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id),
    origin: text("origin").$type<CallOrigin>().notNull(),
    /** What is asked of the department. */
    ask: text("ask").notNull(),
    /** By when the caller wants it done. */
    wantedBy: timestamp("wanted_by").notNull(),
    state: text("state").$type<CallState>().notNull().default("sent"),
    /** When the department's answer is due (sent + its response limit; again from the community's answer to a question). */
    responseDueAt: timestamp("response_due_at").notNull(),
    /** The department's first answer (accept, question or decline): the response time is measured to it. */
    firstRespondedAt: timestamp("first_responded_at"),
    /** The date the department committed to when it accepted. */
    promisedBy: timestamp("promised_by"),
    /** From the latest progress report. */
    percent: integer("percent").notNull().default(0),
    declineReason: text("decline_reason"),
    resolvedAt: timestamp("resolved_at"),
    /** The department did not answer in time (set by the scheduler; stays set: it is the record). */
    responseOverdue: integer("response_overdue", { mode: "boolean" }).notNull().default(false),
    /** Accepted and not resolved by the promised date (set by the scheduler). */
    workOverdue: integer("work_overdue", { mode: "boolean" }).notNull().default(false),
    /** A call sent again after this one was declined (re-dispatch). */
    previousCallId: integer("previous_call_id"),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("department_calls_department_idx").on(t.departmentId, t.state),
    index("department_calls_topic_idx").on(t.topicId),
    index("department_calls_street_idx").on(t.streetId, t.state, t.responseDueAt),
  ],
);

/** A step of a call: sent, asked, answered, accepted, declined, progress, result, overdue flags. Evidence photos are topic photos of purpose "callReport" whose reportId is the event's id. */
export const departmentCallEvents = sqliteTable(
  "department_call_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    callId: integer("call_id")
      .notNull()
      .references(() => departmentCalls.id),
    kind: text("kind").$type<CallEventKind>().notNull(),
    body: text("body").notNull().default(""),
    percent: integer("percent"),
    /** The promised date of an acceptance. */
    dueAt: timestamp("due_at"),
    /** Null: the system (the scheduler's flags). */
    actorId: integer("actor_id").references(() => users.id),
    at: timestamp("at").notNull(),
  },
  (t) => [index("department_call_events_call_idx").on(t.callId)],
);

/** A token a hotline (12345) system pulls the street's ticket export with. Only the SHA-256 is stored. */
export const hotlineTokens = sqliteTable(
  "hotline_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    streetId: integer("street_id")
      .notNull()
      .references(() => streets.id),
    label: text("label").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    tokenHint: text("token_hint").notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at"),
    revokedAt: timestamp("revoked_at"),
  },
  (t) => [index("hotline_tokens_street_idx").on(t.streetId)],
);

/** One run of the ticket export: who pulled it (a street admin or a token), in which format, how many tickets. */
export const hotlineExports = sqliteTable(
  "hotline_exports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    streetId: integer("street_id")
      .notNull()
      .references(() => streets.id),
    format: text("format").$type<HotlineExportFormat>().notNull(),
    userId: integer("user_id").references(() => users.id),
    tokenId: integer("token_id").references(() => hotlineTokens.id),
    tickets: integer("tickets").notNull(),
    /** The `since` filter of the run, if any. */
    since: timestamp("since"),
    at: timestamp("at").notNull(),
  },
  (t) => [index("hotline_exports_street_idx").on(t.streetId, t.at)],
);
