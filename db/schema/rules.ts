import { sql } from "drizzle-orm";
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { DecidingBody } from "../../app/workflow/assembly";
import { communities } from "./communities";

/** 议事制度: one row of settings per community, started from a named rule pack. */
export const rules = sqliteTable("rules", {
  communityId: integer("community_id")
    .primaryKey()
    .references(() => communities.id),
  pack: text("pack").notNull(),
  quorumNum: integer("quorum_num").notNull(),
  quorumDen: integer("quorum_den").notNull(),
  quorumInclusive: integer("quorum_inclusive", { mode: "boolean" }).notNull(),
  passNum: integer("pass_num").notNull(),
  passDen: integer("pass_den").notNull(),
  passInclusive: integer("pass_inclusive", { mode: "boolean" }).notNull(),
  meetingRequestNum: integer("meeting_request_num").notNull(),
  meetingRequestDen: integer("meeting_request_den").notNull(),
  cosignThreshold: integer("cosign_threshold").notNull(),
  cosignWindowDays: integer("cosign_window_days").notNull(),
  screeningDays: integer("screening_days").notNull(),
  publicityDays: integer("publicity_days").notNull(),
  meetingNoticeDays: integer("meeting_notice_days").notNull(),
  ratingWindowDays: integer("rating_window_days").notNull(),
  satisfactionThresholdPct: integer("satisfaction_threshold_pct").notNull(),
  stalledDays: integer("stalled_days").notNull(),
  basisZh: text("basis_zh").notNull(),
  basisEn: text("basis_en").notNull(),
  /** The revision of the organic laws these numbers were set under ("" = before 2025-10-28; upgraded at start). */
  lawRevision: text("law_revision").notNull().default(""),
  /** The IANA time zone every time of the community is shown in (pages, CSV, minutes, the feed). */
  timeZone: text("time_zone").notNull().default("Asia/Shanghai"),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
});

/** 协商事项目录清单: categories of matters and what each requires. */
export const catalogueEntries = sqliteTable(
  "catalogue_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    code: text("code").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    needsVote: integer("needs_vote", { mode: "boolean" }).notNull(),
    needsPublicity: integer("needs_publicity", { mode: "boolean" }).notNull(),
    /** A higher pass threshold for this category (for example 2/3 for 一事一议 fund-raising). */
    passNum: integer("pass_num"),
    passDen: integer("pass_den"),
    /** The share is of ALL 组成人员 on the roster, not only of those present (一事一议 rules in some provinces). */
    passOfAll: integer("pass_of_all", { mode: "boolean" }).notNull().default(false),
    /** 重要事项: the party organisation's review must be recorded before a vote opens. */
    important: integer("important", { mode: "boolean" }).notNull().default(false),
    /** The building's owners decide (民法典 Art. 278, e.g. 加装电梯): the committee records their result, the hall checks it. */
    ownersDecide: integer("owners_decide", { mode: "boolean" }).notNull().default(false),
    /** Consultation may be skipped for this category, when the committee records why (topics.consultationWaiver). */
    consultationOptional: integer("consultation_optional", { mode: "boolean" }).notNull().default(false),
    /** Only the assembly decides (村委会组织法 Art. 28), unless it has authorised the representatives' meeting (assembly_authorisations). */
    decidedBy: text("decided_by").$type<DecidingBody>().notNull().default("representatives"),
    /** Villages: the matter goes through 四议两公开 (deliberation_steps) before its vote. */
    fourTwo: integer("four_two", { mode: "boolean" }).notNull().default(false),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [uniqueIndex("catalogue_code_unique").on(t.communityId, t.code)],
);
