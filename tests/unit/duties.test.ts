// The yearly duties at their edges (app/workflow/duties.ts): quarters and halves, the last day of a
// period, midnight in the community's zone, a leap year, what counts as held (a 流会 does not), and
// the 民主评议's verdict rule and its two consecutive 不称职 (app/workflow/appraisal.ts).
import { describe, expect, it } from "vitest";
import { localDate } from "~/i18n/time-zone";
import { twiceIncompetent, verdictOf } from "~/workflow/appraisal";
import { listDuties, periodOf, previousPeriod, type DutyFacts, type DutyMeeting } from "~/workflow/duties";

const inZone = (zone: string) => (at: Date) => localDate(at, zone);
const facts = (over: Partial<DutyFacts>): DutyFacts => ({ kind: "village", dayOf: inZone("Asia/Shanghai"), at: new Date("2026-11-15T04:00:00Z"), since: null, meetings: [], appraisals: [], ...over });
const sat = (iso: string, body: DutyMeeting["body"] = "representatives", status: DutyMeeting["status"] = "ended"): DutyMeeting => ({ body, status, scheduledAt: new Date(iso), startedAt: status === "ended" || status === "inquorate" ? new Date(iso) : null });
const pick = (d: ReturnType<typeof listDuties>, duty: string) => d.filter((x) => x.duty === duty).map((x) => `${x.period.key}:${x.status}`);

describe("periods", () => {
  it.each([
    ["2026-03-31", 3, "2026-Q1", "2026-01-01", "2026-03-31"],
    ["2026-04-01", 3, "2026-Q2", "2026-04-01", "2026-06-30"],
    ["2026-12-31", 3, "2026-Q4", "2026-10-01", "2026-12-31"],
    ["2026-06-30", 6, "2026-H1", "2026-01-01", "2026-06-30"],
    ["2026-07-01", 6, "2026-H2", "2026-07-01", "2026-12-31"],
    ["2028-02-10", 3, "2028-Q1", "2028-01-01", "2028-03-31"],
    ["2026-01-01", 12, "2026", "2026-01-01", "2026-12-31"],
  ] as const)("%s in %i-month periods is %s (%s – %s)", (date, months, key, from, to) => {
    expect(periodOf(date, months)).toEqual({ key, from, to });
  });

  it("steps back across the year, and knows February in leap years", () => {
    expect(previousPeriod(periodOf("2027-01-05", 3), 3)).toEqual({ key: "2026-Q4", from: "2026-10-01", to: "2026-12-31" });
    expect(previousPeriod(periodOf("2027-01-05", 6), 6).key).toBe("2026-H2");
    expect(previousPeriod(periodOf("2028-03-01", 12), 12).key).toBe("2027");
    // 2028 is a leap year; 2100 is not; 2000 was.
    expect(periodOf("2028-02-29", 12).to).toBe("2028-12-31");
    expect(listDuties(facts({ at: new Date("2028-02-29T04:00:00Z") })).find((d) => d.status === "due")!.period.key).toBe("2028-Q1");
  });
});

