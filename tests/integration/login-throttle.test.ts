// The login limiter under 200 parallel attempts over real HTTP: exactly the allowed number of password
// checks happen (the rest are refused with the translated 429), a correct password inside the locked
// window is refused too, and other accounts and other addresses are not locked out by it.
import { describe, expect, it } from "vitest";
import { LIMITS } from "~/auth/throttle.server";
import { useServer } from "./support/http";

process.env.TRUST_PROXY = "1";
const http = useServer();
const PARALLEL = 200;

/** One POST /login as from `ip` (the server trusts X-Forwarded-For here, as behind its proxy). */
function attempt(username: string, password: string, ip: string) {
  return http.fetch("/login", { form: { username, password, redirectTo: "/" }, headers: { "X-Forwarded-For": ip } });
}

/** Statuses of the answers, counted, and one body of each status. */
async function tally(responses: Response[]) {
  const counts: Record<number, number> = {};
  const bodies: Record<number, string> = {};
  for (const res of responses) {
    counts[res.status] = (counts[res.status] ?? 0) + 1;
    const text = await res.text();
    bodies[res.status] ??= text;
  }
  return { counts, bodies };
}

describe("the login limiter under 200 parallel attempts", () => {
  it("holds per account: exactly the allowed failures are checked, the rest get 429, even the right password", async () => {
    const limit = LIMITS.account();
    const { counts, bodies } = await tally(await Promise.all(Array.from({ length: PARALLEL }, (_, i) => attempt("resident1", `wrong-${i}`, "203.0.113.1"))));
    expect(counts).toEqual({ 401: limit, 429: PARALLEL - limit });
    expect(bodies[429]).toMatch(/尝试次数过多,请 \d+ 分钟后再试。/);
    expect((await attempt("resident1", "demo1234", "203.0.113.1")).status).toBe(429);
    // The account is what is locked, from any address.
    expect((await attempt("resident1", "demo1234", "203.0.113.99")).status).toBe(429);
    // Another account from the same address is not.
    expect((await attempt("resident2", "demo1234", "203.0.113.1")).status).toBe(302);
  });

  it("holds per address: many accounts from one address are checked up to its limit, other addresses unaffected", async () => {
    const limit = LIMITS.address();
    const { counts } = await tally(await Promise.all(Array.from({ length: PARALLEL }, (_, i) => attempt(`nobody${i}`, "wrong", "198.51.100.7"))));
    expect(counts).toEqual({ 401: limit, 429: PARALLEL - limit });
    expect((await attempt("resident3", "demo1234", "198.51.100.7")).status).toBe(429);
    expect((await attempt("resident3", "demo1234", "198.51.100.8")).status).toBe(302);
  });

  // Attempts in flight count against the limit (that is what keeps it exact), so a burst of right
  // passwords beyond it is refused too; once they are through, nothing of theirs stays counted.
  it("parallel right passwords sign in (up to the limit in flight) and leave nothing counted", async () => {
    const { counts } = await tally(await Promise.all(Array.from({ length: 20 }, () => attempt("committee1", "demo1234", "192.0.2.5"))));
    expect(counts[302]).toBeGreaterThanOrEqual(LIMITS.account());
    expect(counts[302] + (counts[429] ?? 0)).toBe(20);
    expect((await attempt("committee1", "demo1234", "192.0.2.5")).status).toBe(302);
    const strangers = await tally(await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(`stranger${i}`, "wrong", "192.0.2.5"))));
    expect(strangers.counts).toEqual({ 401: 10 });
  });
});

describe("the invite-code limiter under 200 parallel guesses", () => {
  it("checks exactly the allowed number of wrong codes from one address; other addresses unaffected", async () => {
    const limit = LIMITS.address();
    const guess = (i: number, ip: string) =>
      http.fetch("/join", { form: { intent: "new", code: `GUESS${i}`, username: `guess${i}`, displayName: "猜码", password: "long-enough-1", confirm: "long-enough-1" }, headers: { "X-Forwarded-For": ip } });
    const { counts } = await tally(await Promise.all(Array.from({ length: PARALLEL }, (_, i) => guess(i, "203.0.113.50"))));
    expect(counts).toEqual({ 400: limit, 429: PARALLEL - limit });
    expect((await guess(PARALLEL, "203.0.113.51")).status).toBe(400);
  });
});
