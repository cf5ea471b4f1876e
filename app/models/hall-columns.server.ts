import { isDeepStrictEqual } from "node:util";
import { catalogueEntries, topics, users } from "../../db/schema";
import { cachedRead } from "../cache/cache.server";
import type { HallColumns } from "~/components/hall/stage-columns";
import { now } from "./clock.server";
import { listHallTopics } from "./topic.server";

/** Columns are kept at most this long: their "N days in this stage" counts from when they were read. */
const FRESH_MS = 60_000;

interface Columns {
  byStage: HallColumns;
  /** The moment the days in each stage are counted from; the page counts from it too. */
  now: number;
}

/**
 * The hall's six columns as everyone in a community sees them, read once until a write to their tables in
 * this community (or for a minute): the cards are most of the hall's rendering, and a hall is viewed far more often
 * than its topics change. The hall renders their markup ahead once for as long as they live.
 */
const columnsOf = cachedRead<{ communityId: number; at: number }, Columns>(
  "hall-columns",
  {
    tables: [topics, users, catalogueEntries],
    community: ({ communityId }) => communityId,
    key: ({ at }) => Math.floor(at / FRESH_MS),
    max: 2000,
    same: (remembered, fresh) => isDeepStrictEqual(remembered.byStage, fresh.byStage),
  },
  ({ communityId, at }) => ({ byStage: listHallTopics({ communityId }), now: at }),
);

/** The hall's columns as everyone in the community sees them now (shared: read them, never change them). */
export function hallColumns({ communityId }: { communityId: number }): Columns {
  return columnsOf({ communityId, at: now().getTime() });
}
