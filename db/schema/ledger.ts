import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { communities } from "./communities";

/**
 * 台账: an append-only, hash-chained record per community. `hash` is the SHA-256 of the canonical
 * JSON of every other field (see app/models/ledger.server.ts); `prevHash` links to the entry before.
 */
export const ledgerEntries = sqliteTable(
  "ledger_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communityId: integer("community_id")
      .notNull()
      .references(() => communities.id),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    actorId: integer("actor_id"),
    subject: text("subject").notNull(),
    payload: text("payload").notNull(),
    createdAt: text("created_at").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    uniqueIndex("ledger_seq_unique").on(t.communityId, t.seq),
    // A topic's (or motion's) own entries, e.g. the topic page's timeline, without reading the whole chain.
    index("ledger_subject_idx").on(t.communityId, t.subject),
  ],
);
