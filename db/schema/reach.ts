import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { communities, streets } from "./communities";
import { topics } from "./topics";
import { users } from "./users";

// Reaching a real street's people (issue 18): rosters brought in by CSV, acts staff record on a
// resident's behalf (代录), and notifications that also go out by e-mail through a durable outbox.

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

export const ASSIST_CHANNELS = ["visit", "phone", "home"] as const;
export type AssistChannel = (typeof ASSIST_CHANNELS)[number];
export const ASSIST_KINDS = ["topic", "cosign", "answer", "rating"] as const;
export type AssistKind = (typeof ASSIST_KINDS)[number];
export const DELIVERY_MODES = ["immediate", "digest", "never"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export const OUTBOX_STATUSES = ["queued", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One roster CSV brought in: by whom, for which street (and community, when a committee imported it). */
export const rosterImports = sqliteTable(
  "roster_imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    streetId: integer("street_id")
      .notNull()
      .references(() => streets.id),
    /** Set when a community's committee imported it; null when the street admin did (any community of the street). */
    communityId: integer("community_id").references(() => communities.id),
    importedBy: integer("imported_by")
      .notNull()
      .references(() => users.id),
    fileName: text("file_name").notNull().default(""),
    people: integer("people").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("roster_imports_street_idx").on(t.streetId)],
);

/**
 * A person on a community's roster: the account (pending until claimed with a personal invite, see
 * `users.pending` and `invites.userId`), the household or group the roster gave, and the import
 * that brought them in (null for people who joined otherwise).
 */
export const rosterPeople = sqliteTable(
  "roster_people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    importId: integer("import_id").references(() => rosterImports.id),
    household: text("household").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("roster_people_unique").on(t.communityId, t.userId), index("roster_people_import_idx").on(t.importId)],
);

/**
 * 代录: an act staff recorded on a resident's behalf. The act itself lives in its own table as the
 * person's (a topic they propose, their co-sign, answer or rating); this row says who recorded it,
 * through which channel, that the person asked for it, when the person saw it, and its withdrawal.
 * `subjectId` is the act's row: the topic's id (topic, cosign), the answer's id, the rating window's id.
 */
export const assistedActs = sqliteTable(
  "assisted_acts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    personId: integer("person_id")
      .notNull()
      .references(() => users.id),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    channel: text("channel", { enum: ASSIST_CHANNELS }).notNull(),
    kind: text("kind", { enum: ASSIST_KINDS }).notNull(),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    subjectId: integer("subject_id").notNull(),
    createdAt: createdAt(),
    seenAt: timestamp("seen_at"),
    withdrawnAt: timestamp("withdrawn_at"),
  },
  (t) => [
    index("assisted_acts_person_idx").on(t.personId, t.seenAt),
    index("assisted_acts_topic_idx").on(t.topicId),
    index("assisted_acts_subject_idx").on(t.kind, t.subjectId),
  ],
);

/** How a person wants each kind of notification off the site; no row = the kind's default. */
export const notificationPrefs = sqliteTable(
  "notification_prefs",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    mode: text("mode", { enum: DELIVERY_MODES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * Messages waiting to leave the site (e-mail today; a channel an SMS or WeChat sender could take).
 * Written in the same transaction as what caused them, sent by the scheduler, retried with back-off
 * until `sent` or, after the last attempt, `failed`. A digest's `digestKey` (user and day) makes it once a day.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    channel: text("channel").notNull().default("email"),
    address: text("address").notNull(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at").notNull(),
    lastError: text("last_error").notNull().default(""),
    digestKey: text("digest_key"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at"),
  },
  (t) => [index("outbox_due_idx").on(t.status, t.nextAttemptAt), uniqueIndex("outbox_digest_unique").on(t.digestKey)],
);
