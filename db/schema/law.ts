import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { PartyReviewOutcome, PublicationKind } from "../../app/workflow/meetings";
import { communities } from "./communities";
import { meetings } from "./meetings";
import { topics } from "./topics";
import { users } from "./users";

// What the revised organic laws added around the representatives' meeting: 列席, the party
// organisation's review of 重要事项, the owners' own decisions (民法典 Art. 278) and 公示 on the board.

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/** 列席: supervisors (and other residents) attending a meeting; never counted in its quorum or tally. */
export const meetingObservers = sqliteTable(
  "meeting_observers",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** What they attend as: "supervisor" (村务/居务监督委员会) or "resident". */
    capacity: text("capacity").notNull(),
    checkedInAt: timestamp("checked_in_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

/** 党组织研究讨论: the party organisation's review of an important matter, recorded before its vote can open. */
export const partyReviews = sqliteTable(
  "party_reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    /** The day the body met (YYYY-MM-DD). */
    reviewedOn: text("reviewed_on").notNull(),
    /** The body that studied it (e.g. 社区党委会议, 村党支部委员会). */
    body: text("body").notNull(),
    outcome: text("outcome").$type<PartyReviewOutcome>().notNull(),
    note: text("note").notNull().default(""),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("party_reviews_topic_idx").on(t.topicId)],
);

/** The building owners' own decision (民法典 Art. 278), recorded by the committee and checked by the hall. */
export const ownerDecisions = sqliteTable("owner_decisions", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  communityId: integer("community_id")
    .notNull()
    .references(() => communities.id),
  topicId: integer("topic_id")
    .notNull()
    .unique()
    .references(() => topics.id),
  /** All owners of the building, and their exclusive areas in hundredths of a square metre. */
  ownersTotal: integer("owners_total").notNull(),
  areaTotal: integer("area_total").notNull(),
  /** Owners who took part in the vote, and their area. */
  participants: integer("participants").notNull(),
  participantsArea: integer("participants_area").notNull(),
  /** Owners who consented, and their area. */
  consenting: integer("consenting").notNull(),
  consentingArea: integer("consenting_area").notNull(),
  heldOn: text("held_on").notNull(),
  passed: integer("passed", { mode: "boolean" }).notNull(),
  recordedBy: integer("recorded_by")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

/** 公示: what the board publishes, each with its dates (no less than 15 days by law). */
export const publications = sqliteTable(
  "publications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    topicId: integer("topic_id").references(() => topics.id),
    kind: text("kind").$type<PublicationKind>().notNull(),
    /** The row published (a resolution's id, a consultation's id…), by kind. */
    refId: integer("ref_id"),
    title: text("title").notNull(),
    publishedAt: timestamp("published_at").notNull(),
    endsAt: timestamp("ends_at").notNull(),
  },
  (t) => [index("publications_community_idx").on(t.communityId, t.publishedAt), uniqueIndex("publications_ref_unique").on(t.kind, t.refId)],
);
