import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { streets } from "./communities";

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Stored lower-case; unique. */
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  /** Optional contact details: phone from a roster (to tell people apart, never shown publicly), e-mail for notifications. */
  phone: text("phone"),
  email: text("email"),
  /** Brought in by a roster and not yet claimed: cannot sign in until the person joins with their personal invite. */
  pending: integer("pending", { mode: "boolean" }).notNull().default(false),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
});

/** Sessions the Lucia way: the id is the SHA-256 (hex) of the token; the token itself is never stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    userAgent: text("user_agent").notNull().default(""),
    ip: text("ip").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const streetAdmins = sqliteTable(
  "street_admins",
  {
    streetId: integer("street_id")
      .notNull()
      .references(() => streets.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.streetId, t.userId] })],
);

/**
 * Recent failed sign-ins per account, client address or known device, so the slow-down survives a
 * restart (docs/decisions/017-throttling.md). `failures` is a real number: each failure fades out
 * over its kind's forget time instead of a window ending all at once.
 */
export const loginFailures = sqliteTable("login_failures", {
  key: text("key").primaryKey(),
  failures: real("failures").notNull(),
  lastFailureAt: integer("last_failure_at").notNull(),
});

/**
 * Browsers that signed in to an account before: only the SHA-256 of the device cookie's token is
 * stored. One browser may be known for several accounts (a family's shared phone).
 */
export const knownDevices = sqliteTable(
  "known_devices",
  {
    tokenHash: text("token_hash").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tokenHash, t.userId] }), index("known_devices_user_idx").on(t.userId)],
);
