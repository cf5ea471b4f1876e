// The login slow-down under 200 parallel attempts over real HTTP: no password is checked while a wait
// is due, so a burst gets exactly the free failures' password checks and the rest are refused with a
// translated 429 and Retry-After; other accounts and other addresses are not held back by it.
// The first wait is set to a minute here so that it outlasts any burst on a loaded machine (with the
// default of one second a slow burst would rightly get a few more checks as waits run out).
import { describe, expect, it } from "vitest";
import { POLICIES } from "~/auth/throttle.server";
import { useServer } from "./support/http";

process.env.TRUST_PROXY = "1";
process.env.LOGIN_FIRST_DELAY_MS = "60000";
const http = useServer();
const PARALLEL = 200;

/** One POST /login as from `ip` (one trusted hop: the address our proxy appended). */
function attempt(username: string, password: string, ip: string) {
  return http.fetch("/login", { form: { username, password, redirectTo: "/" }, headers: { "X-Forwarded-For": ip } });
}

/** Statuses of the answers, counted, and one body and Retry-After of each status. */
async function tally(responses: Response[]) {
  const counts: Record<number, number> = {};
  const bodies: Record<number, string> = {};
  const retryAfter: Record<number, string | null> = {};
  for (const res of responses) {
    counts[res.status] = (counts[res.status] ?? 0) + 1;
    const text = await res.text();
    bodies[res.status] ??= text;
    retryAfter[res.status] ??= res.headers.get("Retry-After");
  }
  return { counts, bodies, retryAfter };
}

describe("the login slow-down under 200 parallel attempts", () => {
  it("holds per account: exactly the free failures are checked, the rest get 429, even the right password from a new device", async () => {
    const free = POLICIES.account().free;
    const { counts, bodies, retryAfter } = await tally(await Promise.all(Array.from({ length: PARALLEL }, (_, i) => attempt("resident1", `wrong-${i}`, "203.0.113.1"))));
    expect(counts).toEqual({ 401: free, 429: PARALLEL - free });
    expect(bodies[429]).toMatch(/尝试次数过多,请 \d+ 秒后再试。/);
    expect(Number(retryAfter[429])).toBeGreaterThan(50);
    expect((await attempt("resident1", "demo1234", "203.0.113.1")).status).toBe(429);
    // The account is what is slowed, from any address.
    expect((await attempt("resident1", "demo1234", "203.0.113.99")).status).toBe(429);
    // Another account from the same address is not.
    expect((await attempt("resident2", "demo1234", "203.0.113.1")).status).toBe(302);
  });

  it("holds per address: many accounts from one address are checked up to its free failures, other addresses unaffected", async () => {
    const free = POLICIES.address().free;
    const { counts } = await tally(await Promise.all(Array.from({ length: PARALLEL }, (_, i) => attempt(`nobody${i}`, "wrong", "198.51.100.7"))));
    expect(counts).toEqual({ 401: free, 429: PARALLEL - free });
    expect((await attempt("resident3", "demo1234", "198.51.100.7")).status).toBe(429);
    expect((await attempt("resident3", "demo1234", "198.51.100.8")).status).toBe(302);
  });

  // Attempts in flight count until they are through (that is what keeps the count exact), so a burst
  // of right passwords beyond the free failures may be refused too; afterwards nothing of theirs stays.
  it("parallel right passwords sign in (up to the free failures in flight) and leave nothing counted", async () => {
    const { counts } = await tally(await Promise.all(Array.from({ length: 20 }, () => attempt("committee1", "demo1234", "192.0.2.5"))));
    expect(counts[302]).toBeGreaterThanOrEqual(POLICIES.account().free);
    expect(counts[302] + (counts[429] ?? 0)).toBe(20);
    expect((await attempt("committee1", "demo1234", "192.0.2.5")).status).toBe(302);
    const strangers = await tally(await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(`stranger${i}`, "wrong", "192.0.2.5"))));
    expect(strangers.counts).toEqual({ 401: 10 });
  });
});

describe("the invite-code slow-down under 200 parallel guesses", () => {
  it("checks exactly the free number of wrong codes from one address, answers 429 with Retry-After; other addresses unaffected", async () => {
    const free = POLICIES.address().free;
    const guess = (i: number, ip: string) =>
      http.fetch("/join", { form: { intent: "new", code: `GUESS${i}`, username: `guess${i}`, displayName: "猜码", password: "long-enough-1", confirm: "long-enough-1" }, headers: { "X-Forwarded-For": ip } });
    const { counts, bodies, retryAfter } = await tally(await Promise.all(Array.from({ length: PARALLEL }, (_, i) => guess(i, "203.0.113.50"))));
    expect(counts).toEqual({ 400: free, 429: PARALLEL - free });
    expect(bodies[429]).toMatch(/尝试次数过多,请 \d+ 秒后再试。/);
    expect(Number(retryAfter[429])).toBeGreaterThan(50);
    expect((await guess(PARALLEL, "203.0.113.51")).status).toBe(400);
  });
});
