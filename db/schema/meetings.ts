import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { AssemblyCount, MeetingBody } from "../../app/workflow/assembly";
import type { BallotChoice, MeetingRequestStatus, MeetingStatus, MotionStatus, OnFail, ResolutionStatus, RosterSeat } from "../../app/workflow/meetings";
import { communities } from "./communities";
import { topics } from "./topics";
import { users } from "./users";

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/** 代表会议提议: representatives asking for a meeting; at the rules' share the convener must convene. */
export const meetingRequests = sqliteTable(
  "meeting_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    reason: text("reason").notNull(),
    status: text("status").$type<MeetingRequestStatus>().notNull().default("collecting"),
    /** The body asked for: the representatives' meeting (1/5 of representatives) or the assembly (1/3 of representatives, or 1/10 of the register on paper). */
    body: text("body").$type<MeetingBody>().notNull().default("representatives"),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    /** When enough representatives had signed. */
    pendingAt: timestamp("pending_at"),
    meetingId: integer("meeting_id"),
  },
  (t) => [index("meeting_requests_community_idx").on(t.communityId, t.status)],
);

export const meetingRequestSignatures = sqliteTable(
  "meeting_request_signatures",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => meetingRequests.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.userId] })],
);

/** 村(居)民代表会议: one sitting with its agenda of motions. */
export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    /** 第 N 次会议 within the community. */
    number: integer("number").notNull(),
    title: text("title").notNull(),
    place: text("place").notNull(),
    /** 代表会议 or 村(居)民会议 (the assembly), and for an assembly how attendance is counted. */
    body: text("body").$type<MeetingBody>().notNull().default("representatives"),
    countBy: text("count_by").$type<AssemblyCount>(),
    scheduledAt: timestamp("scheduled_at").notNull(),
    /** Days of notice the rules asked for, and whether the convener went ahead with less. */
    noticeDaysRequired: integer("notice_days_required").notNull(),
    shortNotice: integer("short_notice", { mode: "boolean" }).notNull().default(false),
    /** The convener confirmed opening the session before its announced time (recorded, shown in the minutes). */
    startedEarly: integer("started_early", { mode: "boolean" }).notNull().default(false),
    status: text("status").$type<MeetingStatus>().notNull().default("scheduled"),
    /** Size of the roster taken when the session opened, less those who left it since: the figure the quorum is counted against. */
    members: integer("members"),
    requestId: integer("request_id").references(() => meetingRequests.id),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    startedAt: timestamp("started_at"),
    endedAt: timestamp("ended_at"),
  },
  (t) => [uniqueIndex("meetings_number_unique").on(t.communityId, t.number), index("meetings_scheduled_idx").on(t.communityId, t.scheduledAt)],
);

