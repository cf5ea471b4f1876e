import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { deadlines, topics } from "../../db/schema";
import { DAY_MS, resetClock, shiftClock } from "~/models/clock.server";
import { startScheduler } from "../../server/scheduler";

afterEach(() => resetClock());

describe("scheduler", () => {
  it("acts at start-up on deadlines that fell due while the server was down", () => {
    // The seeded topic #1 (open) has its co-sign window in the deadlines table; pretend the server
    // was off for three weeks.
    const topic = getDb().select().from(topics).where(eq(topics.title, "小区东门夜间照明不足")).get()!;
    expect(topic.state).toBe("open");
    shiftClock(21 * DAY_MS);
    const scheduler = startScheduler({ intervalMs: 3_600_000 });
    scheduler.stop();
    expect(getDb().select().from(topics).where(eq(topics.id, topic.id)).get()!.state).toBe("expired");
    const open = getDb().select().from(deadlines).where(eq(deadlines.topicId, topic.id)).all().filter((d) => !d.doneAt);
    expect(open).toEqual([]);
  });
});
