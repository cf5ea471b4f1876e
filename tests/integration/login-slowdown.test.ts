// Failed sign-ins slow down, they do not lock out: after the free failures each one doubles the next
// attempt's wait up to a cap, the 429 says how long (in both languages, with Retry-After), failures
// are forgotten with time, and people behind one address with their typos still get in. The server's
// clock is moved instead of waiting (the slow-down reads the one clock tests may move).
import { describe, expect, it } from "vitest";
import { POLICIES } from "~/auth/throttle.server";
import { shiftClock } from "~/models/clock.server";
import { useServer } from "./support/http";

process.env.TRUST_PROXY = "1";
// The first wait is 10 s here instead of 1 s, so that a loaded machine taking a second between two
// requests cannot let an attempt through that the test expects refused.
process.env.LOGIN_FIRST_DELAY_MS = "10000";
// The clock only ever moves forward in this file: moved back, the failures it recorded would lie in the future.
const http = useServer();

function attempt(username: string, password: string, ip: string, cookie?: string) {
  return http.fetch("/login", { form: { username, password, redirectTo: "/" }, headers: { "X-Forwarded-For": ip }, cookie });
}

describe("the slow-down per account", () => {
  it("doubles the wait after each failure beyond the free ones, up to an hour, and says so in both languages", async () => {
    const ip = "203.0.113.20";
    for (let i = 0; i < POLICIES.account().free; i++) expect((await attempt("resident1", "wrong", ip)).status).toBe(401);
    const waits: number[] = [];
    let refused = await attempt("resident1", "demo1234", ip);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("尝试次数过多,请 10 秒后再试。");
    for (let step = 0; step < 14; step++) {
      const wait = Number(refused.headers.get("Retry-After"));
      waits.push(wait);
      shiftClock(wait * 1000);
      expect((await attempt("resident1", "wrong", ip)).status).toBe(401);
      refused = await attempt("resident1", "demo1234", ip);
      expect(refused.status).toBe(429);
    }
    expect(waits).toEqual([10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600, 3600, 3600, 3600]);
    expect(await refused.text()).toContain("尝试次数过多,请 60 分钟后再试。");
    const english = await attempt("resident1", "demo1234", ip, await http.english());
    expect(english.status).toBe(429);
    expect(await english.text()).toContain("Too many attempts. Try again in 60 minutes.");
    // The wait ends on its own; the right password then gets in and clears the count.
    shiftClock(3600 * 1000);
    expect((await attempt("resident1", "demo1234", ip)).status).toBe(302);
    for (let i = 0; i < POLICIES.account().free; i++) expect((await attempt("resident1", "wrong", ip)).status).toBe(401);
  });

  it("forgets failures one at a time: occasional typos never make anyone wait", async () => {
    const ip = "203.0.113.21";
    // Twenty typos, one every two hours: never more than one remembered at a time.
    for (let i = 0; i < 20; i++) {
      expect((await attempt("resident2", "wrong", ip)).status).toBe(401);
      shiftClock(2 * 3_600_000);
    }
    expect((await attempt("resident2", "demo1234", ip)).status).toBe(302);
  });
});

describe("the slow-down per address", () => {
  it("lets a meeting's worth of people behind one address in, though most of them mistype first", async () => {
    // 36 people arrive over nine minutes and each types a wrong password before the right one: more
    // failures than the address's free ones, but spread out, so nobody is refused.
    const ip = "198.51.100.30";
    const people = ["resident1", "resident2", "resident3", "committee1", "committee2", "convener1", "supervisor1", "executor1"];
    for (let i = 0; i < 36; i++) {
      shiftClock(15_000);
      const who = people[i % people.length];
      expect((await attempt(who, "typo", ip)).status, `typo ${i}`).toBe(401);
      expect((await attempt(who, "demo1234", ip)).status, `person ${i}`).toBe(302);
    }
  });

  it("slows an address that fails fast, for at most five minutes, never a blanket lockout", async () => {
    const ip = "198.51.100.31";
    for (let i = 0; i < POLICIES.address().free; i++) expect((await attempt(`nobody${i}`, "wrong", ip)).status).toBe(401);
    let refused = await attempt("resident3", "demo1234", ip);
    expect(refused.status).toBe(429);
    const waits: number[] = [];
    for (let step = 0; step < 10; step++) {
      waits.push(Number(refused.headers.get("Retry-After")));
      shiftClock(waits[step] * 1000);
      expect((await attempt(`nobody-more${step}`, "wrong", ip)).status).toBe(401);
      refused = await attempt("resident3", "demo1234", ip);
      expect(refused.status).toBe(429);
    }
    expect(waits).toEqual([10, 20, 40, 80, 160, 300, 300, 300, 300, 300]);
    expect(refused.headers.get("Retry-After")).toBe("300");
    shiftClock(300_000);
    expect((await attempt("resident3", "demo1234", ip)).status).toBe(302);
  });
});
