import { describe, expect, it } from "vitest";
import { HALL_QUERY_MAX, hallFiltersQuery, hasHallFilters, parseHallFilters } from "~/forms/hall-filters";

const parse = (query: string) => parseHallFilters(new URLSearchParams(query));

describe("hall filters from the query string", () => {
  it("reads every valid filter", () => {
    expect(parse("stage=decision&category=4&status=closed&mine=1&q=%20电梯%20&page=3")).toEqual({
      stage: "decision",
      category: 4,
      status: "closed",
      mine: true,
      q: "电梯",
      page: 3,
    });
    expect(parse("mine=on").mine).toBe(true);
  });

  it("drops anything it does not recognise", () => {
    const none = { stage: null, category: null, status: null, mine: false, q: "", page: 1 };
    expect(parse("")).toEqual(none);
    expect(parse("stage=nope&category=abc&status=zzz&mine=maybe&page=-3")).toEqual(none);
    expect(parse("category=-1&page=0")).toEqual(none);
    expect(parse("category=1e3&page=1.5")).toEqual(none);
    expect(parse("category=99999999999999999999&page=99999999999999999999")).toEqual(none);
    expect(parse("stage=&status=&q=")).toEqual(none);
    expect(hasHallFilters(parse("stage=nope&page=4"))).toBe(false);
  });

  it("cleans the search text", () => {
    expect(parse("q=%00%E7%94%B5%E6%A2%AF%0A").q).toBe("电梯");
    expect([...parse(`q=${"长".repeat(500)}`).q]).toHaveLength(HALL_QUERY_MAX);
  });

  it("writes the same filters back into a query string", () => {
    const filters = parse("stage=collection&status=active&q=路灯&mine=1&category=2&page=2");
    expect(parseHallFilters(new URLSearchParams(hallFiltersQuery(filters).slice(1)))).toEqual(filters);
    expect(hallFiltersQuery({ stage: "collection", status: "active" })).toBe("?stage=collection&status=active");
    expect(hallFiltersQuery({ page: 1 })).toBe("");
  });
});