/** The roll: every representative on the roster when the session opened; present once checked in. */
export const meetingAttendance = sqliteTable(
  "meeting_attendance",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    checkedInAt: timestamp("checked_in_at"),
    /** The secretary who checked a representative in from the roster; null when they did it themselves. */
    checkedInBy: integer("checked_in_by").references(() => users.id),
    /**
     * When the representative left the roster mid-session (the street admin revoked the role): from
     * then on they are neither a member nor present, and nobody can check them in or vote for them.
     */
    leftAt: timestamp("left_at"),
    /** The seat this person holds among 组成人员: a committee member (居/村委会成员) or a representative. */
    seat: text("seat").$type<RosterSeat>().notNull().default("representative"),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

/** 表决事项: one topic's frozen text put to the vote, with its result once closed. */
export const motions = sqliteTable(
  "motions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    position: integer("position").notNull(),
    /** The frozen text and its SHA-256 as they stood when the motion was tabled. */
    text: text("text").notNull(),
    sha256: text("sha256").notNull(),
    secret: integer("secret", { mode: "boolean" }).notNull().default(false),
    onFail: text("on_fail").$type<OnFail>().notNull().default("revise"),
    status: text("status").$type<MotionStatus>().notNull().default("pending"),
    /** The pass rule that applies: the rules' share or the catalogue entry's higher one. */
    passNum: integer("pass_num").notNull(),
    passDen: integer("pass_den").notNull(),
    passInclusive: integer("pass_inclusive", { mode: "boolean" }).notNull(),
    /** The share is of every member on the roster, not only of those present. */
    passOfAll: integer("pass_of_all", { mode: "boolean" }).notNull().default(false),
    /**
     * The basis frozen when the vote opened (JSON: pack, quorum and pass ratios, articles and their text):
     * a later change of rules or pack never rewrites an old result.
     */
    basis: text("basis"),
    openedAt: timestamp("opened_at"),
    openedBy: integer("opened_by").references(() => users.id),
    closedAt: timestamp("closed_at"),
    closedBy: integer("closed_by").references(() => users.id),
    /** Counts: kept on the row for secret motions as ballots arrive; written at closing for all. */
    yes: integer("yes").notNull().default(0),
    no: integer("no").notNull().default(0),
    abstain: integer("abstain").notNull().default(0),
    present: integer("present"),
    passed: integer("passed", { mode: "boolean" }),
    /** An assembly's motion is counted by hand (举手 or paper): who counted and scrutinised the count. */
    countedBy: text("counted_by"),
  },
  (t) => [
    uniqueIndex("motions_position_unique").on(t.meetingId, t.position),
    index("motions_topic_idx").on(t.topicId),
    // A topic is on at most one agenda that has not yet voted on it.
    uniqueIndex("motions_topic_open_unique").on(t.topicId).where(sql`status not in ('closed', 'lapsed')`),
  ],
);

/**
 * 表决票: one per representative per motion, enforced by the primary key. For a secret motion the
 * choice is NULL: only who voted is stored here, and the choice goes straight into the motion's counts.
 */
export const ballots = sqliteTable(
  "ballots",
  {
    motionId: integer("motion_id")
      .notNull()
      .references(() => motions.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    choice: text("choice").$type<BallotChoice>(),
    /** The secretary who recorded a hand vote; null when the representative voted themselves. */
    recordedBy: integer("recorded_by").references(() => users.id),
    castAt: timestamp("cast_at").notNull(),
    /** The ledger entry that records this ballot (ledger:verify compares the two). */
    ledgerSeq: integer("ledger_seq").notNull(),
  },
  (t) => [primaryKey({ columns: [t.motionId, t.userId] })],
);

/** 决议: a passed motion, published for the 公示 period of the rules. */
export const resolutions = sqliteTable(
  "resolutions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    /** 决议第 N 号 within the community and year. */
    year: integer("year").notNull(),
    number: integer("number").notNull(),
    motionId: integer("motion_id")
      .notNull()
      .unique()
      .references(() => motions.id),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    sha256: text("sha256").notNull(),
    status: text("status").$type<ResolutionStatus>().notNull().default("publicity"),
    publishedAt: timestamp("published_at").notNull(),
    publicityEndsAt: timestamp("publicity_ends_at").notNull(),
    effectiveAt: timestamp("effective_at"),
    /** 暂缓执行 (an upheld objection) or 责令改正 (the street's order): when, and the public reason. */
    statusAt: timestamp("status_at"),
    statusReason: text("status_reason"),
  },
  (t) => [uniqueIndex("resolutions_number_unique").on(t.communityId, t.year, t.number), index("resolutions_topic_idx").on(t.topicId)],
);

/** 公示异议: a resident's objection to a resolution during its publicity period, answered by the committee. */
export const objections = sqliteTable(
  "objections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    resolutionId: integer("resolution_id")
      .notNull()
      .references(() => resolutions.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
    answer: text("answer"),
    upheld: integer("upheld", { mode: "boolean" }),
    answeredBy: integer("answered_by").references(() => users.id),
    answeredAt: timestamp("answered_at"),
  },
  (t) => [index("objections_resolution_idx").on(t.resolutionId)],
);
