import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const COMMUNITY_KINDS = ["urban", "village"] as const;

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const streets = sqliteTable("streets", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  createdAt: createdAt(),
});

export const communities = sqliteTable("communities", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  streetId: integer("street_id")
    .notNull()
    .references(() => streets.id),
  slug: text("slug").notNull().unique(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  kind: text("kind", { enum: COMMUNITY_KINDS }).notNull(),
  createdAt: createdAt(),
  /** Archived by the street admin: off the lists and read-only; its records and ledger stay. */
  archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
});
