import { describe, expect, it } from "vitest";
import { DAY_MS, daysOverdue, daysQuiet, funnelCounts, isStalled, median, medianDaysPerStage, rankBy, stageStays, type StageEvent } from "~/workflow/dashboard";

describe("median", () => {
  it("is null for nothing, the middle value for an odd count, the mean of the middle two for an even one", () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([2, 2, 2, 10])).toBe(2);
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("funnelCounts", () => {
  it("counts active topics per stage, zero for empty stages, finished topics left out", () => {
    expect(
      funnelCounts([
        { stage: "collection", status: "active", n: 4 },
        { stage: "collection", status: "rejected", n: 2 },
        { stage: "execution", status: "active", n: 1 },
        { stage: "supervision", status: "closed", n: 3 },
        { stage: "supervision", status: "active", n: 2 },
      ]),
    ).toEqual({ collection: 4, deliberation: 0, consultation: 0, decision: 0, execution: 1, supervision: 2 });
  });
});

describe("stage stays and their medians", () => {
  const day = (n: number) => n * DAY_MS;
  const events: StageEvent[] = [
    // Topic 1: the whole loop.
    { topicId: 1, toState: "open", at: day(0) },
    { topicId: 1, toState: "screening", at: day(3) }, // still collection
    { topicId: 1, toState: "drafting", at: day(4) },
    { topicId: 1, toState: "consulting", at: day(10) },
    { topicId: 1, toState: "onAgenda", at: day(17) },
    { topicId: 1, toState: "publicity", at: day(20) }, // still decision
    { topicId: 1, toState: "executing", at: day(27) },
    { topicId: 1, toState: "verifying", at: day(57) },
    { topicId: 1, toState: "closed", at: day(71) },
    // Topic 2, listed out of order: collection 2 days, deliberation still running.
    { topicId: 2, toState: "drafting", at: day(102) },
    { topicId: 2, toState: "screening", at: day(100) },
    // Topic 3: rejected in collection after 6 days; back from supervision to execution counts twice.
    { topicId: 3, toState: "screening", at: day(0) },
    { topicId: 3, toState: "rejected", at: day(6) },
  ];

  it("measures each finished stay from entering to leaving the stage", () => {
    const stays = stageStays(events);
    expect(stays.collection.sort((a, b) => a - b)).toEqual([2, 4, 6]);
    expect(stays.deliberation).toEqual([6]);
    expect(stays.consultation).toEqual([7]);
    expect(stays.decision).toEqual([10]);
    expect(stays.execution).toEqual([30]);
    expect(stays.supervision).toEqual([14]);
  });

  it("counts a return to a stage as another stay and leaves an unfinished stay out", () => {
    const stays = stageStays([
      { topicId: 5, toState: "executing", at: day(0) },
      { topicId: 5, toState: "verifying", at: day(10) },
      { topicId: 5, toState: "executing", at: day(24) },
      { topicId: 5, toState: "verifying", at: day(29) },
    ]);
    expect(stays.execution).toEqual([10, 5]);
    expect(stays.supervision).toEqual([14]);
  });

  it("gives the median per stage to one decimal, null where no stay has ended", () => {
    const medians = medianDaysPerStage([...events, { topicId: 4, toState: "drafting", at: 0 }, { topicId: 4, toState: "consulting", at: day(1) + DAY_MS / 3 }]);
    expect(medians.collection).toBe(4);
    expect(medians.deliberation).toBe(3.7); // (6 + 1.33) / 2
    expect(medianDaysPerStage([]).execution).toBeNull();
  });
});

describe("overdue and stalled tasks", () => {
  const created = 1_000 * DAY_MS;

  it("counts whole days overdue, 0 until the due time has passed by a full day", () => {
    expect(daysOverdue(created, created - 1)).toBe(0);
    expect(daysOverdue(created, created + DAY_MS - 1)).toBe(0);
    expect(daysOverdue(created, created + DAY_MS)).toBe(1);
    expect(daysOverdue(created, created + 9.5 * DAY_MS)).toBe(9);
  });

  it("is stalled only strictly after the rules' days without a report, from the planning when never reported", () => {
    const task = { status: "open", lastReportAt: null, createdAt: created };
    expect(isStalled(task, 7, created + 7 * DAY_MS)).toBe(false);
    expect(isStalled(task, 7, created + 7 * DAY_MS + 1)).toBe(true);
    expect(daysQuiet(task, created + 7 * DAY_MS + 1)).toBe(7);
  });

  it("counts from the last report when there is one, and never for a done task", () => {
    const reported = { status: "open", lastReportAt: created + 5 * DAY_MS, createdAt: created };
    expect(isStalled(reported, 7, created + 10 * DAY_MS)).toBe(false);
    expect(isStalled(reported, 7, created + 12 * DAY_MS + 1)).toBe(true);
    expect(isStalled({ ...reported, status: "done" }, 7, created + 100 * DAY_MS)).toBe(false);
    expect(isStalled(reported, 0, created + 5 * DAY_MS)).toBe(false);
    expect(isStalled(reported, 0, created + 5 * DAY_MS + 1)).toBe(true);
  });
});

describe("rankBy", () => {
  const rows = [
    { name: "a", overdue: 1, pct: null },
    { name: "b", overdue: 4, pct: 80 },
    { name: "c", overdue: 1, pct: 95 },
    { name: "d", overdue: 0, pct: 80 },
  ];

  it("ranks the most overdue first, ties in the given order", () => {
    expect(rankBy(rows, (r) => r.overdue).map((r) => r.name)).toEqual(["b", "a", "c", "d"]);
  });

  it("puts communities without a figure last", () => {
    expect(rankBy(rows, (r) => r.pct).map((r) => r.name)).toEqual(["c", "b", "d", "a"]);
    expect(rankBy(rows, (r) => r.pct, "asc").map((r) => r.name)).toEqual(["b", "d", "c", "a"]);
  });
});
