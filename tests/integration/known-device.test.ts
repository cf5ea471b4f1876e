// A browser that signed in to an account before (a known device) is never refused the right password
// by others' failures: not by someone guessing the account's password, not by a flood of failures
// from its own address. Its own wrong passwords slow it down (a stolen phone), without slowing the
// account's other devices. The server's clock is moved instead of waiting.
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { knownDevices } from "../../db/schema";
import { POLICIES } from "~/auth/throttle.server";
import { shiftClock } from "~/models/clock.server";
import { useServer } from "./support/http";

process.env.TRUST_PROXY = "1";
// A first wait of 10 s, not 1 s: a loaded machine's second between two requests must not end it.
process.env.LOGIN_FIRST_DELAY_MS = "10000";
// The clock only ever moves forward in this file: moved back, the failures it recorded would lie in the future.
const http = useServer();

function attempt(username: string, password: string, ip: string, extra: { cookie?: string; headers?: Record<string, string> } = {}) {
  return http.fetch("/login", { form: { username, password, redirectTo: "/" }, headers: { "X-Forwarded-For": ip, ...extra.headers }, cookie: extra.cookie });
}

/** The device cookie a successful sign-in sets, as sent back ("yst_device=<token>"), and its attributes. */
function deviceCookie(res: Response) {
  const header = res.headers.getSetCookie().find((c) => c.startsWith("yst_device="));
  expect(header, "device cookie").toBeDefined();
  return { pair: header!.split(";")[0], header: header! };
}

/** Keeps failing (as an attacker who waits out each refusal would) until the answer is a wait of at least `minSeconds`. */
async function persistAgainst(username: (i: number) => string, ip: string, minSeconds: number) {
  for (let i = 0; i < 80; i++) {
    const res = await attempt(username(i), "wrong", ip);
    if (res.status === 429) {
      const wait = Number(res.headers.get("Retry-After"));
      if (wait >= minSeconds) return;
      shiftClock(wait * 1000);
    }
  }
  throw new Error("the slow-down never reached the asked wait");
}

describe("a known device", () => {
  it("gets a long-lived HttpOnly cookie whose token is stored only as a hash", async () => {
    const res = await attempt("resident1", "demo1234", "203.0.113.40");
    expect(res.status).toBe(302);
    const { pair, header } = deviceCookie(res);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Max-Age=31536000/);
    expect(header).not.toMatch(/Secure/);
    const token = pair.split("=")[1];
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(JSON.stringify(getDb().select().from(knownDevices).all())).not.toContain(token);
    // Behind our proxy on https, the cookie is Secure.
    const https = await attempt("resident1", "demo1234", "203.0.113.40", { headers: { "X-Forwarded-Proto": "https" } });
    expect(deviceCookie(https).header).toMatch(/; Secure/);
  });

  it("signs the convener in while an attacker slows the account and floods the convener's own address", async () => {
    const hall = "192.0.2.60";
    const phone = deviceCookie(await attempt("convener1", "demo1234", hall)).pair;
    // The attacker keeps guessing the convener's password from elsewhere, for as long as it takes to be slowed to the hour…
    await persistAgainst(() => "convener1", "203.0.113.66", 3600);
    // …and fails with many accounts from the hall's own address until it is slowed to five minutes.
    await persistAgainst((i) => `nobody${i}`, hall, 300);
    expect((await attempt("convener1", "demo1234", hall, { cookie: phone })).status).toBe(302);
    expect((await attempt("convener1", "demo1234", "198.51.100.61", { cookie: phone })).status).toBe(302);
    // A browser that never signed in as the convener is slowed, as is a made-up device cookie.
    expect((await attempt("convener1", "demo1234", "198.51.100.61")).status).toBe(429);
    expect((await attempt("convener1", "demo1234", "198.51.100.61", { cookie: "yst_device=" + "a".repeat(32) })).status).toBe(429);
    // The convener signing in does not let the attacker start over.
    expect((await attempt("convener1", "wrong", "203.0.113.66")).status).toBe(429);
  });

  it("is known only for the accounts it signed in to", async () => {
    const phone = deviceCookie(await attempt("resident2", "demo1234", "192.0.2.70")).pair;
    await persistAgainst(() => "resident3", "203.0.113.71", 60);
    expect((await attempt("resident3", "demo1234", "192.0.2.70", { cookie: phone })).status).toBe(429);
  });

  it("is slowed by its own wrong passwords, which do not slow the account's other devices", async () => {
    const ip = "192.0.2.80";
    const phone = deviceCookie(await attempt("committee2", "demo1234", ip)).pair;
    for (let i = 0; i < POLICIES.device().free; i++) expect((await attempt("committee2", "wrong", ip, { cookie: phone })).status).toBe(401);
    const refused = await attempt("committee2", "demo1234", ip, { cookie: phone });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("10");
    // Another browser of the same person is not held back by the phone's typos.
    expect((await attempt("committee2", "demo1234", "198.51.100.81")).status).toBe(302);
    shiftClock(10_000);
    expect((await attempt("committee2", "demo1234", ip, { cookie: phone })).status).toBe(302);
    // …and a success forgets the phone's failures.
    for (let i = 0; i < POLICIES.device().free; i++) expect((await attempt("committee2", "wrong", ip, { cookie: phone })).status).toBe(401);
  });
});
