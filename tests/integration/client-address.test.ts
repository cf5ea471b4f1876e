// Whose address a request counts as, over real HTTP (the server binds 127.0.0.1, so X-Forwarded-For
// is the only way to vary it): the session a sign-in opens records clientAddress(), and Express's
// req.ip must say the same. A client's own X-Forwarded-For entries are never believed beyond the
// configured hops.
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { sessionIdFromToken } from "~/auth/session.server";
import { POLICIES } from "~/auth/throttle.server";
import { getDb } from "../../db/client.server";
import { sessions } from "../../db/schema";
import { startServer, type RunningServer } from "../../server/app";
import { clientAddress, trustProxySetting } from "../../server/client-address";

// A first wait that outlasts a burst, so a burst's count of password checks is exact.
process.env.LOGIN_FIRST_DELAY_MS = "60000";

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  delete process.env.TRUST_PROXY;
});

async function serverTrusting(trustProxy: string | undefined) {
  if (trustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = trustProxy;
  running = await startServer({ port: 0, host: "127.0.0.1" });
  return running.url;
}

/** Signs resident1 in with the given X-Forwarded-For and returns the address its session recorded. */
async function recordedAddress(url: string, forwardedFor: string, extra: Record<string, string> = {}) {
  const res = await fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: url, "X-Forwarded-For": forwardedFor, ...extra },
    body: new URLSearchParams({ username: "resident1", password: "demo1234", redirectTo: "/" }),
  });
  expect(res.status).toBe(302);
  const token = res.headers.getSetCookie().find((c) => c.startsWith("yst_session="))!.split(";")[0].split("=")[1];
  return getDb().select({ ip: sessions.ip }).from(sessions).where(eq(sessions.id, sessionIdFromToken(token))).get()?.ip;
}

describe("the client's address", () => {
  it("is the socket's address when no proxy is trusted (unset or 0), whatever X-Forwarded-For says", async () => {
    for (const setting of [undefined, "0"]) {
      const url = await serverTrusting(setting);
      expect(await recordedAddress(url, "203.0.113.9")).toBe("127.0.0.1");
      expect(await recordedAddress(url, "6.6.6.6, 203.0.113.9")).toBe("127.0.0.1");
      await running!.close();
      running = undefined;
    }
  });

  it("with one hop is what our proxy appended, never the client's own leftmost entry", async () => {
    const url = await serverTrusting("1");
    expect(await recordedAddress(url, "203.0.113.9")).toBe("203.0.113.9");
    expect(await recordedAddress(url, "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(await recordedAddress(url, "1.1.1.1, 6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
  });

  it("with two hops skips exactly two", async () => {
    const url = await serverTrusting("2");
    expect(await recordedAddress(url, "6.6.6.6, 203.0.113.9, 10.0.0.2")).toBe("203.0.113.9");
    expect(await recordedAddress(url, "203.0.113.9, 10.0.0.2")).toBe("203.0.113.9");
  });

  it("with a list of proxy addresses skips only hops from those addresses", async () => {
    const url = await serverTrusting("127.0.0.1, 10.0.0.0/8");
    // Socket 127.0.0.1 and the inner proxy 10.1.2.3 are ours; 203.0.113.9 is not, so it is the client.
    expect(await recordedAddress(url, "6.6.6.6, 203.0.113.9, 10.1.2.3")).toBe("203.0.113.9");
    expect(await recordedAddress(url, "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
  });

  it("a setting that is neither a count nor addresses stops the server from starting", async () => {
    for (const bad of ["true", "10.0.0.0/99", "one"]) {
      process.env.TRUST_PROXY = bad;
      await expect(startServer({ port: 0, host: "127.0.0.1" })).rejects.toThrow(/TRUST_PROXY/);
    }
  });

  it("X-Forwarded-Host counts for the same-origin check only when our proxy sent the request", async () => {
    const post = (url: string) =>
      fetch(`${url}/language`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-For": "203.0.113.9" },
        body: new URLSearchParams({ lng: "en", redirectTo: "/" }),
      });
    expect((await post(await serverTrusting(undefined))).status).toBe(403);
    await running!.close();
    running = undefined;
    expect((await post(await serverTrusting("10.0.0.0/8"))).status).toBe(403);
    await running!.close();
    running = undefined;
    expect((await post(await serverTrusting("1"))).status).toBe(302);
  });
});

describe("the address the sign-in slow-down counts", () => {
  /** 200 parallel wrong passwords, each with its own spoofed leftmost X-Forwarded-For entry. */
  async function spoofedBurst(url: string, realHop: string) {
    const statuses = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const res = await fetch(`${url}/login`, {
          method: "POST",
          redirect: "manual",
          headers: { Origin: url, "X-Forwarded-For": `10.${i}.0.1${realHop}` },
          body: new URLSearchParams({ username: `spoofer${i}`, password: "wrong", redirectTo: "/" }),
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    return { 401: statuses.filter((s) => s === 401).length, 429: statuses.filter((s) => s === 429).length };
  }

  it("is the socket's without TRUST_PROXY, however X-Forwarded-For is varied", async () => {
    expect(await spoofedBurst(await serverTrusting(undefined), "")).toEqual({ 401: POLICIES.address().free, 429: 200 - POLICIES.address().free });
  });

  it("with TRUST_PROXY=1 is our proxy's entry: varying the leftmost entries does not escape it", async () => {
    expect(await spoofedBurst(await serverTrusting("1"), ", 203.0.113.77")).toEqual({ 401: POLICIES.address().free, 429: 200 - POLICIES.address().free });
  });
});

describe("Express's req.ip", () => {
  it("agrees with clientAddress() for every setting", async () => {
    const cases: [string | undefined, string][] = [
      [undefined, "6.6.6.6, 203.0.113.9"],
      ["0", "6.6.6.6"],
      ["1", "6.6.6.6, 203.0.113.9"],
      ["2", "6.6.6.6, 203.0.113.9, 10.0.0.2"],
      ["3", "203.0.113.9"],
      ["loopback, 10.0.0.0/8", "6.6.6.6, 203.0.113.9, 10.1.2.3"],
    ];
    for (const [setting, forwardedFor] of cases) {
      if (setting === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = setting;
      const app = express();
      app.set("trust proxy", trustProxySetting());
      app.get("/", (req, res) => res.json({ ip: req.ip, client: clientAddress(req) }));
      const server = app.listen(0, "127.0.0.1");
      await new Promise((resolve) => server.once("listening", resolve));
      const { port } = server.address() as AddressInfo;
      const body = (await (await fetch(`http://127.0.0.1:${port}/`, { headers: { "X-Forwarded-For": forwardedFor } })).json()) as { ip: string; client: string };
      await new Promise((resolve) => server.close(resolve));
      expect(body.ip, `TRUST_PROXY=${setting}`).toBe(body.client);
    }
  });
});
