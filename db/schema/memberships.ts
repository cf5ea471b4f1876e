import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Role } from "../../app/workflow/roles";
import { communities } from "./communities";
import { users } from "./users";

/** One row per user × community × role; a person may hold several roles. */
export const memberships = sqliteTable(
  "memberships",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<Role>().notNull(),
    grantedBy: integer("granted_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex("memberships_unique").on(t.communityId, t.userId, t.role),
    index("memberships_user_idx").on(t.userId),
  ],
);

/** Invitations to join a community with one role. Only the SHA-256 of the code is stored. */
export const invites = sqliteTable(
  "invites",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    role: text("role").$type<Role>().notNull(),
    codeHash: text("code_hash").notNull().unique(),
    /** The last four characters, so an admin can tell invites apart without the code. */
    codeHint: text("code_hint").notNull(),
    note: text("note").notNull().default(""),
    maxUses: integer("max_uses").notNull(),
    uses: integer("uses").notNull().default(0),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    /** A personal invite (from a roster): joining with it claims this pending account instead of making a new one. */
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [index("invites_community_idx").on(t.communityId)],
);