describe("meetings due", () => {
  it("a village: a representatives' meeting each quarter, an assembly and an appraisal each year", () => {
    const d = listDuties(facts({ meetings: [sat("2026-08-01T02:00:00Z"), sat("2026-10-20T02:00:00Z")] }));
    expect(pick(d, "representativesMeeting")).toEqual(["2026-Q4:done"]);
    // 2025 is judged as overdue: nothing says the community came later.
    expect(pick(d, "assembly")).toEqual(["2025:overdue", "2026:due"]);
    expect(pick(d, "appraisal")).toEqual(["2025:overdue", "2026:due"]);
    expect(d.find((x) => x.duty === "representativesMeeting")!.article).toBe("villagers:30");
    expect(d.find((x) => x.duty === "assembly")!.article).toBe("villagers:25");
    expect(d.find((x) => x.duty === "appraisal")!.article).toBe("villagers:38");
  });

  it("an urban community: a representatives' meeting each half year (Art. 28), no yearly assembly", () => {
    const d = listDuties(facts({ kind: "urban", since: new Date("2026-01-01T00:00:00Z"), meetings: [sat("2026-03-01T02:00:00Z")] }));
    expect(pick(d, "representativesMeeting")).toEqual(["2026-H2:due"]);
    expect(pick(d, "assembly")).toEqual([]);
    expect(d[0].article).toBe("residents:28");
    expect(d.find((x) => x.duty === "appraisal")!.article).toBe("residents:37");
    // Without the half-year's meeting, H1 is overdue.
    expect(pick(listDuties(facts({ kind: "urban", meetings: [] })), "representativesMeeting")).toEqual(["2026-H1:overdue", "2026-H2:due"]);
  });

  it("counts the meeting by its day in the community's zone, around midnight", () => {
    // 2026-09-30T16:30Z is 10-01 00:30 in Shanghai: Q4 there, Q3 in UTC.
    const late = [sat("2026-09-30T16:30:00Z")];
    expect(pick(listDuties(facts({ meetings: late })), "representativesMeeting")).toEqual(["2026-Q3:overdue", "2026-Q4:done"]);
    expect(pick(listDuties(facts({ dayOf: inZone("UTC"), meetings: late })), "representativesMeeting")).toEqual(["2026-Q4:due"]);
    // Today, too: 2026-12-31T16:30Z is already 2027-01-01 in Shanghai, so Q4 is the period just past.
    const newYear = facts({ at: new Date("2026-12-31T16:30:00Z"), meetings: [sat("2026-11-01T02:00:00Z")] });
    expect(pick(listDuties(newYear), "representativesMeeting")).toEqual(["2027-Q1:due"]);
    expect(pick(listDuties({ ...newYear, dayOf: inZone("UTC") }), "representativesMeeting")).toEqual(["2026-Q3:overdue", "2026-Q4:done"]);
  });

  it("on the last day of the quarter the duty is still due, the next day overdue", () => {
    const lastDay = facts({ at: new Date("2026-12-31T15:59:00Z"), since: new Date("2026-09-01T00:00:00Z") });
    expect(pick(listDuties(lastDay), "representativesMeeting")).toEqual(["2026-Q4:due"]);
    expect(listDuties(lastDay).find((d) => d.status === "due")!.dueBy).toBe("2026-12-31");
    expect(pick(listDuties({ ...lastDay, at: new Date("2026-12-31T16:00:00Z") }), "representativesMeeting")).toEqual(["2026-Q4:overdue", "2027-Q1:due"]);
  });

  it("a 流会 or a cancelled meeting does not count; a scheduled one makes the duty scheduled", () => {
    const d = (m: DutyMeeting[]) => pick(listDuties(facts({ since: new Date("2026-10-01T00:00:00Z"), meetings: m })), "representativesMeeting");
    expect(d([sat("2026-10-10T02:00:00Z", "representatives", "inquorate")])).toEqual(["2026-Q4:due"]);
    expect(d([sat("2026-10-10T02:00:00Z", "representatives", "cancelled")])).toEqual(["2026-Q4:due"]);
    expect(d([sat("2026-12-20T02:00:00Z", "representatives", "scheduled")])).toEqual(["2026-Q4:scheduled"]);
    // An assembly is not a representatives' meeting.
    expect(d([sat("2026-10-10T02:00:00Z", "assembly")])).toEqual(["2026-Q4:due"]);
    expect(pick(listDuties(facts({ meetings: [sat("2026-10-10T02:00:00Z", "assembly")] })), "assembly")).toEqual(["2025:overdue", "2026:done"]);
  });

  it("does not judge a period that began before the community came into the hall", () => {
    expect(pick(listDuties(facts({ since: new Date("2026-10-15T00:00:00Z") })), "representativesMeeting")).toEqual(["2026-Q4:due"]);
    expect(pick(listDuties(facts({ since: new Date("2026-06-30T15:00:00Z") })), "representativesMeeting")).toEqual(["2026-Q3:overdue", "2026-Q4:due"]);
  });

  it("the appraisal is done when the year's appraisal closed, scheduled while it is open", () => {
    const d = (appraisals: DutyFacts["appraisals"]) => pick(listDuties(facts({ since: new Date("2026-01-01T00:00:00Z"), appraisals })), "appraisal");
    expect(d([])).toEqual(["2026:due"]);
    expect(d([{ year: 2026, status: "open" }])).toEqual(["2026:scheduled"]);
    expect(d([{ year: 2026, status: "closed" }])).toEqual(["2026:done"]);
    expect(d([{ year: 2025, status: "closed" }])).toEqual(["2026:due"]);
  });
});

describe("the verdict rule (local practice) and two consecutive 不称职", () => {
  it.each([
    [{ competent: 6, basicallyCompetent: 2, incompetent: 2 }, "competent"],
    [{ competent: 5, basicallyCompetent: 3, incompetent: 2 }, "basicallyCompetent"],
    [{ competent: 2, basicallyCompetent: 2, incompetent: 6 }, "incompetent"],
    [{ competent: 5, basicallyCompetent: 0, incompetent: 5 }, "basicallyCompetent"],
    [{ competent: 0, basicallyCompetent: 1, incompetent: 0 }, "basicallyCompetent"],
    [{ competent: 0, basicallyCompetent: 0, incompetent: 0 }, null],
  ] as const)("%o → %s", (counts, verdict) => {
    expect(verdictOf(counts)).toBe(verdict);
  });

  it("flags a member rated 不称职 in two consecutive appraisals only", () => {
    const a = (year: number, v: Record<number, "competent" | "basicallyCompetent" | "incompetent">) => ({ year, verdicts: new Map(Object.entries(v).map(([k, x]) => [Number(k), x])) });
    expect(twiceIncompetent([a(2026, { 1: "incompetent", 2: "incompetent" }), a(2025, { 1: "incompetent", 2: "competent" })])).toEqual([{ userId: 1, years: [2025, 2026] }]);
    expect(twiceIncompetent([a(2024, { 1: "incompetent" }), a(2025, { 1: "basicallyCompetent" }), a(2026, { 1: "incompetent" })])).toEqual([]);
    expect(twiceIncompetent([a(2026, { 3: "incompetent" })])).toEqual([]);
  });
});
