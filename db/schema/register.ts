import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { communities } from "./communities";
import { users } from "./users";

// 户籍登记 (the household register): who belongs to the assembly (村民会议 / 居民会议). Personal data:
// never on a public page, never in the public board's feed; read by the committee, the convener, the
// supervisory committee and the street.

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/** 户: one household, with its address and its group (村民小组 / 居民小组). */
export const households = sqliteTable(
  "households",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    /** 户号, unique within the community (the key a CSV import matches on). */
    code: text("code").notNull(),
    address: text("address").notNull().default(""),
    /** 村民小组 / 居民小组 (free text: "第三村民小组"). */
    groupName: text("group_name").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at"),
    /** Moved away or merged: kept for old rolls, no longer counted. */
    removedAt: timestamp("removed_at"),
  },
  (t) => [uniqueIndex("households_code_unique").on(t.communityId, t.code), index("households_group_idx").on(t.communityId, t.groupName)],
);

/** One person of a household; adults (18+ on the meeting's day) belong to the assembly. */
export const householdMembers = sqliteTable(
  "household_members",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    householdId: integer("household_id")
      .notNull()
      .references(() => households.id),
    name: text("name").notNull(),
    /** YYYY-MM-DD: whether they are 18+ is reckoned on the meeting's day. */
    birthDate: text("birth_date").notNull(),
    /** 户代表: at most one per household (the model keeps it so). */
    representative: integer("representative", { mode: "boolean" }).notNull().default(false),
    /** The person's account, when they have one (many members have no phone). */
    userId: integer("user_id").references(() => users.id),
    createdAt: createdAt(),
    removedAt: timestamp("removed_at"),
  },
  (t) => [index("household_members_household_idx").on(t.householdId), index("household_members_community_idx").on(t.communityId)],
);
