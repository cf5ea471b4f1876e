// The clock can step back (NTP, or a test's clock put back): a failure then lies in the future. A wait
// is never longer than the slow-down's own delay, so the right password gets in as before.
import { afterEach, describe, expect, it } from "vitest";
import { DAY_MS, resetClock, shiftClock } from "~/models/clock.server";
import { useServer } from "./support/http";

process.env.TRUST_PROXY = "1";
const http = useServer();
afterEach(() => resetClock());

function attempt(username: string, password: string, ip: string) {
  return http.fetch("/login", { form: { username, password, redirectTo: "/" }, headers: { "X-Forwarded-For": ip } });
}

describe("sign-in after the clock steps back", () => {
  it("lets the right password in from an address whose sign-ins were all right", async () => {
    const ip = "203.0.113.70";
    shiftClock(7 * DAY_MS);
    expect((await attempt("resident2", "demo1234", ip)).status).toBe(302);
    resetClock();
    expect((await attempt("resident3", "demo1234", ip)).status).toBe(302);
  });

  it("makes a slowed account wait its delay, not the step", async () => {
    const ip = "203.0.113.71";
    shiftClock(DAY_MS);
    for (let i = 0; i < 5; i++) expect((await attempt("committee2", "wrong", ip)).status).toBe(401);
    resetClock();
    const refused = await attempt("committee2", "demo1234", ip);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("1");
  });
});
