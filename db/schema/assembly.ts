import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { AppraisalRating, AppraisalStatus, FourTwoStep, StepOutcome } from "../../app/workflow/assembly";
import { catalogueEntries } from "./rules";
import { communities } from "./communities";
import { meetingRequests, meetings } from "./meetings";
import { householdMembers, households } from "./register";
import { topics } from "./topics";
import { users } from "./users";

// The assembly (村民会议 / 居民会议) and the duties the revised laws add: its roll taken at the door,
// requests signed on paper, authorisations of the representatives' meeting, the village's 四议两公开
// steps, and the yearly 民主评议.

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * An assembly's roll, taken from the register when the session opens: one row per adult (counting
 * persons) or per household (counting households; `memberId` is the adult who came for it, set at
 * check-in). Staff check people in at the door (`checkedInBy`).
 */
export const assemblyRoll = sqliteTable(
  "assembly_roll",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    householdId: integer("household_id")
      .notNull()
      .references(() => households.id),
    memberId: integer("member_id").references(() => householdMembers.id),
    /** "person" (counting persons) or "household" (counting households). */
    seat: text("seat").$type<"person" | "household">().notNull(),
    checkedInAt: timestamp("checked_in_at"),
    checkedInBy: integer("checked_in_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("assembly_roll_person_unique").on(t.meetingId, t.memberId).where(sql`seat = 'person'`),
    uniqueIndex("assembly_roll_household_unique").on(t.meetingId, t.householdId).where(sql`seat = 'household'`),
  ],
);

/** A request for an assembly signed on paper by members of the register (1/10 of adults or of households' representatives). */
export const meetingRequestPetitioners = sqliteTable(
  "meeting_request_petitioners",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => meetingRequests.id),
    memberId: integer("member_id")
      .notNull()
      .references(() => householdMembers.id),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.memberId] })],
);

/**
 * The assembly authorising the representatives' meeting to decide a category it would otherwise
 * decide itself (村委会组织法 Art. 28 ¶2): when, by which meeting, for which category, until when.
 */
export const assemblyAuthorisations = sqliteTable(
  "assembly_authorisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    catalogueEntryId: integer("catalogue_entry_id")
      .notNull()
      .references(() => catalogueEntries.id),
    /** What the assembly authorised, in its words. */
    scope: text("scope").notNull(),
    /** YYYY-MM-DD: from when, and until when (null: until revoked). */
    grantedOn: text("granted_on").notNull(),
    expiresOn: text("expires_on"),
    /** The assembly that granted it, when it sat in the hall. */
    meetingId: integer("meeting_id").references(() => meetings.id),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at"),
  },
  (t) => [index("assembly_authorisations_idx").on(t.communityId, t.catalogueEntryId)],
);

/** 四议: one of the three deliberations recorded on a topic before its decision (党组织提议, 两委商议, 党员大会审议). */
export const deliberationSteps = sqliteTable(
  "deliberation_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    step: text("step").$type<FourTwoStep>().notNull(),
    /** YYYY-MM-DD the body met. */
    heldOn: text("held_on").notNull(),
    body: text("body").notNull(),
    /** How many attended, of how many expected. */
    attended: integer("attended").notNull(),
    expected: integer("expected").notNull(),
    outcome: text("outcome").$type<StepOutcome>().notNull(),
    minutes: text("minutes").notNull(),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("deliberation_steps_topic_idx").on(t.topicId)],
);

/** 民主评议: one year's review of the committee's members, held at an assembly or a representatives' meeting, chaired by the supervisory committee. */
export const appraisals = sqliteTable(
  "appraisals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    year: integer("year").notNull(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    status: text("status").$type<AppraisalStatus>().notNull().default("open"),
    /** The supervisory committee's member who chairs it. */
    chairedBy: integer("chaired_by")
      .notNull()
      .references(() => users.id),
    openedAt: timestamp("opened_at").notNull(),
    closedAt: timestamp("closed_at"),
  },
  (t) => [uniqueIndex("appraisals_year_unique").on(t.communityId, t.year)],
);

/** Each committee member reviewed, with the secret ballot's counts and, once closed, the verdict. */
export const appraisalSubjects = sqliteTable(
  "appraisal_subjects",
  {
    appraisalId: integer("appraisal_id")
      .notNull()
      .references(() => appraisals.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    competent: integer("competent").notNull().default(0),
    basicallyCompetent: integer("basically_competent").notNull().default(0),
    incompetent: integer("incompetent").notNull().default(0),
    verdict: text("verdict").$type<AppraisalRating>(),
  },
  (t) => [primaryKey({ columns: [t.appraisalId, t.userId] })],
);

/** Who has cast their secret appraisal ballot (never what they chose: that goes straight into the counts). */
export const appraisalVoters = sqliteTable(
  "appraisal_voters",
  {
    appraisalId: integer("appraisal_id")
      .notNull()
      .references(() => appraisals.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    castAt: timestamp("cast_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.appraisalId, t.userId] })],
);
