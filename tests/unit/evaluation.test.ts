// 综合评价's arithmetic: medians, shares, the month a figure covers, and months with nothing in them.
import { describe, expect, it } from "vitest";
import { nextMonth, parsePeriod, previousMonth } from "~/models/evaluation-period";
import { chartLabel, departmentFigures, meanPct, median, screeningFigures, sharePct, type CallFacts } from "~/workflow/evaluation";

const H = 3_600_000;
const t0 = new Date("2026-11-01T00:00:00Z");
const at = (hours: number) => new Date(t0.getTime() + hours * H);

function call(p: Partial<CallFacts> & { respondedAfter?: number; limit?: number }): CallFacts {
  return {
    departmentId: 1,
    createdAt: t0,
    responseDueAt: at(p.limit ?? 24),
    firstRespondedAt: p.respondedAfter === undefined ? null : at(p.respondedAfter),
    responseOverdue: p.responseOverdue ?? false,
    promisedBy: p.promisedBy ?? null,
    resolvedAt: p.resolvedAt ?? null,
  };
}

describe("medians and shares", () => {
  it("median of odd and even counts, none is null", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it("shares in whole percent, rounded; nothing counted is null", () => {
    expect(sharePct(1, 3)).toBe(33);
    expect(sharePct(2, 3)).toBe(67);
    expect(sharePct(0, 4)).toBe(0);
    expect(sharePct(0, 0)).toBeNull();
    expect(meanPct([80, 85])).toBe(83);
    expect(meanPct([])).toBeNull();
  });
});

describe("a department's figures", () => {
  it("counts a call the scheduler flagged as late, though its due time moved on after a question", () => {
    // Flagged at hour 24, asked for more at hour 30; the community's answer set a new due time (hour 80).
    const flagged = { ...call({ respondedAfter: 30 }), responseDueAt: at(80), responseOverdue: true };
    expect(departmentFigures([flagged, call({ respondedAfter: 2 })], at(90)).answeredInTimePct).toBe(50);
  });

  it("counts answered in time against the limit; a call still in time is not judged yet", () => {
    const calls = [
      call({ respondedAfter: 2 }), // in time
      call({ respondedAfter: 30 }), // late
      call({ limit: 10 }), // never answered, past due at hour 48
      call({ limit: 100 }), // not answered, still in time: not judged
    ];
    const f = departmentFigures(calls, at(48));
    expect(f).toMatchObject({ received: 4, answered: 2, medianResponseHours: 16, answeredInTimePct: 33 });
  });
  it("counts resolved by the promise among accepted calls resolved or past their promise", () => {
    const calls = [
      call({ respondedAfter: 1, promisedBy: at(50), resolvedAt: at(40) }), // kept
      call({ respondedAfter: 1, promisedBy: at(50), resolvedAt: at(60) }), // late
      call({ respondedAfter: 1, promisedBy: at(70) }), // past promise at hour 100, unresolved
      call({ respondedAfter: 1, promisedBy: at(500) }), // still in time: not judged
    ];
    expect(departmentFigures(calls, at(100)).resolvedByPromisePct).toBe(33);
  });
  it("an empty month has no figures but zero calls", () => {
    expect(departmentFigures([], at(0))).toEqual({ received: 0, answered: 0, medianResponseHours: null, answeredInTimePct: null, resolvedByPromisePct: null });
  });
});

describe("a community's screening", () => {
  it("median days to the decision and the share decided by the deadline", () => {
    const f = screeningFigures(
      [
        { screeningAt: t0, dueAt: at(7 * 24), decidedAt: at(2 * 24) },
        { screeningAt: t0, dueAt: at(7 * 24), decidedAt: at(9 * 24) },
        { screeningAt: t0, dueAt: at(7 * 24), decidedAt: null }, // past due at day 10
        { screeningAt: t0, dueAt: at(30 * 24), decidedAt: null }, // in time: not judged
      ],
      at(10 * 24),
    );
    expect(f).toEqual({ medianDays: 5.5, inTimePct: 33 });
    expect(screeningFigures([], at(0))).toEqual({ medianDays: null, inTimePct: null });
  });
});

describe("the period", () => {
  it("defaults to this month in the zone (Shanghai is 8 hours ahead of UTC)", () => {
    const p = parsePeriod(null, new Date("2026-11-30T17:00:00Z"), "Asia/Shanghai");
    expect(p).toMatchObject({ kind: "month", month: "2026-12" });
    if (p?.kind !== "month") throw new Error("month");
    expect(p.from.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(p.to.toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });
  it("takes all time, a real month, and refuses anything else", () => {
    expect(parsePeriod("all", t0, "Asia/Shanghai")).toEqual({ kind: "all" });
    expect(parsePeriod("2026-02", t0, "Asia/Shanghai")).toMatchObject({ month: "2026-02" });
    for (const bad of ["2026-13", "2026-2", "26-02", "1999-12", "<script>"]) expect(parsePeriod(bad, t0, "Asia/Shanghai")).toBeNull();
    expect(nextMonth("2026-12")).toBe("2027-01");
    expect(previousMonth("2026-01")).toBe("2025-12");
  });
});

describe("a chart's label", () => {
  it("keeps a short name whole and cuts a long one with an ellipsis", () => {
    expect(chartLabel("城管中队")).toBe("城管中队");
    expect(chartLabel("街道综治中心")).toBe("街道综治中心");
    expect(chartLabel("City Management Squad")).toBe("City Manag…");
    expect(chartLabel("")).toBe("");
  });
});
